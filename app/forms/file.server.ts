// The forms /file posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).

export { complaintInputSchema } from "../domain/complaint-input";
