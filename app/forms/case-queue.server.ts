// The queue's filters, read from the address on the server only: the browser never downloads zod
// (#18, docs/decisions/022).

import { z } from "zod";

export { parseQueueFilters } from "../domain/queue-filters";

/** A manager marks a survey review task done from the queue (#20). */
export const surveyReviewDoneSchema = z.object({
  intent: z.literal("survey_review_done"),
  taskId: z.coerce.number().int().min(1),
});
