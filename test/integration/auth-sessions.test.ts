import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  attemptSignIn,
  sessionIdFromToken,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SIGN_IN_FAILURES,
  signIn,
  signOut,
  userForSessionToken,
} from "../../app/services/auth.server";
import { createAccount } from "../../app/services/accounts.server";
import { disableUser } from "../../app/services/ssm-admin.server";
import { hashPassword } from "../../app/utils/password.server";
import { createStaff } from "../fixtures/people";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Issue #7, Access: login limited to 10 tries a minute per account and per IP with the same answer
// for an unknown account; session id renewed at login; idle timeout 30 minutes, absolute 12 hours;
// logout and disabling a user kill the session at once.

let t: TestDatabase;
const NOW = new Date("2026-11-23T15:00:00Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);
const MINUTE = 60 * 1000;
const PASSWORD = "a long enough password";

beforeAll(async () => {
  t = await createTestDatabase(NOW);
});
afterAll(async () => t.cleanup());

async function account(email: string, role: "ssm_staff" | "ssm_manager" = "ssm_staff") {
  const user = await createStaff(t.db, {
    areaSlug: "hamilton-niagara",
    role,
    email,
    passwordHash: await hashPassword(PASSWORD),
  });
  return user;
}

describe("failed sign-ins are limited to 10 a minute per account and per address", () => {
  it("refuses the 11th try on an account, even with the right password, until the minute has passed", async () => {
    await account("limited@example.org");
    expect(SIGN_IN_FAILURES).toMatchObject({ max: 10, windowMs: MINUTE });
    // Each try from a different address: only the account's counter fills.
    for (let i = 1; i <= 10; i++) {
      const attempt = await attemptSignIn({
        db: t.db,
        email: "limited@example.org",
        password: `wrong ${i}`,
        clientIp: `198.51.100.${i}`,
        now: at(i * 1000),
      });
      expect(attempt, `try ${i}`).toEqual({ ok: false, kind: "unauthenticated", reason: "login.failed" });
    }
    const refused = await attemptSignIn({
      db: t.db,
      email: "Limited@Example.org ",
      password: PASSWORD,
      clientIp: "198.51.100.99",
      now: at(11_000),
    });
    expect(refused).toEqual({ ok: false, kind: "too-many", reason: "login.rateLimited" });
    // A minute after the first failures, the window has moved past them.
    const later = await attemptSignIn({
      db: t.db,
      email: "limited@example.org",
      password: PASSWORD,
      clientIp: "198.51.100.99",
      now: at(MINUTE + 10_000),
    });
    expect(later.ok).toBe(true);
  });

  it("answers an unknown email exactly as a known one, try after try", async () => {
    await account("known@example.org");
    const answers = async (email: string, ipPrefix: string, start: number) => {
      const out: string[] = [];
      for (let i = 1; i <= 12; i++) {
        const attempt = await attemptSignIn({
          db: t.db,
          email,
          password: `wrong ${i}`,
          clientIp: `${ipPrefix}.${i}`,
          now: at(start + i),
        });
        out.push(attempt.ok ? "ok" : attempt.kind);
      }
      return out;
    };
    const known = await answers("known@example.org", "203.0.113", 5 * MINUTE);
    const unknown = await answers("nobody-here@example.org", "192.0.2", 5 * MINUTE);
    expect(known).toEqual([...Array(10).fill("unauthenticated"), "too-many", "too-many"]);
    expect(unknown).toEqual(known);
  });

  it("refuses every account from an address after 10 failures from it, and no other address", async () => {
    await account("victim@example.org");
    const ip = "100.64.0.7";
    for (let i = 1; i <= 10; i++) {
      const attempt = await attemptSignIn({
        db: t.db,
        email: `guess${i}@example.org`,
        password: "wrong",
        clientIp: ip,
        now: at(10 * MINUTE + i),
      });
      expect(attempt, `try ${i}`).toEqual({ ok: false, kind: "unauthenticated", reason: "login.failed" });
    }
    expect(
      await attemptSignIn({
        db: t.db,
        email: "victim@example.org",
        password: PASSWORD,
        clientIp: ip,
        now: at(10 * MINUTE + 20),
      }),
    ).toEqual({ ok: false, kind: "too-many", reason: "login.rateLimited" });
    const elsewhere = await attemptSignIn({
      db: t.db,
      email: "victim@example.org",
      password: PASSWORD,
      clientIp: "100.64.0.8",
      now: at(10 * MINUTE + 20),
    });
    expect(elsewhere.ok).toBe(true);
  });

  it("counts only failures (a person signing in all day is never locked out) and keeps no typed email in the counters", async () => {
    await account("busy@example.org");
    for (let i = 0; i < 15; i++) {
      const attempt = await attemptSignIn({
        db: t.db,
        email: "busy@example.org",
        password: PASSWORD,
        clientIp: "100.64.1.1",
        now: at(20 * MINUTE + i),
      });
      expect(attempt.ok, `sign-in ${i}`).toBe(true);
    }
    const buckets = await t.db.selectFrom("rate_limit_events").select("bucket").distinct().execute();
    expect(buckets.map((b) => b.bucket).filter((b) => b.includes("@"))).toEqual([]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "details_json"])
      .where("action", "=", "auth.sign_in_failed")
      .execute();
    expect(audit.some((a) => a.details_json?.includes("rate_limited"))).toBe(true);
  });
});

