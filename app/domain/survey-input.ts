import { z } from "zod";
import { TEXT_LIMITS } from "./text-limits";

// The satisfaction survey sent when a case closes (issue #6): three ratings and a comment.
// Messages are translation keys, shown beside each question and in the error summary.

export const SURVEY_QUESTIONS = ["clear", "fair", "timely"] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];

export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

export const SURVEY_COMMENT_MAX = TEXT_LIMITS.surveyComment;

/** How long a survey link works after the case closes. The survey page shows it, so it is kept out of
 * .server modules, whose exports are undefined in the browser (a hydration mismatch). */
export const SURVEY_VALID_DAYS = 30;

// A radio group sends nothing when no choice is made: missing and out-of-range are one error.
const rating = z.enum(["1", "2", "3", "4", "5"], { error: "error.choose" }).transform((v) => Number(v) as Rating);

export const surveyInputSchema = z.object({
  clear: rating,
  fair: rating,
  timely: rating,
  comment: z
    .string()
    .trim()
    .max(SURVEY_COMMENT_MAX, "error.tooLong")
    .optional()
    .transform((v) => (v ? v : null)),
  // "You may contact me about this" (#20): a checkbox sends "on" when ticked, nothing otherwise.
  contact: z
    .literal("on")
    .optional()
    .catch(undefined)
    .transform((v) => v === "on"),
});

export type SurveyInput = z.infer<typeof surveyInputSchema>;

/** The answers a manager should look at (#20): fairness or timeliness rated 1 or 2. */
export const REVIEW_AT_OR_BELOW: Rating = 2;

export function needsManagerReview(answers: { fair: number; timely: number }): boolean {
  return answers.fair <= REVIEW_AT_OR_BELOW || answers.timely <= REVIEW_AT_OR_BELOW;
}
