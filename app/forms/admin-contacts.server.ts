// The forms /admin/contacts posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).

export { contactsInputSchema } from "../domain/ssm-admin-input";