describe("sessions", () => {
  it("opens a new session (a new id) at every sign-in and ends the one the browser had before", async () => {
    const user = await account("renewed@example.org");
    const first = await attemptSignIn({ db: t.db, email: user.email, password: PASSWORD, now: at(30 * MINUTE) });
    if (!first.ok) throw new Error("first sign-in refused");
    const second = await attemptSignIn({
      db: t.db,
      email: user.email,
      password: PASSWORD,
      replacing: first.token,
      now: at(31 * MINUTE),
    });
    if (!second.ok) throw new Error("second sign-in refused");
    expect(second.token).not.toBe(first.token);
    const rows = await t.db
      .selectFrom("sessions")
      .select(["id", "revoked_at"])
      .where("user_id", "=", user.id)
      .orderBy("created_at")
      .execute();
    expect(rows.map((r) => r.id)).toEqual([sessionIdFromToken(first.token), sessionIdFromToken(second.token)]);
    expect(rows[0]!.revoked_at).not.toBeNull();
    expect(rows[1]!.revoked_at).toBeNull();
    expect(await userForSessionToken(t.db, first.token, at(31 * MINUTE))).toBeNull();
    expect(await userForSessionToken(t.db, second.token, at(31 * MINUTE))).toMatchObject({ id: user.id });
    // A planted token that names no session changes nothing and does not stop the sign-in.
    const third = await attemptSignIn({
      db: t.db,
      email: user.email,
      password: PASSWORD,
      replacing: "planted-by-someone-else",
      now: at(32 * MINUTE),
    });
    expect(third.ok).toBe(true);
  });

  it("ends after 30 idle minutes", async () => {
    const user = await account("idle@example.org");
    const s = await signIn({ db: t.db, email: user.email, password: PASSWORD, now: NOW });
    expect(SESSION_IDLE_MS).toBe(30 * MINUTE);
    expect(await userForSessionToken(t.db, s!.token, at(29 * MINUTE))).not.toBeNull();
    // Idle counts from the last request: 29 + 30 minutes later is too late.
    expect(await userForSessionToken(t.db, s!.token, at(59 * MINUTE + 1000))).toBeNull();
    // Once ended, it stays ended.
    expect(await userForSessionToken(t.db, s!.token, at(60 * MINUTE))).toBeNull();
  });

  it("ends 12 hours after sign-in however busy it is", async () => {
    const user = await account("absolute@example.org");
    const s = await signIn({ db: t.db, email: user.email, password: PASSWORD, now: NOW });
    expect(SESSION_ABSOLUTE_MS).toBe(12 * 60 * MINUTE);
    // A request every 20 minutes keeps it from going idle...
    let last = NOW;
    for (let m = 20; m < 12 * 60; m += 20) {
      last = at(m * MINUTE);
      expect(await userForSessionToken(t.db, s!.token, last), `after ${m} minutes`).not.toBeNull();
    }
    // ...but not past 12 hours.
    expect(await userForSessionToken(t.db, s!.token, at(SESSION_ABSOLUTE_MS - 1000))).not.toBeNull();
    expect(await userForSessionToken(t.db, s!.token, at(SESSION_ABSOLUTE_MS + 1000))).toBeNull();
  });

  it("ends at once at sign-out, and only that session", async () => {
    const user = await account("signout@example.org");
    const phone = await signIn({ db: t.db, email: user.email, password: PASSWORD, now: NOW });
    const desk = await signIn({ db: t.db, email: user.email, password: PASSWORD, now: NOW });
    await signOut(t.db, desk!.token, at(1000));
    expect(await userForSessionToken(t.db, desk!.token, at(1000))).toBeNull();
    expect(await userForSessionToken(t.db, phone!.token, at(1000))).not.toBeNull();
  });

  it("ends every session of a user at once when a manager disables the account", async () => {
    const manager = await account("disabling.manager@example.org", "ssm_manager");
    const user = await account("to-disable@example.org");
    const a = await signIn({ db: t.db, email: user.email, password: PASSWORD, now: NOW });
    const b = await signIn({ db: t.db, email: user.email, password: PASSWORD, now: NOW });
    expect(await disableUser({ db: t.db, user: manager, userId: user.id, now: at(1000) })).toEqual({ ok: true });
    expect(await userForSessionToken(t.db, a!.token, at(1000))).toBeNull();
    expect(await userForSessionToken(t.db, b!.token, at(1000))).toBeNull();
    expect(await signIn({ db: t.db, email: user.email, password: PASSWORD, now: at(2000) })).toBeNull();
  });
});

describe("passwords set outside the pages", () => {
  it("user:add refuses a password outside the policy", async () => {
    const base = { db: t.db, role: "ssm_staff" as const, organizationSlug: "ssm-durham", now: NOW };
    expect(await createAccount({ ...base, email: "short@example.org", password: "short" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at least 8/),
    });
    expect(await createAccount({ ...base, email: "long@example.org", password: "x".repeat(129) })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 128/),
    });
    expect(await createAccount({ ...base, email: "common@example.org", password: "Password1" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/most common/),
    });
    expect(await createAccount({ ...base, email: "fine@example.org", password: "a fine long password" })).toMatchObject(
      { ok: true },
    );
  });
});
