import { data } from "@remix-run/node";
import type { FilerLifecycleCommand } from "../domain/case-lifecycle-filer";
import type { FilerActionInput } from "../domain/filer-action-input";
import { filerActionRefusal } from "../domain/case-refusals";
import type { RecourseRefusal } from "../domain/escalation";
import type { MessageKey } from "../i18n";
import { refusalResponse } from "./refusal-response.server";

// What app/services/filer-actions.server.ts answers, stated by what this file reads, so utilities
// stay below the services.
type FilerActionOutcome = { ok: true } | { ok: false; reason: RecourseRefusal | "finished" | "stale" };

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

/** `audience`: a provider's dispute is "your dispute", a client's complaint "your complaint". */
export function filerActionResponse(
  input: FilerActionInput,
  result: FilerActionOutcome,
  audience: "client" | "provider" = "client",
) {
  if (!result.ok) return refusalResponse(filerActionRefusal(result.reason), { message: null, ok: false });
  const message: MessageKey =
    audience === "provider" && input.intent === "withdraw" ? "conversation.withdraw.done.provider" : DONE[input.intent];
  return data({ errors: null, message, ok: true, refused: null });
}
