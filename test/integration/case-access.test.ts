import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import {
  caseAccessLinkIsUsable,
  openCaseByLink,
  reissueAccessCode,
  sendRecoveryLink,
} from "../../app/services/case-access.server";
import { caseIdForFilerAccess, openFilerAccess } from "../../app/services/case-lookup.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";
import { createStaff, sampleComplaint } from "../fixtures/people";

// Issue #18: a lost access code is not the end (docs/decisions/015-access-codes-and-links.md).

const FILED = new Date("2026-05-12T14:00:00Z");
const LATER = new Date("2026-05-12T15:00:00Z");

let t: TestDatabase;
let staff: SessionUser;
let otherStaff: SessionUser;

beforeAll(async () => {
  t = await createTestDatabase(new Date("2026-04-01T12:00:00Z"));
  staff = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
  otherStaff = await createStaff(t.db, { areaSlug: "ottawa" });
});
afterAll(() => t.cleanup());

async function file(overrides: Parameters<typeof sampleComplaint>[0] = {}) {
  const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(overrides), now: FILED });
  if (filed.kind !== "filed") throw new Error(`not filed: ${filed.kind}`);
  return filed;
}

async function mailsTo(caseId: number) {
  return t.db
    .selectFrom("email_outbox")
    .select(["recipient", "subject", "text_body"])
    .where("case_id", "=", caseId)
    .orderBy("id")
    .execute();
}

const tokenIn = (text: string) => /\/status\/open\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;

describe("the link in the acknowledgement", () => {
  it("opens the case once, for the address on the case, and never holds the code", async () => {
    const filed = await file({ email: "ana@example.com" });
    const [ack] = await mailsTo(filed.caseId);
    expect(ack!.recipient).toBe("ana@example.com");
    expect(ack!.text_body).not.toContain(filed.secret);
    const token = tokenIn(ack!.text_body)!;
    expect(token).not.toBeNull();
    // Looking (the GET a mail scanner makes) does not use it.
    expect(await caseAccessLinkIsUsable(t.db, token, LATER)).toBe(true);
    expect(await caseAccessLinkIsUsable(t.db, token, LATER)).toBe(true);
    const session = await openCaseByLink({ db: t.db, token, now: LATER });
    expect(session && (await caseIdForFilerAccess(t.db, session, LATER))).toBe(filed.caseId);
    expect(await openCaseByLink({ db: t.db, token, now: LATER })).toBeNull();
    expect(await caseAccessLinkIsUsable(t.db, token, LATER)).toBe(false);
  });

  it("stops working after 14 days", async () => {
    const filed = await file();
    const token = tokenIn((await mailsTo(filed.caseId))[0]!.text_body)!;
    const late = new Date(FILED.getTime() + 14 * 24 * 3600 * 1000 + 1000);
    expect(await openCaseByLink({ db: t.db, token, now: late })).toBeNull();
  });
});

describe("I lost my code", () => {
  it("sends a fresh link to the address on the case", async () => {
    const filed = await file({ email: "kim@example.com" });
    expect(await sendRecoveryLink({ db: t.db, reference: filed.reference.toLowerCase(), now: LATER })).toEqual({
      kind: "sent",
    });
    const mails = await mailsTo(filed.caseId);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.recipient).toBe("kim@example.com");
    expect(mails[1]!.subject).toContain(filed.reference);
    const session = await openCaseByLink({ db: t.db, token: tokenIn(mails[1]!.text_body)!, now: LATER });
    expect(session).not.toBeNull();
  });

  it("tells a filer without email to call the SSM, and sends nothing", async () => {
    const filed = await file({ email: undefined, phone: "905-555-0142" });
    const result = await sendRecoveryLink({ db: t.db, reference: filed.reference, now: LATER });
    expect(result).toMatchObject({ kind: "no_email", ssm_en: "Fedcap Canada" });
    expect(await mailsTo(filed.caseId)).toHaveLength(0);
  });

  it("says when the reference matches nothing", async () => {
    expect(await sendRecoveryLink({ db: t.db, reference: "HAM-2026-999999", now: LATER })).toEqual({
      kind: "not_found",
    });
  });
});

describe("staff give a new access code", () => {
  it("replaces the old code; earlier links and open sessions stop; it is audited", async () => {
    const filed = await file();
    const token = tokenIn((await mailsTo(filed.caseId))[0]!.text_body)!;
    const session = (await openFilerAccess({
      db: t.db,
      reference: filed.reference,
      secret: filed.secret,
      now: LATER,
    }))!;

    const reissued = await reissueAccessCode({ db: t.db, user: staff, reference: filed.reference, now: LATER });
    expect(reissued!.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(
      await openFilerAccess({ db: t.db, reference: filed.reference, secret: filed.secret, now: LATER }),
    ).toBeNull();
    expect(
      await openFilerAccess({ db: t.db, reference: filed.reference, secret: reissued!.code, now: LATER }),
    ).not.toBeNull();
    expect(await openCaseByLink({ db: t.db, token, now: LATER })).toBeNull();
    expect(await caseIdForFilerAccess(t.db, session, LATER)).toBeNull();
    const audit = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "case.access_code_reissued")
      .where("target_id", "=", filed.reference)
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(staff.id);
  });

  it("is refused to another SSM's staff, and the code stays as it was", async () => {
    const filed = await file();
    expect(await reissueAccessCode({ db: t.db, user: otherStaff, reference: filed.reference, now: LATER })).toBeNull();
    expect(
      await openFilerAccess({ db: t.db, reference: filed.reference, secret: filed.secret, now: LATER }),
    ).not.toBeNull();
  });
});
