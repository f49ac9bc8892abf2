import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { surveyInputSchema } from "../../app/domain/survey-input";
import type { SessionUser } from "../../app/services/auth.server";
import { staffCaseView } from "../../app/services/case-view.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { deliverDueEmails } from "../../app/services/outbox-worker.server";
import { fileProviderDispute } from "../../app/services/provider-disputes.server";
import { answerSurvey, openSurveyReviews, surveyView } from "../../app/services/satisfaction-survey.server";
import { performStaffAction, type StaffCommand } from "../../app/services/staff-actions.server";
import { parseForm } from "../../app/utils/form";
import { insertUser } from "../../db/repositories/users";
import { createMailTransport } from "../../emails/transport";
import { createProvider, createStaff, sampleComplaint } from "../fixtures/people";
import { startTestSmtp, type TestSmtp } from "../fixtures/smtp";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

let t: TestDatabase;
let smtp: TestSmtp;
let staff: SessionUser;
const FROM = "Recourse <no-reply@recourse.test>";
// A Monday in November 2026: fiscal 2026-Q3 (October to December) in Toronto.
const NOW = new Date("2026-11-23T15:00:00Z");
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const DAY = 24;
const TOKEN = /\/survey\/([A-Za-z0-9_-]{43})\b/;
const answers = { clear: 4, fair: 5, timely: 2, comment: "Quicker replies would help." } as const;

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startTestSmtp();
  staff = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
});
afterAll(async () => {
  await smtp.stop();
  await t.cleanup();
});

async function act(reference: string, command: StaffCommand, at: Date) {
  const view = await staffCaseView({ db: t.db, user: staff, reference, now: at });
  const result = await performStaffAction({
    db: t.db,
    user: staff,
    reference,
    expectedVersion: view!.case.version,
    command,
    now: at,
  });
  expect(result, command.action).toEqual({ ok: true });
}

/** Acknowledges, decides and closes the case; returns the survey emails queued for it. */
async function decideAndClose(reference: string) {
  await act(reference, { action: "acknowledge" }, later(1));
  await act(
    reference,
    { action: "decide", outcome: "resolved_informally", reasons: "A new counsellor was assigned." },
    later(2),
  );
  await act(reference, { action: "close" }, later(3));
}

async function fileAndClose(overrides: Parameters<typeof sampleComplaint>[0] = {}) {
  const filed = await fileClientComplaint({ db: t.db, complaint: sampleComplaint(overrides), now: NOW });
  if (filed.kind !== "filed") throw new Error("not filed");
  await decideAndClose(filed.reference);
  return filed;
}

async function surveyEmailsOf(caseId: number) {
  return t.db
    .selectFrom("email_outbox")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("template", "=", "satisfaction_survey")
    .execute();
}

async function tokenOf(caseId: number): Promise<string> {
  const [email] = await surveyEmailsOf(caseId);
  const token = email?.text_body.match(TOKEN)?.[1];
  if (!token) throw new Error("no survey link");
  return token;
}

