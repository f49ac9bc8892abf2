import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { markSurveyReviewDone, openSurveyReviews } from "../../app/services/satisfaction-survey.server";
import { insertSurveyReviewTask } from "../../db/repositories/survey";
import { createStaff } from "../fixtures/people";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Issue #20: a manager marks a survey review task done; it leaves the queue, the audit log says who
// and when, and nobody else (staff, another SSM's manager) can close it.

let t: TestDatabase;
let manager: SessionUser;
let staff: SessionUser;
let ottawaManager: SessionUser;
const NOW = new Date("2026-11-23T15:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase(NOW);
  manager = await createStaff(t.db, { areaSlug: "hamilton-niagara", role: "ssm_manager" });
  staff = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
  ottawaManager = await createStaff(t.db, { areaSlug: "ottawa", role: "ssm_manager" });
});
afterAll(async () => t.cleanup());

async function raise(quarter: string) {
  await insertSurveyReviewTask(t.db, { areaSlug: "hamilton-niagara", quarter, fair: 1, timely: 2, caseId: null });
  const open = await openSurveyReviews({ db: t.db, user: manager });
  return open.find((r) => r.quarter === quarter)!.id;
}

describe("survey review tasks are marked done", () => {
  it("a manager of the SSM marks one done: it leaves the list, and the audit log records it", async () => {
    const id = await raise("2026-Q3");
    expect(await markSurveyReviewDone({ db: t.db, user: manager, taskId: id, now: NOW })).toEqual({ ok: true });
    expect((await openSurveyReviews({ db: t.db, user: manager })).map((r) => r.id)).not.toContain(id);
    const task = await t.db
      .selectFrom("survey_review_tasks")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect([task.done_at, task.done_by]).toEqual([NOW.toISOString(), manager.id]);
    const audit = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "survey_review.done")
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(manager.id);
    expect(JSON.parse(audit.details_json ?? "{}")).toMatchObject({ taskId: id, quarter: "2026-Q3" });
    // Done once: a second click changes nothing.
    expect(await markSurveyReviewDone({ db: t.db, user: manager, taskId: id, now: NOW })).toEqual({
      ok: false,
      reason: "not_found",
    });
  });

  it("staff, and another SSM's manager, cannot close it", async () => {
    const id = await raise("2026-Q2");
    for (const user of [staff, ottawaManager])
      expect(await markSurveyReviewDone({ db: t.db, user, taskId: id, now: NOW })).toEqual({
        ok: false,
        reason: "not_found",
      });
    expect((await openSurveyReviews({ db: t.db, user: manager })).map((r) => r.id)).toContain(id);
  });
});
