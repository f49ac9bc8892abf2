import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../app/services/accounts.server";
import { signIn, signOut, userForSessionToken, SESSION_IDLE_MS } from "../../app/services/auth.server";
import { openDatabase } from "../../db/client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

const run = promisify(execFile);
let t: TestDatabase;
const NOW = new Date("2026-11-23T15:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.cleanup());

describe("accounts and sign-in", () => {
  it("signs in with the right password, refuses a wrong one or an unknown email the same way, and audits both", async () => {
    const created = await createAccount({
      db: t.db,
      email: "Officer@Example.org",
      role: "ssm_staff",
      organizationSlug: "ssm-durham",
      password: "correct horse battery",
      now: NOW,
    });
    expect(created.ok).toBe(true);

    const ok = await signIn({ db: t.db, email: "officer@example.org", password: "correct horse battery", now: NOW });
    expect(ok?.user.role).toBe("ssm_staff");
    expect(await userForSessionToken(t.db, ok!.token, NOW)).toMatchObject({ email: "officer@example.org" });
    // Only the token's hash is stored.
    const sessions = await t.db.selectFrom("sessions").select("id").execute();
    expect(sessions.map((s) => s.id)).not.toContain(ok!.token);

    expect(await signIn({ db: t.db, email: "officer@example.org", password: "wrong password", now: NOW })).toBeNull();
    expect(await signIn({ db: t.db, email: "nobody@example.org", password: "wrong password", now: NOW })).toBeNull();
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "actor_label"])
      .where("action", "like", "auth.%")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["auth.sign_in", "auth.sign_in_failed", "auth.sign_in_failed"]);
  });

  it("ends a session at sign-out, after 30 idle minutes, and for a disabled user", async () => {
    await createAccount({
      db: t.db,
      email: "idle@example.org",
      role: "ssm_manager",
      organizationSlug: "ssm-london",
      password: "long enough password",
      now: NOW,
    });
    const a = await signIn({ db: t.db, email: "idle@example.org", password: "long enough password", now: NOW });
    await signOut(t.db, a!.token, NOW);
    expect(await userForSessionToken(t.db, a!.token, NOW)).toBeNull();

    const b = await signIn({ db: t.db, email: "idle@example.org", password: "long enough password", now: NOW });
    expect(await userForSessionToken(t.db, b!.token, new Date(NOW.getTime() + SESSION_IDLE_MS - 1000))).not.toBeNull();
    const c = await signIn({ db: t.db, email: "idle@example.org", password: "long enough password", now: NOW });
    expect(await userForSessionToken(t.db, c!.token, new Date(NOW.getTime() + SESSION_IDLE_MS + 1000))).toBeNull();

    const d = await signIn({ db: t.db, email: "idle@example.org", password: "long enough password", now: NOW });
    await t.db
      .updateTable("users")
      .set({ disabled_at: NOW.toISOString() })
      .where("email", "=", "idle@example.org")
      .execute();
    expect(await userForSessionToken(t.db, d!.token, NOW)).toBeNull();
    expect(
      await signIn({ db: t.db, email: "idle@example.org", password: "long enough password", now: NOW }),
    ).toBeNull();
  });

  it("refuses a role in the wrong kind of organization, an unknown organization and a duplicate email", async () => {
    expect(
      await createAccount({
        db: t.db,
        email: "x@example.org",
        role: "ssm_staff",
        organizationSlug: "mlitsd",
        now: NOW,
      }),
    ).toMatchObject({ ok: false });
    expect(
      await createAccount({
        db: t.db,
        email: "x@example.org",
        role: "ssm_staff",
        organizationSlug: "no-such-org",
        now: NOW,
      }),
    ).toMatchObject({ ok: false });
    await createAccount({
      db: t.db,
      email: "dup@example.org",
      role: "ministry_analyst",
      organizationSlug: "mlitsd",
      now: NOW,
    });
    expect(
      await createAccount({
        db: t.db,
        email: "DUP@example.org",
        role: "ministry_analyst",
        organizationSlug: "mlitsd",
        now: NOW,
      }),
    ).toMatchObject({ ok: false });
  });
});

describe("npm run user:add", () => {
  it("creates an account on a database without demo data and prints a password that signs in", async () => {
    const dir = mkdtempSync(join(tmpdir(), "recourse-cli-"));
    const databaseUrl = `file:${join(dir, "cli.db")}`;
    try {
      const { stdout } = await run(
        process.execPath,
        [
          "--import",
          "tsx",
          "scripts/user-add.ts",
          "--email",
          "first.manager@example.org",
          "--role",
          "ssm_manager",
          "--org",
          "ssm-peel",
        ],
        { env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" } },
      );
      const password = /Password \(shown only this once; store it safely\): (\S+)/.exec(stdout)?.[1];
      expect(password).toBeTruthy();
      const db = openDatabase(databaseUrl);
      try {
        const session = await signIn({ db, email: "first.manager@example.org", password: password!, now: NOW });
        expect(session?.user.role).toBe("ssm_manager");
        const cases = await db.selectFrom("cases").select("id").execute();
        expect(cases).toHaveLength(0);
      } finally {
        await db.destroy();
      }

      const bad = await run(
        process.execPath,
        ["--import", "tsx", "scripts/user-add.ts", "--email", "nope", "--role", "boss", "--org", "ssm-peel"],
        {
          env: { ...process.env, DATABASE_URL: databaseUrl },
        },
      ).catch((e: { code: number; stderr: string }) => e);
      expect("code" in bad && bad.code).toBe(2);
      expect("stderr" in bad && bad.stderr).toMatch(/--email must be an email address/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("health check", () => {
  it("answers true while the database answers and false once it cannot", async () => {
    const { databaseAnswers } = await import("../../app/services/health.server");
    const other = await createTestDatabase();
    expect(await databaseAnswers(other.db)).toBe(true);
    await other.db.destroy();
    expect(await databaseAnswers(other.db)).toBe(false);
    await other.cleanup().catch(() => undefined);
  });
});
