import { badRequest } from "./http.server";

/**
 * The submitted form, or a 400 answer when the body cannot be read as one (a multipart body that
 * does not follow its boundary, say): a broken or hostile client's mistake, not a server fault, so
 * it must not become a 500. server.ts has already refused bodies that do not claim to be forms.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return withoutNulCharacters(await request.formData());
  } catch (error) {
    if (request.signal.aborted) throw error;
    throw badRequest();
  }
}

/**
 * The form with every NUL character taken out of its text values and file names. No field means
 * anything by one, PostgreSQL cannot store one in text, and a name or note must read the same
 * whichever database holds it; a file's bytes are left as they are.
 */
export function withoutNulCharacters(form: FormData): FormData {
  const clean = new FormData();
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") clean.append(name, value.replaceAll("\u0000", ""));
    else clean.append(name, value, value.name.replaceAll("\u0000", ""));
  }
  return clean;
}
