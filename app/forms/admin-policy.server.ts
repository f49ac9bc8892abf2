// The forms /admin/policy posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).

export { policyInputSchema } from "../domain/policy-input";
