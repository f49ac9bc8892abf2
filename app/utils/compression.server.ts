import compression from "compression";
import type { Request, Response } from "express";

// Issue #18, "Light on the wire": pages, their data, scripts, styles and CSV exports go out
// compressed (brotli where the browser offers it, else gzip), about a quarter of the bytes on a
// phone's slow connection. Brotli at quality 4 (the middleware's default) costs about what gzip
// does per request; the highest qualities are for files compressed once, not per answer.

/** Already compressed: a second pass only costs the server's time and adds bytes. */
const ALREADY_COMPRESSED =
  /^(image\/(jpeg|png|gif|webp|avif)|application\/(pdf|zip|gzip|x-zip-compressed)|video\/|audio\/)/i;

/**
 * Whether an answer is compressed. Server-sent events never are: a compressor holds each event
 * until its buffer fills, so the browser would see them late. Uploaded files sent back as
 * attachments of an already-compressed type (PDF, JPEG, PNG, ZIP) are sent as stored.
 */
export function shouldCompress(req: Request, res: Response): boolean {
  const type = String(res.getHeader("Content-Type") ?? "");
  if (/^text\/event-stream/i.test(type)) return false;
  if (ALREADY_COMPRESSED.test(type)) return false;
  return compression.filter(req, res);
}

export function compressResponses() {
  return compression({ filter: shouldCompress });
}
