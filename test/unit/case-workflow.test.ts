import { describe, it, expect } from "vitest";
import type { CaseStatus } from "../../db/schema";
import {
  applyStaffAction,
  FINISHED_STATUSES,
  type StaffAction,
  type TransitionResult,
} from "../../app/domain/case-workflow";

const ALL_STATUSES: readonly CaseStatus[] = [
  "received",
  "acknowledged",
  "in_review",
  "waiting_for_filer",
  "decided",
  "closed",
  "withdrawn",
  "referred_out",
  "referred_to_ministry",
];
const ALL_ACTIONS: readonly StaffAction[] = [
  "take",
  "acknowledge",
  "reply",
  "note",
  "record_contact",
  "request_info",
  "resume",
  "decide",
  "escalate",
  "close",
  "reopen",
];
const OPEN_STATUSES = ALL_STATUSES.filter((s) => !FINISHED_STATUSES.includes(s));

const ok = (next: CaseStatus): TransitionResult => ({ ok: true, next });
const no = (reason: string): TransitionResult => ({ ok: false, reason }) as TransitionResult;

// The whole table for the statuses in which the SSM still handles the case.
const EXPECTED: Record<string, Record<StaffAction, TransitionResult>> = {
  received: {
    take: ok("received"),
    acknowledge: ok("acknowledged"),
    reply: no("not_yet_acknowledged"),
    note: ok("received"),
    record_contact: ok("received"),
    request_info: no("not_yet_acknowledged"),
    resume: no("not_waiting"),
    decide: no("not_yet_acknowledged"),
    escalate: no("not_yet_acknowledged"),
    close: no("not_decided"),
    reopen: no("not_finished"),
  },
  acknowledged: {
    take: ok("acknowledged"),
    acknowledge: no("already_acknowledged"),
    reply: ok("in_review"),
    note: ok("acknowledged"),
    record_contact: ok("acknowledged"),
    request_info: ok("waiting_for_filer"),
    resume: no("not_waiting"),
    decide: ok("decided"),
    escalate: ok("in_review"),
    close: no("not_decided"),
    reopen: no("not_finished"),
  },
  in_review: {
    take: ok("in_review"),
    acknowledge: no("already_acknowledged"),
    reply: ok("in_review"),
    note: ok("in_review"),
    record_contact: ok("in_review"),
    request_info: ok("waiting_for_filer"),
    resume: no("not_waiting"),
    decide: ok("decided"),
    escalate: ok("in_review"),
    close: no("not_decided"),
    reopen: no("not_finished"),
  },
  waiting_for_filer: {
    take: ok("waiting_for_filer"),
    acknowledge: no("already_acknowledged"),
    reply: ok("waiting_for_filer"),
    note: ok("waiting_for_filer"),
    record_contact: ok("waiting_for_filer"),
    request_info: no("already_waiting"),
    resume: ok("in_review"),
    decide: ok("decided"),
    escalate: ok("in_review"),
    close: no("not_decided"),
    reopen: no("not_finished"),
  },
  decided: {
    take: ok("decided"),
    acknowledge: no("already_acknowledged"),
    reply: ok("decided"),
    note: ok("decided"),
    record_contact: ok("decided"),
    request_info: no("already_decided"),
    resume: no("not_waiting"),
    decide: no("already_decided"),
    escalate: ok("in_review"),
    close: ok("closed"),
    reopen: ok("in_review"),
  },
};

describe("applyStaffAction", () => {
  it("the finished statuses are closed, withdrawn and both referrals", () => {
    expect([...FINISHED_STATUSES].sort()).toEqual(["closed", "referred_out", "referred_to_ministry", "withdrawn"]);
  });

  describe.each(OPEN_STATUSES)("on a %s case", (status) => {
    it.each(ALL_ACTIONS)("%s", (action) => {
      expect(applyStaffAction(status, action)).toEqual(EXPECTED[status]?.[action]);
    });
  });

  it("always allows an internal note or a recorded call or letter, without changing the status", () => {
    for (const status of ALL_STATUSES) {
      expect(applyStaffAction(status, "note")).toEqual(ok(status));
      expect(applyStaffAction(status, "record_contact")).toEqual(ok(status));
    }
  });

  it.each(FINISHED_STATUSES)(
    "refuses everything but the record or reopening on a %s case with case_finished",
    (status) => {
      for (const action of ALL_ACTIONS.filter((a) => a !== "note" && a !== "record_contact" && a !== "reopen")) {
        expect(applyStaffAction(status, action)).toEqual(no("case_finished"));
      }
    },
  );

  it("reopens a closed or withdrawn case (not a referral: it left the SSM)", () => {
    expect(applyStaffAction("closed", "reopen")).toEqual(ok("in_review"));
    expect(applyStaffAction("withdrawn", "reopen")).toEqual(ok("in_review"));
    expect(applyStaffAction("referred_out", "reopen")).toEqual(no("not_finished"));
    expect(applyStaffAction("referred_to_ministry", "reopen")).toEqual(no("not_finished"));
  });

  it("refuses a reply or a decision before the case is acknowledged", () => {
    expect(applyStaffAction("received", "reply")).toEqual(no("not_yet_acknowledged"));
    expect(applyStaffAction("received", "decide")).toEqual(no("not_yet_acknowledged"));
  });

  it("refuses a second decision", () => {
    const first = applyStaffAction("in_review", "decide");
    expect(first).toEqual(ok("decided"));
    expect(applyStaffAction("decided", "decide")).toEqual(no("already_decided"));
  });

  it("follows the usual path: acknowledge, reply, ask for information, resume, decide", () => {
    let status: CaseStatus = "received";
    for (const [action, next] of [
      ["acknowledge", "acknowledged"],
      ["reply", "in_review"],
      ["request_info", "waiting_for_filer"],
      ["resume", "in_review"],
      ["decide", "decided"],
    ] as const) {
      const result = applyStaffAction(status, action);
      expect(result).toEqual(ok(next));
      status = next;
    }
  });
});
