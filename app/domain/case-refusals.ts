// What a person reads when the lifecycle refuses an action on a case, one message per refusal of
// the lifecycle module (case-lifecycle*.ts), so a new refusal there fails to compile here until it
// has words. Staff and filers read different words for the same rule.
import type { LifecycleRefusal } from "./case-lifecycle";
import type { RecourseRefusal } from "./escalation";
import type { MessageKey } from "../i18n/en";
import { fieldRefused, NOT_FOUND, refused, type Refused } from "./result";

const STAFF_MESSAGES: Record<LifecycleRefusal, MessageKey> = {
  not_yet_acknowledged: "case.refused.not_yet_acknowledged",
  already_acknowledged: "case.refused.already_acknowledged",
  case_finished: "case.refused.case_finished",
  already_decided: "case.refused.already_decided",
  not_waiting: "case.refused.not_waiting",
  already_waiting: "case.refused.already_waiting",
  managers_only: "case.refused.managers_only",
  top_level: "case.refused.top_level",
  not_decided: "case.refused.not_decided",
  not_finished: "case.refused.not_finished",
  panel_required: "case.refused.panel_required",
  with_provider: "case.refused.with_provider",
  not_referable: "case.refused.not_referable",
  not_with_provider: "case.refused.not_with_provider",
  no_answer_owed: "case.refused.no_answer_owed",
  nothing_to_release: "case.refused.nothing_to_release",
  no_review_open: "case.refused.no_review_open",
  // Refusals of a filer's request, which staff never make: named, never blank, should that change.
  window_closed: "status.refused.window_closed",
  finished: "case.refused.case_finished",
};

/** A staff action refused by the lifecycle, on a case outside the person's reach, or overtaken by a colleague's change. */
export function staffActionRefusal(reason: LifecycleRefusal | "not_found" | "stale"): Refused {
  if (reason === "not_found") return NOT_FOUND;
  if (reason === "stale") return refused("conflict", "case.stale");
  return refused("conflict", STAFF_MESSAGES[reason]);
}

const FILER_MESSAGES: Record<RecourseRefusal | "finished" | "stale", MessageKey> = {
  not_decided: "status.refused.not_decided",
  window_closed: "status.refused.window_closed",
  top_level: "status.refused.top_level",
  finished: "status.refused.finished",
  // The case changed while the page was open (staff acted): nothing was saved, try again.
  stale: "error.generic",
};

/** A filer's request (more information, a review, withdrawal) that the lifecycle refused. */
export function filerActionRefusal(reason: RecourseRefusal | "finished" | "stale"): Refused {
  return refused("conflict", FILER_MESSAGES[reason]);
}

const UPLOAD_MESSAGES = {
  empty: "error.fileEmpty",
  too_big: "error.fileTooBig",
  type: "error.fileType",
  too_many_files: "error.tooManyFiles",
  finished: "status.refused.finished",
} as const satisfies Record<string, MessageKey>;

/** A refused upload, shown beside the file field. */
export function uploadRefusal(reason: keyof typeof UPLOAD_MESSAGES): Refused {
  return fieldRefused("attachment", UPLOAD_MESSAGES[reason]);
}
