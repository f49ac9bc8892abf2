import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveInboundMail } from "../../app/services/inbound-mail.server";
import { mailToReview, markReviewed } from "../../app/services/mail-review.server";
import type { SessionUser } from "../../app/services/auth.server";
import { insertUser } from "../../db/repositories/users";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

const SECRET = "review-test-secret-0123456789abcdefgh";
const NOW = new Date("2026-11-23T15:00:00Z");
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

// A real account of the SSM: "reviewed by" references users (migration 0026). This test once used a
// made-up id 1, which is the SQLite foreign-key failure that kept the reference off in 0018.
async function staffOf(slug: string): Promise<SessionUser> {
  const org = await t.db
    .selectFrom("organizations")
    .select(["id", "slug"])
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  const email = `staff.${org.slug}.${Math.random().toString(36).slice(2)}@example.org`;
  const id = await insertUser(t.db, {
    email,
    display_name: "S",
    password_hash: "x",
    role: "ssm_staff",
    organization_id: org.id,
    language: "en",
    disabled_at: null,
    created_at: new Date().toISOString(),
  });
  return { id, email, display_name: "S", role: "ssm_staff", organization_id: org.id, language: "en" };
}

describe("the review list (issue #20)", () => {
  it("shows mail that names no case to the SSM it was sent for, and only to it, until marked dealt with", async () => {
    const ssms = await t.db
      .selectFrom("organizations")
      .select(["id", "slug"])
      .where("kind", "=", "ssm")
      .orderBy("id")
      .execute();
    const [mine, other] = ssms;
    const raw = Buffer.from(
      "From: someone@example.com\r\nTo: reply+r1-zz-aaaaaaaaaaaaaaaaaaaaaaaa@replies.test\r\nSubject: About my case\r\nMessage-ID: <review-1@example.com>\r\n\r\nPlease call me back.\r\n",
    );
    const result = await receiveInboundMail({
      db: t.db,
      raw,
      channel: "smtp",
      recipients: [],
      settings: { secret: SECRET, reviewOrganizationId: mine!.id },
      now: NOW,
    });
    expect(result).toEqual({ kind: "review", reason: "forged" });
    const list = await mailToReview({ db: t.db, user: await staffOf(mine!.slug) });
    expect(list?.map((e) => [e.subject, e.body_text, e.reason])).toEqual([
      ["About my case", "Please call me back.", "forged"],
    ]);
    expect(await mailToReview({ db: t.db, user: await staffOf(other!.slug) })).toEqual([]);
    expect(await markReviewed({ db: t.db, user: await staffOf(other!.slug), id: list![0]!.id, now: NOW })).toBe(false);
    expect(await markReviewed({ db: t.db, user: await staffOf(mine!.slug), id: list![0]!.id, now: NOW })).toBe(true);
    expect(await mailToReview({ db: t.db, user: await staffOf(mine!.slug) })).toEqual([]);
  });
});
