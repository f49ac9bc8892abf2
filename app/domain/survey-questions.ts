import { TEXT_LIMITS } from "./text-limits";

// The satisfaction survey's questions and scale, shown by the survey page; the answers are checked
// on the server by survey-input.ts.
export const SURVEY_QUESTIONS = ["clear", "fair", "timely"] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];
export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];
export const SURVEY_COMMENT_MAX = TEXT_LIMITS.surveyComment;
/** How long a survey link works after the case closes. The survey page shows it, so it is kept out of
 * .server modules, whose exports are undefined in the browser (a hydration mismatch). */
export const SURVEY_VALID_DAYS = 30;
