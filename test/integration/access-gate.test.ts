import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Files go to a temporary folder of this suite, shared with the server it starts.
const dir = mkdtempSync(join(tmpdir(), "recourse-access-gate-"));
process.env.ATTACHMENTS_DIR = join(dir, "attachments");

import { can, PERMISSIONS, type Actor } from "../../app/domain/access";
import { actorOf, caseFor, caseScopeOf } from "../../app/services/access.server";
import { attachAsStaff, attachmentForUser } from "../../app/services/attachments.server";
import { sessionIdFromToken, type SessionUser } from "../../app/services/auth.server";
import { staffCaseExport } from "../../app/services/case-export.server";
import { staffQueue } from "../../app/services/case-queue.server";
import { staffCaseView } from "../../app/services/case-view.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { intakeChoices } from "../../app/services/intake.server";
import { policyAdminView } from "../../app/services/policy-admin.server";
import {
  fileProviderDispute,
  listProviderDisputes,
  providerAttach,
  providerDisputeView,
} from "../../app/services/provider-disputes.server";
import { reportAccessFor } from "../../app/services/quarter-reports.server";
import { managerScope } from "../../app/services/ssm-admin.server";
import { findOrganizationBySlug } from "../../db/repositories/areas";
import { insertSession } from "../../db/repositories/sessions";
import { insertUser } from "../../db/repositories/users";
import type { Role } from "../../db/schema";
import { MINISTRY, ssmSlug } from "../../db/seed/catchment-areas";
import { startBuiltServer, type BuiltServer } from "../fixtures/built-server";
import { createProvider, createStaff, sampleComplaint } from "../fixtures/people";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

// Issue #13: who may see and do what is decided in app/domain/access.ts and checked through one
// gate. This suite proves the gate for each role, through the services and through the real
// server: a provider reaches only its own organization's disputes (and only what is shared with
// it), an SSM's people only their own area's cases, the ministry no case and no personal data.

