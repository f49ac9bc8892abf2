import { data } from "@remix-run/node";
import type { FilerLifecycleCommand } from "../domain/case-lifecycle-filer";
import type { FilerActionInput } from "../domain/filer-action-input";
import { knownKey, type MessageKey } from "../i18n";

// What app/services/filer-actions.server.ts answers, stated by what this file reads, so utilities
// stay below the services.
type FilerActionOutcome = { ok: true } | { ok: false; reason: string };

export function filerCommandOf(input: FilerActionInput): FilerLifecycleCommand {
  switch (input.intent) {
    case "add_information":
      return { action: "add_information", message: input.information };
    case "request_recourse":
      return { action: "request_recourse", reasons: input.reasons };
    case "withdraw":
      return { action: "withdraw" };
  }
}

const DONE: Record<FilerActionInput["intent"], MessageKey> = {
  add_information: "status.addInfo.done",
  request_recourse: "status.recourse.done",
  withdraw: "status.withdraw.done",
};

export function filerActionResponse(input: FilerActionInput, result: FilerActionOutcome) {
  if (!result.ok) {
    const message = knownKey(`status.refused.${result.reason}`, "error.generic");
    return data({ errors: null, message, ok: false }, { status: 409 });
  }
  return data({ errors: null, message: DONE[input.intent], ok: true });
}
