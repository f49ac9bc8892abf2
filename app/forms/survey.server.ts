// The forms the satisfaction survey posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).

export { surveyInputSchema } from "../domain/survey-input";
