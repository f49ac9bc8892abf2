/**
 * The one way the server writes an error to its log (issue #15): with the request id the person
 * was shown, and with nothing personal. Logs travel further than the database (log shippers, bug
 * reports), so they never carry a password, code, token, email address, name or case text.
 *
 * What is written of an error: its name, its code, its message with quoted values, email addresses
 * and long tokens taken out, and its stack frames. Never the error's other properties: PostgreSQL's
 * `detail` ("Key (email)=(…) already exists"), a driver's bound parameters, an SMTP reply naming the
 * recipient.
 */
export function logError(what: string, error: unknown, requestId?: string): void {
  console.error(`${requestId ? `[request ${requestId}] ` : ""}${redactForLog(what)}: ${describeError(error)}`);
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `(thrown ${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const head = `${error.name}${typeof code === "string" || typeof code === "number" ? ` [${code}]` : ""}: ${redactForLog(error.message)}`;
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  const cause = error.cause instanceof Error ? `\n  caused by ${describeError(error.cause)}` : "";
  return [head, ...frames].join("\n") + cause;
}

/** Text with what could be personal taken out: quoted values, email addresses, long tokens. */
export function redactForLog(text: string): string {
  return text
    .slice(0, 2000)
    .replace(/"[^"\n]*"|'[^'\n]*'|«[^»\n]*»|“[^”\n]*”/g, '"…"')
    .replace(/[^\s@<>()"']+@[^\s@<>()"']+/g, "<email>")
    .replace(/\b[A-Za-z0-9_-]{20,}\b/g, "<token>")
    .replace(/\((?:[^()\n]*)\)=\((?:[^()\n]*)\)/g, "(…)=(…)");
}
