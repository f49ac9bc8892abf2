// The shape app/services/attachments.server.ts returns, stated here by what this file reads, so
// utilities stay below the services.
interface FileToSend {
  name: string;
  contentType: string;
  size: number;
  /** Streamed: a download never holds the whole file in memory. */
  body: ReadableStream<Uint8Array>;
}

/** Always a download, never shown inline: an uploaded file can never run as a page of this site. */
export function attachmentResponse(file: FileToSend): Response {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_");
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
