// The forms /disputes/new posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).

export { disputeInputSchema } from "../domain/dispute-input";
