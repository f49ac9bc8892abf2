import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { MAX_ATTACHMENT_BYTES } from "../domain/file-type";
import { badRequest } from "./http.server";
import { readForm, withoutNulCharacters } from "./read-form.server";

export interface UploadForm {
  formData: FormData;
  /** The file sent as `attachment`, if any, with its bytes. */
  file: { name: string; bytes: Uint8Array } | null;
  tooBig: boolean;
}

/** Reads a form that may carry one evidence file; a file over the limit is refused, not buffered. */
export async function readFormWithUpload(request: Request): Promise<UploadForm> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return { formData: await readForm(request), file: null, tooBig: false };
  }
  try {
    const formData = withoutNulCharacters(
      await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }),
      ),
    );
    const entry = formData.get("attachment");
    const file =
      entry && typeof entry !== "string" && entry.size > 0
        ? { name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) }
        : null;
    return { formData, file, tooBig: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { formData: new FormData(), file: null, tooBig: true };
    // A body that does not follow its own boundary: the client's fault, answered 400, not 500.
    if (!request.signal.aborted) throw badRequest();
    throw error;
  }
}
