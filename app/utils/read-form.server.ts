import { badRequest } from "./http.server";

/**
 * The submitted form, or a 400 answer when the body cannot be read as one (a multipart body that
 * does not follow its boundary, say): a broken or hostile client's mistake, not a server fault, so
 * it must not become a 500. server.ts has already refused bodies that do not claim to be forms.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch (error) {
    if (request.signal.aborted) throw error;
    throw badRequest();
  }
}
