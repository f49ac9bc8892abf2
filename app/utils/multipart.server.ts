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
  /** Every file sent as `attachment` (a provider's answer may carry several), in order. */
  files: { name: string; bytes: Uint8Array }[];
  tooBig: boolean;
}

/** Reads a form that may carry one evidence file; a file over the limit is refused, not buffered. */
export async function readFormWithUpload(request: Request): Promise<UploadForm> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return { formData: await readForm(request), file: null, files: [], tooBig: false };
  }
  try {
    const formData = withoutNulCharacters(
      await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }),
      ),
    );
    const files = await Promise.all(
      formData
        .getAll("attachment")
        .filter((entry): entry is File => typeof entry !== "string" && entry.size > 0)
        .map(async (entry) => ({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) })),
    );
    return { formData, file: files[0] ?? null, files, tooBig: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return { formData: new FormData(), file: null, files: [], tooBig: true };
    // A body that does not follow its own boundary: the client's fault, answered 400, not 500.
    if (!request.signal.aborted) throw badRequest();
    throw error;
  }
}
