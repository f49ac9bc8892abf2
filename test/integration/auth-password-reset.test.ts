import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, userForSessionToken } from "../../app/services/auth.server";
import { deliverDueEmails } from "../../app/services/outbox-worker.server";
import {
  PASSWORD_RESET_LIFETIME_MS,
  PASSWORD_RESET_REQUESTS,
  passwordResetView,
  requestPasswordReset,
  resetPassword,
} from "../../app/services/password-reset.server";
import { disableUser, inviteUser } from "../../app/services/ssm-admin.server";
import { hashPassword } from "../../app/utils/password.server";
import { createMailTransport } from "../../emails/transport";
import { createStaff } from "../fixtures/people";
import { startTestSmtp, type TestSmtp } from "../fixtures/smtp";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Issue #7, Access: password reset by email with a single-use link that expires in an hour.

let t: TestDatabase;
let smtp: TestSmtp;
const FROM = "Recourse <no-reply@recourse.test>";
const NOW = new Date("2026-11-23T15:00:00Z");
const MINUTE = 60 * 1000;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const OLD = "the old long password";
const NEW = "a brand new passphrase";
let clock = 0;
/** A fresh minute for each request, so the per-minute limits of one test never reach the next. */
const tick = () => at((clock += 2 * MINUTE));

beforeAll(async () => {
  t = await createTestDatabase(NOW);
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.stop();
  await t.cleanup();
});

async function person(email: string, language: "en" | "fr" = "en", role: "ssm_staff" | "ssm_manager" = "ssm_staff") {
  const user = await createStaff(t.db, {
    areaSlug: language === "fr" ? "ottawa" : "hamilton-niagara",
    role,
    email,
    passwordHash: await hashPassword(OLD),
  });
  await t.db.updateTable("users").set({ language }).where("id", "=", user.id).execute();
  return { ...user, language };
}

/** Sends what the outbox holds through the real SMTP server; returns the messages to `recipient`. */
async function deliver(recipient: string, now: Date) {
  await deliverDueEmails({
    db: t.db,
    transport: createMailTransport({ smtpUrl: smtp.url, mailDir: "unused" }),
    from: FROM,
    now,
  });
  return smtp.messages.filter((m) => (m.to && "text" in m.to ? m.to.text : "") === recipient);
}

function tokenIn(text: string | undefined): string {
  const match = /\/reset-password\/([A-Za-z0-9_-]{43})(?:\s|$)/.exec(text ?? "");
  if (!match) throw new Error(`No reset link in ${text}`);
  return match[1]!;
}

async function auditOf(action: string) {
  return t.db
    .selectFrom("audit_log")
    .select(["actor_user_id", "actor_label", "details_json", "target_id"])
    .where("action", "=", action)
    .orderBy("id")
    .execute();
}

