import type { AttachmentDownload } from "../services/attachments.server";
import type { AttachResult } from "../services/attachments.server";
import type { FieldErrors } from "./form";

/** Always a download, never shown inline: an uploaded file can never run as a page of this site. */
export function attachmentResponse(file: AttachmentDownload): Response {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** The field error for a refused upload. */
export function uploadErrors(result: AttachResult | { ok: false; reason: "too_big" }): FieldErrors | null {
  if (result.ok) return null;
  const key =
    result.reason === "too_big"
      ? "error.fileTooBig"
      : result.reason === "type"
        ? "error.fileType"
        : result.reason === "finished"
          ? "status.refused.finished"
          : "error.fileEmpty";
  return { attachment: { key } };
}
