// What a file is, from its first bytes, never from its name: a renamed executable stays refused.
// Accepted: PDF, images (PNG, JPEG, GIF, WebP) and Office documents (Word, Excel, PowerPoint, in
// both the current ZIP-based formats and the older OLE ones).

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Files one provider's answer may carry (issue #17); the request's body limit bounds their bytes together. */
export const MAX_ANSWER_FILES = 5;

export interface DetectedType {
  mime: string;
  extension: string;
}

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

function containsAscii(bytes: Uint8Array, text: string, limit: number): boolean {
  const haystack = Buffer.from(bytes.subarray(0, Math.min(bytes.length, limit))).toString("latin1");
  return haystack.includes(text);
}

export function detectFileType(bytes: Uint8Array): DetectedType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: "application/pdf", extension: "pdf" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: "image/png", extension: "png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", extension: "jpg" };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { mime: "image/gif", extension: "gif" };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { mime: "image/webp", extension: "webp" };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { mime: "application/x-ole-storage", extension: "doc" };
  }
  // Office Open XML is a ZIP whose parts name the application: word/, xl/ or ppt/.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const scan = 64 * 1024;
    if (containsAscii(bytes, "word/", scan)) {
      return { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" };
    }
    if (containsAscii(bytes, "xl/", scan)) {
      return { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" };
    }
    if (containsAscii(bytes, "ppt/", scan)) {
      return { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extension: "pptx" };
    }
  }
  return null;
}

/**
 * The extensions each detected type may keep as the uploader wrote them; any other is replaced by
 * the type's own. An OLE file may be a Word, Excel or PowerPoint document of the older formats.
 */
const KEPT_EXTENSIONS: Record<string, readonly string[]> = {
  jpg: ["jpg", "jpeg"],
  doc: ["doc", "xls", "ppt", "msg"],
};

const EXTENSION_OF_MIME: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/x-ole-storage": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
};

/** The extension of a detected type, from its stored MIME type; null for one detectFileType never gives. */
export function extensionOfMime(mime: string): string | null {
  return EXTENSION_OF_MIME[mime] ?? null;
}

/**
 * A name safe to show and to send back in Content-Disposition: no paths, no control characters,
 * and the extension of what the file is, not what the uploader called it (issue #15: a PDF/HTML
 * polyglot named polyglot.html was offered as polyglot.html, a PNG named .svg as .svg; a browser or
 * desktop opens a download by its extension).
 */
export function safeFileName(name: string, extension: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"\\;]+/g, "")
    .trim()
    .slice(0, 120);
  const dot = cleaned.lastIndexOf(".");
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned).replace(/[.\s]+$/, "");
  const given = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : "";
  const kept = (KEPT_EXTENSIONS[extension] ?? [extension]).includes(given) ? given : extension;
  return `${stem || "attachment"}.${kept}`;
}
