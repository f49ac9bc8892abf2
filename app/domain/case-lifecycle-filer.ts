import { stopClock, type Clock } from "./case-clocks";
import {
  emptyTransition,
  isFinished,
  mergeTransitions,
  refuse,
  stopOwedClocks,
  type LifecycleInput,
  type LifecycleResult,
  type Notice,
} from "./case-lifecycle";
import { resumeAfterWait } from "./case-lifecycle-pause";
import { escalation } from "./case-lifecycle-sweep";
import { checkRecourseRequest } from "./escalation";

/** What the filer (a client on /status, or a provider on its dispute) does to their case. */
export type FilerLifecycleCommand =
  | { action: "add_information"; message: string; via?: "email" }
  | { action: "request_recourse"; reasons: string }
  | { action: "withdraw" };

/** The assigned officer hears of every message, whatever its channel; with nobody assigned, the queue shows it. */
function assigneeTold(
  c: LifecycleInput["case"],
  via: "email" | undefined,
  afterClose: boolean,
): Extract<Notice, { to: "assignee" }>[] {
  return c.assigneeId
    ? [{ to: "assignee", kind: "new_message", assigneeId: c.assigneeId, via: via ?? "portal", afterClose }]
    : [];
}

export function filerTransition<C extends Clock>(
  input: LifecycleInput<C>,
  command: FilerLifecycleCommand,
): LifecycleResult<C> {
  const { case: c, clocks, now } = input;
  // Nothing after closing is lost (#20): a message on a finished case, by any channel (email, /status,
  // the provider portal), goes on its timeline and flags the case for staff; it changes no status and
  // starts no clock (a reopening is staff's call). A decided case counts: its handling is over.
  if ((isFinished(c.status) || c.status === "decided") && command.action === "add_information") {
    const change = emptyTransition<C>();
    change.events.push({
      type: "filer_info",
      visibility: "public",
      actor: "actor",
      body: command.message,
      data: { via: command.via ?? "portal", afterClose: true },
    });
    change.casePatch = { messageAfterCloseAt: now.toISOString() };
    change.notices.push(...assigneeTold(c, command.via, true));
    return { ok: true, change };
  }
  // Asking for a review has its own window, which closing the case does not end (checked below).
  if (isFinished(c.status) && command.action !== "request_recourse") return refuse("finished");
  let change = emptyTransition<C>();
  switch (command.action) {
    case "add_information":
      change.events.push({
        type: "filer_info",
        visibility: "public",
        actor: "actor",
        body: command.message,
        data: command.via ? { via: command.via } : null,
      });
      change.notices.push(...assigneeTold(c, command.via, false));
      // The SSM was waiting for this: the decision clock runs again, its deadline moved.
      if (c.status === "waiting_for_filer")
        change = mergeTransitions(change, resumeAfterWait(input, { reason: "filer_added_information" }));
      return { ok: true, change };
    case "request_recourse": {
      const check = checkRecourseRequest({
        policy: input.policy,
        status: c.status,
        level: c.level,
        recourseDeadlineAt: c.recourseDeadlineAt,
        now,
      });
      if (!check.ok) return refuse(isFinished(c.status) && check.reason === "not_decided" ? "finished" : check.reason);
      change.events.push({
        type: "recourse_requested",
        visibility: "public",
        actor: "actor",
        body: command.reasons,
        level: c.level,
      });
      const up = escalation(input, "recourse", false);
      if (!up) return refuse("top_level");
      return { ok: true, change: mergeTransitions(change, up) };
    }
    case "withdraw":
      change.casePatch = { status: "withdrawn", closedAt: now.toISOString() };
      change.clockChanges = stopOwedClocks(clocks, stopClock);
      change.events.push({ type: "withdrawn", visibility: "public", actor: "actor" });
      return { ok: true, change };
  }
}
