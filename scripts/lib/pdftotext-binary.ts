/** Where Debian's poppler-utils puts pdftotext, which reads printed pages back in the browser tests
 * (scripts/ensure-poppler.ts installs it). */
export const PDFTOTEXT_BINARY = process.env.PDFTOTEXT_PATH ?? "/usr/bin/pdftotext";
