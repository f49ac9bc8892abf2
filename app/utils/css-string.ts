/** Any text as a CSS string: every character outside plain printable ASCII, and " and \, as an escape. */
export function cssString(text: string): string {
  const escaped = Array.from(text)
    .map((c) => (/[ -~]/.test(c) && c !== '"' && c !== "\\" && c !== "<" ? c : `\\${c.codePointAt(0)!.toString(16)} `))
    .join("");
  return `"${escaped}"`;
}
