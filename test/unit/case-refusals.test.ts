import { describe, expect, it } from "vitest";
import { filerActionRefusal, staffActionRefusal, uploadRefusal } from "../../app/domain/case-refusals";

describe("what a person reads when an action on a case is refused", () => {
  it("tells staff a colleague changed the case first, as a conflict", () => {
    expect(staffActionRefusal("stale")).toEqual({ ok: false, kind: "conflict", reason: "case.stale" });
  });

  it("answers a case outside the person's reach as not found", () => {
    expect(staffActionRefusal("not_found")).toMatchObject({ ok: false, kind: "not-found" });
  });

  it("gives staff the lifecycle's own reason", () => {
    expect(staffActionRefusal("not_yet_acknowledged")).toEqual({
      ok: false,
      kind: "conflict",
      reason: "case.refused.not_yet_acknowledged",
    });
  });

  it("never shows a filer-only refusal to staff as a blank or a server error", () => {
    expect(staffActionRefusal("window_closed").reason).toBe("status.refused.window_closed");
    expect(staffActionRefusal("finished").reason).toBe("case.refused.case_finished");
  });

  it("tells a filer in their own words why a review was refused", () => {
    expect(filerActionRefusal("window_closed")).toEqual({
      ok: false,
      kind: "conflict",
      reason: "status.refused.window_closed",
    });
  });

  it("shows a refused upload beside the file field", () => {
    expect(uploadRefusal("too_big")).toEqual({
      ok: false,
      kind: "invalid",
      reason: "error.fileTooBig",
      fields: { attachment: { key: "error.fileTooBig" } },
    });
  });
});
