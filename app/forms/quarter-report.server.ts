// The forms a quarter's report page posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).

export { reportFormSchema } from "../domain/report-input";