describe("asking for a reset link", () => {
  it("emails a single link in the account's language through SMTP, keeping only the token's hash", async () => {
    const user = await person("chloe.reset@example.org", "fr");
    const now = tick();
    expect(
      await requestPasswordReset({ db: t.db, email: " Chloe.Reset@Example.org", clientIp: "192.0.2.1", now }),
    ).toEqual({ ok: true });

    const [mail, ...more] = await deliver(user.email, now);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe("Réinitialiser votre mot de passe Recours");
    expect(mail?.headers.get("content-language")).toBe("fr");
    expect(mail?.html).toContain('lang="fr"');
    expect(mail?.text).toContain("Bonjour");
    expect(mail?.text).toContain("une seule fois");
    const token = tokenIn(mail?.text);
    expect(mail?.text).toContain(`/reset-password/${token}`);

    const rows = await t.db.selectFrom("password_resets").selectAll().where("user_id", "=", user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(Date.parse(rows[0]!.expires_at) - Date.parse(rows[0]!.created_at)).toBe(PASSWORD_RESET_LIFETIME_MS);
    expect(await passwordResetView({ db: t.db, token, now })).toEqual({ state: "open", email: user.email });

    const audit = await auditOf("auth.password_reset_requested");
    expect(audit.at(-1)).toMatchObject({ actor_user_id: user.id, target_id: String(user.id) });
    expect(JSON.parse(audit.at(-1)!.details_json!)).toEqual({ emailSent: true });
  });

  it("answers the same, and sends nothing, for an unknown address, a disabled account or an invitation not yet accepted", async () => {
    const manager = await person("reset.manager@example.org", "en", "ssm_manager");
    const disabled = await person("reset.disabled@example.org");
    await disableUser({ db: t.db, user: manager, userId: disabled.id, now: tick() });
    const invited = await inviteUser({
      db: t.db,
      user: manager,
      invite: { name: "Not Yet", email: "not.yet@example.org", role: "ssm_staff", language: "en", provider: undefined },
      now: tick(),
    });
    expect(invited.ok).toBe(true);
    const before = await t.db
      .selectFrom("email_outbox")
      .select("id")
      .where("template", "=", "password_reset")
      .execute();

    for (const email of ["nobody.at.all@example.org", disabled.email, "not.yet@example.org"]) {
      expect(await requestPasswordReset({ db: t.db, email, clientIp: "192.0.2.2", now: tick() }), email).toEqual({
        ok: true,
      });
    }
    const after = await t.db.selectFrom("email_outbox").select("id").where("template", "=", "password_reset").execute();
    expect(after).toHaveLength(before.length);
    const audit = (await auditOf("auth.password_reset_requested")).slice(-3);
    expect(audit.map((a) => JSON.parse(a.details_json!))).toEqual([
      { emailSent: false },
      { emailSent: false },
      { emailSent: false },
    ]);
    expect(audit[0]).toMatchObject({ actor_user_id: null, actor_label: "nobody.at.all@example.org" });
  });

  it("is limited to 10 a minute per account and per address, answered alike for unknown addresses", async () => {
    expect(PASSWORD_RESET_REQUESTS).toMatchObject({ max: 10, windowMs: MINUTE });
    const known = await person("reset.often@example.org");
    const start = tick();
    const answers = async (email: string, ipPrefix: string) => {
      const out: string[] = [];
      for (let i = 1; i <= 11; i++) {
        const result = await requestPasswordReset({
          db: t.db,
          email,
          clientIp: `${ipPrefix}.${i}`,
          now: new Date(start.getTime() + i),
        });
        out.push(result.ok ? "ok" : result.kind);
      }
      return out;
    };
    const forKnown = await answers(known.email, "198.51.100");
    expect(forKnown).toEqual([...Array(10).fill("ok"), "too-many"]);
    expect(await answers("reset.unknown@example.org", "203.0.113")).toEqual(forKnown);
    expect(
      await t.db.selectFrom("password_resets").select("id").where("user_id", "=", known.id).execute(),
    ).toHaveLength(10);

    // From one address, whatever the accounts.
    const fromOne: string[] = [];
    for (let i = 1; i <= 11; i++) {
      const result = await requestPasswordReset({
        db: t.db,
        email: `someone${i}@example.org`,
        clientIp: "100.64.9.9",
        now: new Date(start.getTime() + 100 + i),
      });
      fromOne.push(result.ok ? "ok" : result.kind);
    }
    expect(fromOne).toEqual([...Array(10).fill("ok"), "too-many"]);
    // A minute later the account may ask again.
    expect(
      await requestPasswordReset({
        db: t.db,
        email: known.email,
        clientIp: "198.51.100.50",
        now: new Date(start.getTime() + MINUTE + 100),
      }),
    ).toEqual({ ok: true });
  });
});

describe("using the link", () => {
  it("sets the new password, ends every session and every other link, works once, and tells the owner", async () => {
    const user = await person("reset.user@example.org");
    const deskSession = await signIn({ db: t.db, email: user.email, password: OLD, now: tick() });
    const first = tick();
    await requestPasswordReset({ db: t.db, email: user.email, clientIp: "192.0.2.10", now: first });
    const second = tick();
    await requestPasswordReset({ db: t.db, email: user.email, clientIp: "192.0.2.10", now: second });
    const mails = await deliver(user.email, second);
    expect(mails.map((m) => m.subject)).toEqual(["Reset your Recourse password", "Reset your Recourse password"]);
    const [olderToken, newerToken] = mails.map((m) => tokenIn(m.text));

    const useAt = tick();
    expect(
      await resetPassword({ db: t.db, token: newerToken!, password: NEW, clientIp: "192.0.2.10", now: useAt }),
    ).toEqual({ ok: true, email: user.email });
    expect(await signIn({ db: t.db, email: user.email, password: OLD, now: tick() })).toBeNull();
    expect(await signIn({ db: t.db, email: user.email, password: NEW, now: tick() })).not.toBeNull();
    expect(await userForSessionToken(t.db, deskSession!.token, useAt)).toBeNull();

    // Single use, and the other link stopped working with it.
    expect(await passwordResetView({ db: t.db, token: newerToken!, now: tick() })).toEqual({ state: "used" });
    expect(
      await resetPassword({
        db: t.db,
        token: newerToken!,
        password: "yet another passphrase",
        clientIp: "192.0.2.10",
        now: tick(),
      }),
    ).toEqual({ ok: false, state: "used" });
    expect(
      await resetPassword({
        db: t.db,
        token: olderToken!,
        password: "yet another passphrase",
        clientIp: "192.0.2.10",
        now: tick(),
      }),
    ).toEqual({ ok: false, state: "unknown" });
    expect(await signIn({ db: t.db, email: user.email, password: "yet another passphrase", now: tick() })).toBeNull();

    const changed = (await deliver(user.email, tick())).filter(
      (m) => m.subject === "Your Recourse password was changed",
    );
    expect(changed).toHaveLength(1);
    expect(changed[0]!.text).not.toMatch(/reset-password\//);
    const audit = await auditOf("auth.password_reset");
    expect(audit.at(-1)).toMatchObject({ actor_user_id: user.id, target_id: String(user.id) });
    expect(JSON.parse(audit.at(-1)!.details_json!)).toEqual({ sessionsRevoked: 1, resetLinksRevoked: 1 });
  });

  it("expires an hour after it was sent", async () => {
    const user = await person("reset.late@example.org");
    const sent = tick();
    await requestPasswordReset({ db: t.db, email: user.email, clientIp: "192.0.2.11", now: sent });
    const token = tokenIn((await deliver(user.email, sent))[0]?.text);
    const justBefore = new Date(sent.getTime() + PASSWORD_RESET_LIFETIME_MS - 1000);
    const justAfter = new Date(sent.getTime() + PASSWORD_RESET_LIFETIME_MS + 1000);
    expect((await passwordResetView({ db: t.db, token, now: justBefore })).state).toBe("open");
    expect(await passwordResetView({ db: t.db, token, now: justAfter })).toEqual({ state: "expired" });
    expect(await resetPassword({ db: t.db, token, password: NEW, clientIp: "192.0.2.11", now: justAfter })).toEqual({
      ok: false,
      state: "expired",
    });
    expect(await signIn({ db: t.db, email: user.email, password: OLD, now: justAfter })).not.toBeNull();
    clock += 2 * 60 * MINUTE;
  });

  it("cannot open a disabled account, even with a link sent before it was disabled", async () => {
    const manager = await person("reset.manager2@example.org", "en", "ssm_manager");
    const user = await person("reset.closed@example.org");
    const sent = tick();
    await requestPasswordReset({ db: t.db, email: user.email, clientIp: "192.0.2.12", now: sent });
    const token = tokenIn((await deliver(user.email, sent))[0]?.text);
    await disableUser({ db: t.db, user: manager, userId: user.id, now: tick() });
    expect(await passwordResetView({ db: t.db, token, now: tick() })).toEqual({ state: "unknown" });
    expect(await resetPassword({ db: t.db, token, password: NEW, clientIp: "192.0.2.12", now: tick() })).toEqual({
      ok: false,
      state: "unknown",
    });
    const row = await t.db
      .selectFrom("users")
      .select(["disabled_at", "password_hash"])
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.disabled_at).not.toBeNull();
  });

  it("limits links that match nothing to 10 a minute per address", async () => {
    const start = tick();
    const answers: string[] = [];
    for (let i = 1; i <= 11; i++) {
      const result = await resetPassword({
        db: t.db,
        token: `guess-${i}`,
        password: NEW,
        clientIp: "100.64.7.7",
        now: new Date(start.getTime() + i),
      });
      answers.push(result.ok ? "ok" : (result.state ?? result.reason));
    }
    expect(answers).toEqual([...Array(10).fill("unknown"), "rate_limited"]);
  });
});
