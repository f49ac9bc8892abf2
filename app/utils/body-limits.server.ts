import { MAX_ATTACHMENT_BYTES } from "../domain/file-type";

/**
 * How much a request body may hold, checked by server.ts while it arrives and before anything
 * parses it (issue #15): one anonymous form of a million fields used to stop the server, and a
 * 64 MB one was read in full before it was refused.
 */
export interface BodyLimits {
  /** The whole body. */
  maxBytes: number;
  /** Fields (URL-encoded pairs, or multipart parts). */
  maxFields: number;
  /** One text field's bytes as sent (encoded); a file part is bounded by maxBytes only. */
  maxFieldBytes: number;
}

// The longest text a form takes is 10,000 characters (a policy's or a complaint's free text); sent
// URL-encoded, a character outside ASCII takes up to 9 bytes. So 128 KB a field, 512 KB a form, and
// 200 fields (the longest form, the policy's, has about 40) leave room for every real form.
const FIELD_BYTES = 128 * 1024;
const FORM_BYTES = 512 * 1024;
const FIELDS = 200;

/** Plain forms: sign-in, filing, admin forms. */
export const FORM_LIMITS: BodyLimits = { maxBytes: FORM_BYTES, maxFields: FIELDS, maxFieldBytes: FIELD_BYTES };
/**
 * Forms that may carry one evidence file: twice the file's own limit, plus the form around it, so a
 * file a person picked that is somewhat too big reaches the action and is refused beside the field
 * ("larger than 10 MB") instead of by a bare 413; anything bigger is refused unread.
 */
export const UPLOAD_LIMITS: BodyLimits = {
  maxBytes: 2 * MAX_ATTACHMENT_BYTES + FORM_BYTES + 64 * 1024,
  maxFields: FIELDS,
  maxFieldBytes: FIELD_BYTES,
};

/**
 * The JSON API (issue #22): one staff action a request, whose longest text is a decision's 10,000
 * characters (up to 60 KB escaped as JSON). A JSON body has no form fields, so only its size counts.
 */
export const API_LIMITS: BodyLimits = { maxBytes: 64 * 1024, maxFields: 64 * 1024, maxFieldBytes: 64 * 1024 };

// The routes whose action reads an attachment (multipart.server.ts), as pages and as the data
// requests Remix's client sends (`/status.data`).
const UPLOAD_PATHS = [
  /^\/status(\.data)?$/,
  /^\/cases\/[^/]+(\.data)?$/,
  /^\/disputes\/[^/]+(\.data)?$/,
  /^\/respond\/[^/]+(\.data)?$/,
];

export function bodyLimitsFor(pathname: string): BodyLimits {
  if (pathname.startsWith("/api/")) return API_LIMITS;
  return UPLOAD_PATHS.some((p) => p.test(pathname)) && !/^\/(cases|disputes)\/new(\.data)?$/.test(pathname)
    ? UPLOAD_LIMITS
    : FORM_LIMITS;
}

export type BodyViolation = "too_large" | "too_many_fields" | "field_too_large";

/**
 * Counts a body's bytes, fields and field sizes chunk by chunk, keeping the body so it can be
 * handed on whole once it passed. Only Buffer.indexOf runs over the bytes (native), so a body at
 * its limit costs a few milliseconds of the event loop, never seconds.
 */
export class BodyGuard {
  private buffer: Buffer;
  private length = 0;
  /** Where the next search for a separator starts. */
  private searchFrom = 0;
  private fields = 0;
  /** Where the current field started (URL-encoded) or its part's delimiter (multipart). */
  private fieldStart = 0;
  private readonly delimiter: Buffer | null;

  constructor(
    private readonly limits: BodyLimits,
    contentType: string,
    expectedBytes = 0,
  ) {
    const boundary = /boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
    this.delimiter =
      /^multipart\//i.test(contentType) && boundary ? Buffer.from(`--${boundary[1] ?? boundary[2]}`, "latin1") : null;
    this.buffer = Buffer.allocUnsafe(Math.min(Math.max(expectedBytes, 16 * 1024), limits.maxBytes));
  }

  /** Adds a chunk; returns why the body is refused, or null while it is within its limits. */
  push(chunk: Buffer): BodyViolation | null {
    if (this.length + chunk.length > this.limits.maxBytes) return "too_large";
    if (this.length + chunk.length > this.buffer.length) {
      const grown = Buffer.allocUnsafe(
        Math.min(this.limits.maxBytes, Math.max(this.buffer.length * 2, this.length + chunk.length)),
      );
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    chunk.copy(this.buffer, this.length);
    this.length += chunk.length;
    return this.delimiter ? this.scanMultipart(this.delimiter) : this.scanUrlEncoded();
  }

  /** The body so far (all of it once the request ended). */
  body(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private scanUrlEncoded(): BodyViolation | null {
    const body = this.body();
    if (this.length > 0 && this.fields === 0) this.fields = 1;
    let at = body.indexOf(0x26 /* & */, this.searchFrom);
    while (at !== -1) {
      if (at - this.fieldStart > this.limits.maxFieldBytes) return "field_too_large";
      this.fields += 1;
      if (this.fields > this.limits.maxFields) return "too_many_fields";
      this.fieldStart = at + 1;
      at = body.indexOf(0x26, this.fieldStart);
    }
    this.searchFrom = this.length;
    return this.length - this.fieldStart > this.limits.maxFieldBytes ? "field_too_large" : null;
  }

  private scanMultipart(delimiter: Buffer): BodyViolation | null {
    const body = this.body();
    for (;;) {
      const at = body.indexOf(delimiter, this.searchFrom);
      if (at === -1) break;
      if (
        this.fields > 0 &&
        at - this.fieldStart > this.limits.maxFieldBytes &&
        !this.partIsFile(this.fieldStart + delimiter.length)
      )
        return "field_too_large";
      this.fields += 1;
      if (this.fields > this.limits.maxFields + 1) return "too_many_fields"; // the closing delimiter is not a field
      this.fieldStart = at;
      this.searchFrom = at + delimiter.length;
    }
    // A delimiter may straddle two chunks: the next scan starts just before this one's end.
    this.searchFrom = Math.max(this.searchFrom, this.length - delimiter.length + 1);
    const open = this.length - this.fieldStart;
    return this.fields > 0 && open > this.limits.maxFieldBytes && !this.partIsFile(this.fieldStart + delimiter.length)
      ? "field_too_large"
      : null;
  }

  /** Whether the part whose header starts at `offset` names a file (its header within 1 KB). */
  private partIsFile(offset: number): boolean {
    const head = this.buffer.subarray(offset, Math.min(this.length, offset + 1024));
    const end = head.indexOf("\r\n\r\n");
    return /filename\*?=/i.test(head.subarray(0, end === -1 ? head.length : end).toString("latin1"));
  }
}
