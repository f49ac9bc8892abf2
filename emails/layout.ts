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

/** One message from paragraphs: plain text for every client, simple HTML with the same words. */
export function renderEmail(language: Language, subject: string, paragraphs: string[]): RenderedEmail {
  const text = paragraphs.join("\n\n") + "\n";
  const body = paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("\n");
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