const responseCount = async () =>
  Number(
    (
      await t.db
        .selectFrom("survey_responses")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("the survey invitation sent when a case closes", () => {
  it("emails the filer once, in their language, a link whose token is stored only as a hash", async () => {
    const filed = await fileClientComplaint({
      db: t.db,
      complaint: sampleComplaint({
        language: "fr",
        name: "Chloé Gagnon",
        email: "chloe.survey@example.com",
        description: "Rendez-vous annulés sans préavis.",
      }),
      now: NOW,
    });
    if (filed.kind !== "filed") throw new Error("not filed");
    await act(filed.reference, { action: "acknowledge" }, later(1));
    await act(
      filed.reference,
      { action: "decide", outcome: "upheld", reasons: "Les rendez-vous ont été annulés." },
      later(2),
    );
    // Nothing before the case is closed: a decision alone is not the end of the process.
    expect(await surveyEmailsOf(filed.caseId)).toEqual([]);
    await act(filed.reference, { action: "close" }, later(3));

    const transport = createMailTransport({ smtpUrl: smtp.url, mailDir: "unused" });
    await deliverDueEmails({ db: t.db, transport, from: FROM, now: later(3) });
    const mails = smtp.messages.filter(
      (m) => m.to && "text" in m.to && m.to.text === "chloe.survey@example.com" && m.text?.includes("/survey/"),
    );
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe(`3 courtes questions sur votre dossier ${filed.reference}`);
    expect(mail.headers.get("content-language")).toBe("fr");
    expect(mail.html).toContain('lang="fr"');
    expect(mail.text).toContain("Bonjour Chloé Gagnon");
    expect(mail.text).toContain("facultatif");
    expect(mail.text).toContain("anonymes");
    expect(mail.text).toContain("3 questions");
    // Valid 30 days: until December 23, said in French.
    expect(mail.text).toMatch(/avant le 23 déc\. 2026/);
    // The reference only: nothing of the complaint, the decision or the access code.
    expect(mail.text).not.toContain("Rendez-vous annulés");
    expect(mail.text).not.toContain("Les rendez-vous ont été annulés");
    expect(mail.text).not.toContain(filed.secret);

    const token = mail.text!.match(TOKEN)![1]!;
    const invitation = await t.db
      .selectFrom("survey_invitations")
      .selectAll()
      .where("case_id", "=", filed.caseId)
      .executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({
      token_hash: createHash("sha256").update(token).digest("hex"),
      area_slug: "hamilton-niagara",
      quarter: "2026-Q3",
      language: "fr",
      expires_at: new Date(later(3).getTime() + 30 * DAY * 3_600_000).toISOString(),
      used: 0,
    });
    expect(JSON.stringify(invitation)).not.toContain(token);
    expect(await surveyView({ db: t.db, token, now: later(4) })).toEqual({ state: "open", language: "fr" });
  });

  it("takes one answer per link, stored with the SSM and quarter only", async () => {
    const filed = await fileAndClose({ name: "Sam Rivera", email: "sam.survey@example.com" });
    const token = await tokenOf(filed.caseId);
    const before = await responseCount();

    expect(await answerSurvey({ db: t.db, token, answers, now: later(5) })).toEqual({ ok: true });
    expect(await answerSurvey({ db: t.db, token, answers: { ...answers, clear: 1 }, now: later(6) })).toEqual({
      ok: false,
      reason: "expired_or_used",
    });
    expect(await surveyView({ db: t.db, token, now: later(6) })).toEqual({ state: "expired_or_used" });
    expect(await responseCount()).toBe(before + 1);

    const stored = await t.db
      .selectFrom("survey_responses")
      .selectAll()
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    // Exactly these columns: no case, invitation, filer or time to trace the answer back with.
    expect(Object.keys(stored).sort()).toEqual(["area_slug", "clear", "comment", "fair", "id", "quarter", "timely"]);
    expect(stored).toMatchObject({
      area_slug: "hamilton-niagara",
      quarter: "2026-Q3",
      clear: 4,
      fair: 5,
      timely: 2,
      comment: "Quicker replies would help.",
    });
    expect(JSON.stringify(stored)).not.toMatch(
      new RegExp(`${filed.reference}|Sam Rivera|sam\\.survey|"${filed.caseId}"`),
    );
    const invitation = await t.db
      .selectFrom("survey_invitations")
      .select("used")
      .where("case_id", "=", filed.caseId)
      .executeTakeFirstOrThrow();
    expect(invitation.used).toBe(1);
  });

  it("keeps one of two answers sent at the same moment", async () => {
    const filed = await fileAndClose({ email: "race.survey@example.com" });
    const token = await tokenOf(filed.caseId);
    const before = await responseCount();
    const results = await Promise.all(
      [1, 2, 3].map((clear) =>
        answerSurvey({ db: t.db, token, answers: { ...answers, clear: clear as 1 | 2 | 3 }, now: later(5) }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await responseCount()).toBe(before + 1);
  });

  it("refuses an expired link, an unknown one and an empty one", async () => {
    const filed = await fileAndClose({ email: "late.survey@example.com" });
    const token = await tokenOf(filed.caseId);
    const before = await responseCount();
    const afterExpiry = later(3 + 30 * DAY + 1);
    expect(await surveyView({ db: t.db, token, now: afterExpiry })).toEqual({ state: "expired_or_used" });
    expect(await answerSurvey({ db: t.db, token, answers, now: afterExpiry })).toEqual({
      ok: false,
      reason: "expired_or_used",
    });
    expect(
      await answerSurvey({
        db: t.db,
        token: token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"),
        answers,
        now: later(5),
      }),
    ).toEqual({ ok: false, reason: "expired_or_used" });
    expect(await answerSurvey({ db: t.db, token: "", answers, now: later(5) })).toEqual({
      ok: false,
      reason: "expired_or_used",
    });
    expect(await responseCount()).toBe(before);
    // An hour before the end it still worked.
    expect(await surveyView({ db: t.db, token, now: later(3 + 30 * DAY - 1) })).toEqual({
      state: "open",
      language: "en",
    });
  });

  it("is not sent again when the case is reopened and closed again", async () => {
    const filed = await fileAndClose({ email: "twice.survey@example.com" });
    const first = await t.db
      .selectFrom("survey_invitations")
      .selectAll()
      .where("case_id", "=", filed.caseId)
      .executeTakeFirstOrThrow();
    await act(filed.reference, { action: "reopen", reason: "The provider did not keep the agreement." }, later(4));
    await act(filed.reference, { action: "decide", outcome: "upheld", reasons: "Agreement not kept." }, later(5));
    await act(filed.reference, { action: "close" }, later(6));
    expect(await surveyEmailsOf(filed.caseId)).toHaveLength(1);
    expect(
      await t.db.selectFrom("survey_invitations").selectAll().where("case_id", "=", filed.caseId).execute(),
    ).toEqual([first]);
    // The first link still works.
    expect(await answerSurvey({ db: t.db, token: await tokenOf(filed.caseId), answers, now: later(7) })).toEqual({
      ok: true,
    });
  });

  it("is not created for a filer who gave no email address", async () => {
    const filed = await fileAndClose({ email: undefined, phone: "905-555-0123" });
    expect(
      await t.db.selectFrom("survey_invitations").selectAll().where("case_id", "=", filed.caseId).execute(),
    ).toEqual([]);
    expect(await surveyEmailsOf(filed.caseId)).toEqual([]);
  });

  it("goes to the provider user who raised a dispute, in their language", async () => {
    const orgId = await createProvider(t.db, "hamilton-niagara", "Gamma Emploi");
    const email = "gaelle@gamma.example";
    const id = await insertUser(t.db, {
      email,
      display_name: "Gaëlle",
      password_hash: "x",
      role: "provider_user",
      organization_id: orgId,
      language: "fr",
      disabled_at: null,
      created_at: NOW.toISOString(),
    });
    const provider: SessionUser = {
      id,
      email,
      display_name: "Gaëlle",
      role: "provider_user",
      organization_id: orgId,
      language: "fr",
    };
    const filed = await fileProviderDispute({
      db: t.db,
      user: provider,
      dispute: {
        area: "hamilton-niagara",
        category: "referrals",
        description: "Plus d’aiguillages.",
        outcomeWanted: "Les reprendre.",
      },
      now: NOW,
    });
    if (filed?.kind !== "filed") throw new Error("not filed");
    await decideAndClose(filed.reference);
    const [mail] = await surveyEmailsOf(filed.caseId);
    expect([mail?.recipient, mail?.language]).toEqual([email, "fr"]);
    expect(mail?.text_body).toMatch(TOKEN);
  });
});

describe("the survey form", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return parseForm(surveyInputSchema, data);
  };

  it("accepts three ratings from 1 to 5 and an optional, trimmed comment", () => {
    expect(form({ clear: "1", fair: "3", timely: "5", comment: "  Thanks.  " })).toEqual({
      ok: true,
      data: { clear: 1, fair: 3, timely: 5, comment: "Thanks.", contact: false },
    });
    expect(form({ clear: "2", fair: "2", timely: "2", comment: "   " })).toEqual({
      ok: true,
      data: { clear: 2, fair: 2, timely: 2, comment: null, contact: false },
    });
    expect(form({ clear: "2", fair: "2", timely: "2" })).toEqual({
      ok: true,
      data: { clear: 2, fair: 2, timely: 2, comment: null, contact: false },
    });
  });

  it("names each missing or out-of-range rating and a comment that is too long, and stores nothing", async () => {
    const filed = await fileAndClose({ email: "bad.survey@example.com" });
    const token = await tokenOf(filed.caseId);
    const before = await responseCount();
    const cases: Record<string, string>[] = [
      { clear: "0", fair: "3", timely: "3" },
      { clear: "3", fair: "6", timely: "3" },
      { clear: "3", fair: "3" },
      { clear: "2.5", fair: "3", timely: "3" },
      { clear: "three", fair: "3", timely: "3" },
    ];
    for (const fields of cases) {
      const parsed = form(fields);
      expect(parsed.ok, JSON.stringify(fields)).toBe(false);
      if (!parsed.ok) expect(Object.values(parsed.errors).map((e) => e?.key)).toEqual(["error.choose"]);
    }
    const all = form({});
    expect(all.ok ? null : all.errors).toEqual({
      clear: { key: "error.choose" },
      fair: { key: "error.choose" },
      timely: { key: "error.choose" },
    });
    const long = form({ clear: "3", fair: "3", timely: "3", comment: "x".repeat(2001) });
    expect(long.ok ? null : long.errors).toEqual({ comment: { key: "error.tooLong", vars: { max: 2000 } } });

    // The route answers only with parsed input: a refused form leaves the link usable and adds nothing.
    expect(await responseCount()).toBe(before);
    expect(await surveyView({ db: t.db, token, now: later(5) })).toEqual({ state: "open", language: "en" });
  });
});

describe("a low answer on fairness or timeliness is a manager's review task (issue #20)", () => {
  it("names the quarter and the answer, not the case, and only managers see it", async () => {
    const manager = await createStaff(t.db, { areaSlug: "hamilton-niagara", role: "ssm_manager" });
    const filed = await fileAndClose({ name: "Lee Park", email: "lee.review@example.com" });
    const token = await tokenOf(filed.caseId);
    const before = (await openSurveyReviews({ db: t.db, user: manager })).length;
    const low = { clear: 5, fair: 1, timely: 4, comment: null } as const;
    expect(await answerSurvey({ db: t.db, token, answers: low, now: later(5) })).toEqual({ ok: true });
    const tasks = await openSurveyReviews({ db: t.db, user: manager });
    expect(tasks).toHaveLength(before + 1);
    expect(tasks[0]).toMatchObject({ quarter: "2026-Q3", fair: 1, timely: 4, reference: null });
    const stored = await t.db
      .selectFrom("survey_review_tasks")
      .selectAll()
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(stored.case_id).toBeNull();
    // A case officer does not see the managers' list.
    expect(await openSurveyReviews({ db: t.db, user: staff })).toEqual([]);
  });

  it("names the case when the filer ticked 'you may contact me about this'", async () => {
    const manager = await createStaff(t.db, { areaSlug: "hamilton-niagara", role: "ssm_manager" });
    const filed = await fileAndClose({ name: "Ana Silva", email: "ana.review@example.com" });
    const token = await tokenOf(filed.caseId);
    const low = { clear: 3, fair: 3, timely: 2, comment: null, contact: true } as const;
    expect(await answerSurvey({ db: t.db, token, answers: low, now: later(5) })).toEqual({ ok: true });
    const tasks = await openSurveyReviews({ db: t.db, user: manager });
    expect(tasks.find((task) => task.reference === filed.reference)).toMatchObject({ fair: 3, timely: 2 });
  });

  it("raises nothing when fairness and timeliness are 3 or more", async () => {
    const manager = await createStaff(t.db, { areaSlug: "hamilton-niagara", role: "ssm_manager" });
    const filed = await fileAndClose({ name: "Kim Roy", email: "kim.review@example.com" });
    const token = await tokenOf(filed.caseId);
    const before = (await openSurveyReviews({ db: t.db, user: manager })).length;
    const fine = { clear: 1, fair: 3, timely: 3, comment: null, contact: true } as const;
    expect(await answerSurvey({ db: t.db, token, answers: fine, now: later(5) })).toEqual({ ok: true });
    expect(await openSurveyReviews({ db: t.db, user: manager })).toHaveLength(before);
  });
});
