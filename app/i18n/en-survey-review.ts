// Issue #20's "done" on survey review tasks, kept apart so en.ts stays one job per block; spread into
// en.ts, so they are MessageKeys like every other. fr-survey-review.ts: same keys.
export const enSurveyReview = {
  "queue.surveyReviews.done": "Mark as done",
  "queue.surveyReviews.doneLabel": "Mark as done: {quarter}, fairness {fair}, timeliness {timely}",
  "queue.surveyReviews.doneNotice": "The review is marked done.",
} as const;