const NOW = new Date("2026-11-23T15:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const PERSON = { ham: "Hana Hamilton", ott: "Otto Ottawa" };

type Who = "hamStaff" | "hamManager" | "ottStaff" | "alpha" | "beta" | "analyst" | "admin";
const EVERYONE: Who[] = ["hamStaff", "hamManager", "ottStaff", "alpha", "beta", "analyst", "admin"];
type CaseName = "hamComplaint" | "ottComplaint" | "alphaDispute" | "betaDispute";
const CASES: CaseName[] = ["hamComplaint", "ottComplaint", "alphaDispute", "betaDispute"];
type FileName = "alphaShared" | "alphaInternal" | "hamInternal" | "ottInternal";

let t: TestDatabase;
const users = {} as Record<Who, SessionUser>;
const actors = {} as Record<Who, Actor>;
const refs = {} as Record<CaseName, string>;
const files = {} as Record<FileName, number>;

async function userIn(orgId: number, role: Role, email: string): Promise<SessionUser> {
  const id = await insertUser(t.db, {
    email,
    display_name: email.split("@")[0]!,
    password_hash: "x",
    role,
    organization_id: orgId,
    language: "en",
    disabled_at: null,
    created_at: NOW.toISOString(),
  });
  return { id, email, display_name: email.split("@")[0]!, role, organization_id: orgId, language: "en" };
}

async function complaintIn(area: string, name: string): Promise<string> {
  const filed = await fileClientComplaint({
    db: t.db,
    complaint: sampleComplaint({ area, name, email: `${name.split(" ")[0]!.toLowerCase()}@example.com` }),
    now: NOW,
  });
  if (filed.kind !== "filed") throw new Error("not filed");
  return filed.reference;
}

async function disputeBy(user: SessionUser): Promise<string> {
  const dispute = {
    area: "hamilton-niagara",
    category: "referrals" as const,
    description: "Referrals stopped.",
    outcomeWanted: "Resume them.",
  };
  const filed = await fileProviderDispute({ db: t.db, user, dispute, now: NOW });
  if (filed?.kind !== "filed") throw new Error("not filed");
  return filed.reference;
}

async function staffFile(user: SessionUser, reference: string, share: boolean): Promise<number> {
  const result = await attachAsStaff({
    db: t.db,
    user,
    reference,
    file: { name: "notes.pdf", bytes: PDF },
    share,
    now: NOW,
  });
  if (!result?.ok) throw new Error("not attached");
  return result.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  users.hamStaff = await createStaff(t.db, { areaSlug: "hamilton-niagara", email: "staff@ham.example" });
  users.hamManager = await createStaff(t.db, {
    areaSlug: "hamilton-niagara",
    role: "ssm_manager",
    email: "manager@ham.example",
  });
  users.ottStaff = await createStaff(t.db, { areaSlug: "ottawa", email: "staff@ott.example" });
  users.alpha = await userIn(
    await createProvider(t.db, "hamilton-niagara", "Alpha Jobs"),
    "provider_user",
    "alice@alpha.example",
  );
  users.beta = await userIn(
    await createProvider(t.db, "hamilton-niagara", "Beta Careers"),
    "provider_user",
    "bob@beta.example",
  );
  const ministry = await findOrganizationBySlug(t.db, MINISTRY.slug);
  users.analyst = await userIn(ministry!.id, "ministry_analyst", "analyst@ministry.example");
  users.admin = await userIn(ministry!.id, "admin", "admin@ministry.example");
  for (const who of EVERYONE) actors[who] = await actorOf(t.db, users[who]);

  refs.hamComplaint = await complaintIn("hamilton-niagara", PERSON.ham);
  refs.ottComplaint = await complaintIn("ottawa", PERSON.ott);
  refs.alphaDispute = await disputeBy(users.alpha);
  refs.betaDispute = await disputeBy(users.beta);

  const shared = await providerAttach({
    db: t.db,
    user: users.alpha,
    reference: refs.alphaDispute,
    file: { name: "evidence.pdf", bytes: PDF },
    now: NOW,
  });
  if (!shared?.ok) throw new Error("not attached");
  files.alphaShared = shared.id;
  files.alphaInternal = await staffFile(users.hamStaff, refs.alphaDispute, false);
  files.hamInternal = await staffFile(users.hamStaff, refs.hamComplaint, false);
  files.ottInternal = await staffFile(users.ottStaff, refs.ottComplaint, false);
});

