import { z } from "zod";
import {
  RATINGS,
  SURVEY_COMMENT_MAX,
  SURVEY_QUESTIONS,
  SURVEY_VALID_DAYS,
  type Rating,
  type SurveyQuestion,
} from "./survey-questions";

export { RATINGS, SURVEY_COMMENT_MAX, SURVEY_QUESTIONS, SURVEY_VALID_DAYS, type Rating, type SurveyQuestion };

// The satisfaction survey sent when a case closes (issue #6): three ratings and a comment.
// Messages are translation keys, shown beside each question and in the error summary.

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
