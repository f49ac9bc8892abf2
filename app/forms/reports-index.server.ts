// The quarter asked for in /reports, read on the server only: the browser never downloads zod (#18,
// docs/decisions/022).

export { quarterIdSchema } from "../domain/report-input";