afterAll(async () => {
  await t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** What each person may reach, written out by hand: the rule as a reader of the issue states it. */
const STAFF_CASES: Record<Who, CaseName[]> = {
  hamStaff: ["hamComplaint", "alphaDispute", "betaDispute"],
  hamManager: ["hamComplaint", "alphaDispute", "betaDispute"],
  ottStaff: ["ottComplaint"],
  alpha: [],
  beta: [],
  analyst: [],
  admin: [],
};
const OWN_DISPUTES: Record<Who, CaseName[]> = {
  hamStaff: [],
  hamManager: [],
  ottStaff: [],
  alpha: ["alphaDispute"],
  beta: ["betaDispute"],
  analyst: [],
  admin: [],
};
const READABLE_FILES: Record<Who, FileName[]> = {
  hamStaff: ["alphaShared", "alphaInternal", "hamInternal"],
  hamManager: ["alphaShared", "alphaInternal", "hamInternal"],
  ottStaff: ["ottInternal"],
  alpha: ["alphaShared"],
  beta: [],
  analyst: [],
  admin: [],
};

describe("the gate, service by service, for each role", () => {
  it("shows the staff record of a case to its own SSM's people only", async () => {
    for (const who of EVERYONE) {
      const seen: CaseName[] = [];
      for (const name of CASES)
        if (await staffCaseView({ db: t.db, user: users[who], reference: refs[name], now: NOW })) seen.push(name);
      expect(seen, who).toEqual(STAFF_CASES[who]);
    }
  });

  it("shows a provider its own organization's disputes, as their filer, and nobody else's", async () => {
    for (const who of EVERYONE) {
      const seen: CaseName[] = [];
      for (const name of CASES)
        if (await providerDisputeView({ db: t.db, user: users[who], reference: refs[name], now: NOW })) seen.push(name);
      expect(seen, who).toEqual(OWN_DISPUTES[who]);
      const listed = await listProviderDisputes({ db: t.db, user: users[who] });
      expect(listed?.disputes.map((d) => d.reference) ?? [], who).toEqual(OWN_DISPUTES[who].map((name) => refs[name]));
    }
  });

  it("hands out a file only to the case's SSM, or to the provider that raised the dispute when it is shared", async () => {
    for (const who of EVERYONE) {
      const readable: FileName[] = [];
      for (const name of Object.keys(files) as FileName[]) {
        if (await attachmentForUser({ db: t.db, user: users[who], id: files[name], now: NOW })) readable.push(name);
      }
      expect(readable.sort(), who).toEqual([...READABLE_FILES[who]].sort());
    }
  });

  it("lists and exports only the own SSM's cases; providers and the ministry get no queue", async () => {
    for (const who of EVERYONE) {
      const queue = await staffQueue({ db: t.db, user: users[who], now: NOW });
      const exported = await staffCaseExport({ db: t.db, user: users[who], filters: {}, language: "en", now: NOW });
      const lines: string[][] = [];
      if (exported) for await (const line of exported.rows) lines.push(line);
      const expected = STAFF_CASES[who].map((name) => refs[name]).sort();
      if (expected.length === 0) {
        expect(queue, who).toBeNull();
        expect(exported, who).toBeNull();
        continue;
      }
      expect(queue!.rows.map((r) => r.reference).sort(), who).toEqual(expected);
      const body = lines.map((line) => line.join(",")).join("\n");
      for (const name of CASES) expect(body.includes(refs[name]), `${who} ${name}`).toBe(expected.includes(refs[name]));
    }
  });

  it("gives the ministry no case, no file and no personal data, only the province's reports", async () => {
    for (const who of ["analyst", "admin"] as const) {
      const user = users[who];
      expect(await intakeChoices({ db: t.db, user })).toBeNull();
      expect(await policyAdminView({ db: t.db, user, now: NOW })).toBeNull();
      expect(await managerScope(t.db, user, "users.manage")).toBeNull();
      for (const area of ["hamilton-niagara", "ottawa"])
        expect((await reportAccessFor(t.db, user, area))?.kind).toBe("ministry");
      for (const name of CASES) {
        for (const permission of PERMISSIONS)
          expect(await caseFor(t.db, actors[who], permission, { reference: refs[name] })).toBeNull();
      }
    }
  });

  it("grants nothing to a role held in the wrong kind of organization (an analyst account filed under an SSM)", async () => {
    const ssm = await findOrganizationBySlug(t.db, ssmSlug("hamilton-niagara"));
    const misfiled = await userIn(ssm!.id, "ministry_analyst", "misfiled@ministry.example");
    expect(await staffQueue({ db: t.db, user: misfiled, now: NOW })).toBeNull();
    expect(await staffCaseView({ db: t.db, user: misfiled, reference: refs.hamComplaint, now: NOW })).toBeNull();
    expect(await reportAccessFor(t.db, misfiled, "hamilton-niagara")).toBeNull();
  });

  it("keeps an SSM's management to its managers, in their own area", async () => {
    expect(await reportAccessFor(t.db, users.hamManager, "hamilton-niagara")).toMatchObject({
      kind: "ssm",
      canSubmit: true,
    });
    expect(await reportAccessFor(t.db, users.hamStaff, "hamilton-niagara")).toMatchObject({
      kind: "ssm",
      canSubmit: false,
    });
    expect(await reportAccessFor(t.db, users.hamManager, "ottawa")).toBeNull();
    expect(await reportAccessFor(t.db, users.alpha, "hamilton-niagara")).toBeNull();
    expect((await policyAdminView({ db: t.db, user: users.hamManager, now: NOW }))?.area.slug).toBe("hamilton-niagara");
    expect(await policyAdminView({ db: t.db, user: users.hamStaff, now: NOW })).toBeNull();
    expect((await managerScope(t.db, users.hamManager, "users.manage"))?.area.slug).toBe("hamilton-niagara");
    expect(await managerScope(t.db, users.hamStaff, "users.manage")).toBeNull();
  });

  it("loads a case through caseFor exactly when the access module allows it, for every role, case and permission", async () => {
    for (const who of EVERYONE) {
      for (const name of CASES) {
        const row = await t.db
          .selectFrom("cases")
          .selectAll()
          .where("reference", "=", refs[name])
          .executeTakeFirstOrThrow();
        for (const permission of PERMISSIONS) {
          const loaded = await caseFor(t.db, actors[who], permission, { id: row.id });
          expect(loaded !== null, `${who} ${permission} ${name}`).toBe(
            can(actors[who], permission, { type: "case", case: caseScopeOf(row) }),
          );
        }
      }
    }
  });
});

describe("the gate over HTTP, for each role", () => {
  let server: BuiltServer;
  const cookies = {} as Record<Who, string>;

  beforeAll(async () => {
    const now = new Date();
    for (const who of EVERYONE) {
      const token = randomBytes(32).toString("base64url");
      await insertSession(t.db, {
        id: sessionIdFromToken(token),
        userId: users[who].id,
        now: now.toISOString(),
        expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
      });
      cookies[who] = `recourse_session=${token}`;
    }
    server = await startBuiltServer({
      DATABASE_URL: t.url,
      SEED_DEMO: "false",
      NODE_ENV: "test",
      ATTACHMENTS_DIR: process.env.ATTACHMENTS_DIR!,
      MAIL_DIR: join(dir, "mail"),
      OUTBOX_INTERVAL_MS: "3600000",
    });
  }, 60_000);

  afterAll(async () => {
    if (server) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  });

  const get = async (who: Who, path: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookies[who] }, redirect: "manual" });
    return { status: response.status, body: await response.text() };
  };

  it("answers each case page, dispute page and file with 200 to those allowed and 404 to everyone else", async () => {
    for (const who of EVERYONE) {
      for (const name of CASES) {
        expect((await get(who, `/cases/${refs[name]}`)).status, `${who} /cases ${name}`).toBe(
          STAFF_CASES[who].includes(name) ? 200 : 404,
        );
        expect((await get(who, `/disputes/${refs[name]}`)).status, `${who} /disputes ${name}`).toBe(
          OWN_DISPUTES[who].includes(name) ? 200 : 404,
        );
      }
      for (const name of Object.keys(files) as FileName[]) {
        expect((await get(who, `/attachments/${files[name]}`)).status, `${who} file ${name}`).toBe(
          READABLE_FILES[who].includes(name) ? 200 : 404,
        );
      }
    }
  });

  it("shows a client's name to their own SSM only: not to another SSM, a provider or the ministry", async () => {
    for (const who of EVERYONE) {
      const paths = [
        "/cases",
        "/disputes",
        "/reports",
        "/reports/hamilton-niagara",
        "/reports/ottawa",
        `/cases/${refs.hamComplaint}`,
        `/cases/${refs.ottComplaint}`,
      ];
      const pages = await Promise.all(paths.map((path) => get(who, path)));
      expect(
        pages.some((page) => page.body.includes(PERSON.ham)),
        `${who} sees ${PERSON.ham}`,
      ).toBe(who === "hamStaff" || who === "hamManager");
      expect(
        pages.some((page) => page.body.includes(PERSON.ott)),
        `${who} sees ${PERSON.ott}`,
      ).toBe(who === "ottStaff");
    }
  });
});
