import type { NextFunction, Request, Response } from "express";
import { BodyGuard, bodyLimitsFor, type BodyViolation } from "./body-limits.server";
import { DYNAMIC_CACHE_CONTROL } from "./security-headers.server";

/** Where the body read by readLimitedBody is kept for the Remix handler (express-handler.server.ts). */
export const LIMITED_BODY = "limitedBody";

// How long a refused client may go on sending before its connection is cut. The answer (413) is
// sent at once and nothing more is read meanwhile (the socket is paused, so the client's window
// fills and it stops); closing at once instead would reset the connection, and a client still
// sending might then lose the answer itself.
const LINGER_MS = 2_000;

const MESSAGES: Record<BodyViolation, string> = {
  too_large: "Payload too large. / Contenu trop volumineux.",
  too_many_fields: "Too many fields in the form. / Trop de champs dans le formulaire.",
  field_too_large: "A field of the form is too long. / Un champ du formulaire est trop long.",
};

/**
 * Reads a request's body within its route's limits (body-limits.server.ts) before anything parses
 * it: a body declared too large is refused before one byte is read, and one that grows past a limit
 * while it arrives is refused there, with 413, the rest left unread. A body within its limits is
 * kept whole and handed to Remix.
 */
export function readLimitedBody(req: Request, res: Response, next: NextFunction): void {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const limits = bodyLimitsFor(req.path);
  const declared = Number(req.get("content-length") ?? 0);
  if (declared > limits.maxBytes) return refuse(req, res, "too_large");
  const guard = new BodyGuard(limits, req.get("content-type") ?? "", declared);
  let done = false;
  const onData = (chunk: Buffer) => {
    const violation = guard.push(chunk);
    if (violation && !done) {
      done = true;
      req.off("data", onData);
      refuse(req, res, violation);
    }
  };
  req.on("data", onData);
  req.once("end", () => {
    if (done) return;
    done = true;
    res.locals[LIMITED_BODY] = guard.body();
    next();
  });
  // A client that leaves mid-body: nothing to answer.
  req.once("error", () => {
    done = true;
  });
}

function refuse(req: Request, res: Response, violation: BodyViolation): void {
  req.pause();
  const socket = req.socket as Request["socket"] & { destroySoon?: () => void };
  // With "Connection: close" Node destroys the socket as soon as the answer is written; a client
  // still sending would then get a reset, and may lose the answer with it. Half-close instead (the
  // answer, then our end of the stream), read nothing more, and cut the connection a little later.
  socket.destroySoon = () => socket.end();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  res
    .status(413)
    .set({ "Cache-Control": DYNAMIC_CACHE_CONTROL, Connection: "close" })
    .type("text/plain")
    .send(MESSAGES[violation]);
}
