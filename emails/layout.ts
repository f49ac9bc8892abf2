import type { Language } from "../app/domain/vocabulary";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Subjects go into a header: no line breaks may reach it, whatever a filer typed. */
export function headerSafe(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, " ").trim();
}

// An address in a message: up to a space, less the punctuation that ends the sentence around it.
const LINK = /https?:\/\/[^\s<>"]+?(?=[.,;:!?)»]*(?:\s|$))/g;

/**
 * Every link in an email opens the page in the email's language: a French filer whose browser is
 * English lands in French. Our emails link only to Recourse's own pages, which all read `lng`.
 */
export function inLanguage(url: string, language: Language): string {
  if (/[?&]lng=/.test(url)) return url;
  const hash = url.indexOf("#");
  const [base, fragment] = hash === -1 ? [url, ""] : [url.slice(0, hash), url.slice(hash)];
  return `${base}${base.includes("?") ? "&" : "?"}lng=${language}${fragment}`;
}

/** A paragraph as HTML: escaped, line breaks kept, and each address a real link. */
function paragraphHtml(paragraph: string): string {
  let html = "";
  let last = 0;
  for (const match of paragraph.matchAll(LINK)) {
    const url = match[0];
    html += escapeHtml(paragraph.slice(last, match.index)) + `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = match.index + url.length;
  }
  html += escapeHtml(paragraph.slice(last));
  return `<p>${html.replace(/\n/g, "<br>")}</p>`;
}

/**
 * One message from paragraphs: plain text for every client, simple HTML with the same words and
 * real links. Links to `ownOrigin` (Recourse's own pages) carry the language; any other address,
 * such as one a case officer typed into a reply, is left exactly as written.
 */
export function renderEmail(
  language: Language,
  subject: string,
  paragraphs: string[],
  ownOrigin?: string,
): RenderedEmail {
  const ours = (url: string) => ownOrigin !== undefined && (url === ownOrigin || url.startsWith(`${ownOrigin}/`));
  const linked = paragraphs.map((p) => p.replace(LINK, (url) => (ours(url) ? inLanguage(url, language) : url)));
  const text = linked.join("\n\n") + "\n";
  const body = linked.map(paragraphHtml).join("\n");
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${escapeHtml(headerSafe(subject))}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em;">
${body}
</body>
</html>
`;
  return { subject: headerSafe(subject), text, html };
}
