import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactsInputSchema, inviteInputSchema } from "../../app/domain/ssm-admin-input";
import { newPasswordFormSchema as setPasswordSchema } from "../../app/utils/password.server";
import { signIn, userForSessionToken, type SessionUser } from "../../app/services/auth.server";
import { deliverDueEmails } from "../../app/services/outbox-worker.server";
import { filingChoices, publishedProcess } from "../../app/services/public-areas.server";
import {
  acceptInvitation,
  changeUserRole,
  disableUser,
  reenableUser,
  invitationView,
  inviteUser,
  resendInvitation,
  userAdminView,
} from "../../app/services/ssm-admin.server";
import {
  addProvider,
  providerAdminView,
  renameProvider,
  retireProvider,
  saveSsmContacts,
} from "../../app/services/ssm-organizations.server";
import { findOrganizationById, listActiveProvidersInArea } from "../../db/repositories/areas";
import { createMailTransport } from "../../emails/transport";
import { hashPassword } from "../../app/utils/password.server";
import { createProvider, createStaff } from "../fixtures/people";
import { startTestSmtp, type TestSmtp } from "../fixtures/smtp";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-db";

let t: TestDatabase;
let smtp: TestSmtp;
let manager: SessionUser;
let ottawaManager: SessionUser;
let hamiltonProviderId: number;
const NOW = new Date("2026-11-23T15:00:00Z");
const later = (hours: number) => new Date(NOW.getTime() + hours * 60 * 60 * 1000);
const PASSWORD = "a long new password";

beforeAll(async () => {
  t = await createTestDatabase(NOW);
  smtp = await startTestSmtp();
  manager = await createStaff(t.db, { areaSlug: "hamilton-niagara", role: "ssm_manager" });
  ottawaManager = await createStaff(t.db, { areaSlug: "ottawa", role: "ssm_manager" });
  hamiltonProviderId = await createProvider(t.db, "hamilton-niagara", "Niagara Jobs Centre");
});
afterAll(async () => {
  await smtp.stop();
  await t.cleanup();
});

const invite = (overrides: Record<string, string> = {}) =>
  inviteInputSchema.parse({
    name: "Robin Invitee",
    email: `robin.${Math.random().toString(36).slice(2)}@example.org`,
    role: "ssm_staff",
    language: "en",
    ...overrides,
  });

/** The token in the link of the newest invitation email to `recipient` (from the outbox). */
async function linkTokenFor(
  recipient: string,
): Promise<{ token: string; text: string; language: string; subject: string }> {
  const row = await t.db
    .selectFrom("email_outbox")
    .selectAll()
    .where("recipient", "=", recipient)
    .where("template", "=", "invitation")
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  const match = /\/invite\/([A-Za-z0-9_-]+)/.exec(row.text_body);
  if (!match) throw new Error(`No invitation link in ${row.text_body}`);
  return { token: match[1]!, text: row.text_body, language: row.language, subject: row.subject };
}

async function auditActions(prefix: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom("audit_log")
    .select("action")
    .where("action", "like", `${prefix}%`)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.action);
}

describe("inviting a colleague", () => {
  it("creates a disabled account, queues the email with a link, and the link sets a password that signs in", async () => {
    const input = invite({ name: "Alex Newcomer", email: "Alex.Newcomer@Example.org" });
    const result = await inviteUser({ db: t.db, user: manager, invite: input, now: NOW });
    expect(result).toMatchObject({ ok: true });

    // The account exists, disabled, with no password that could ever verify.
    expect(await signIn({ db: t.db, email: "alex.newcomer@example.org", password: "", now: NOW })).toBeNull();
    const listed = (await userAdminView({ db: t.db, user: manager, now: NOW }))!.users.find(
      (u) => u.email === "alex.newcomer@example.org",
    );
    expect(listed).toMatchObject({
      status: "invited",
      role: "ssm_staff",
      invitationExpiresAt: "2026-11-30T15:00:00.000Z",
    });

    const { token, text, subject } = await linkTokenFor("alex.newcomer@example.org");
    expect(subject).toBe("Welcome to Recourse, Alex Newcomer: set your password");
    expect(text).toContain(`http://localhost:3000/invite/${token}`);
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    // Only the token's sha256 is stored.
    const stored = await t.db.selectFrom("invitations").select("token_hash").execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);

    // It really goes out, through the outbox, as a mail client would read it.
    const transport = createMailTransport({ smtpUrl: smtp.url, mailDir: "unused" });
    expect(
      await deliverDueEmails({ db: t.db, transport, from: "Recourse <no-reply@example.org>", now: later(0.1) }),
    ).toEqual({ sent: 1, failed: 0 });
    expect(smtp.messages.at(-1)?.text).toContain(`/invite/${token}`);

    expect(await invitationView({ db: t.db, token, now: later(1) })).toEqual({
      state: "open",
      email: "alex.newcomer@example.org",
      name: "Alex Newcomer",
    });
    expect(await acceptInvitation({ db: t.db, token, password: PASSWORD, now: later(1) })).toEqual({
      ok: true,
      email: "alex.newcomer@example.org",
    });
    const signedIn = await signIn({ db: t.db, email: "alex.newcomer@example.org", password: PASSWORD, now: later(2) });
    expect(signedIn?.user).toMatchObject({ role: "ssm_staff", organization_id: manager.organization_id });
    expect(
      (await userAdminView({ db: t.db, user: manager, now: later(2) }))!.users.find(
        (u) => u.email === "alex.newcomer@example.org",
      )?.status,
    ).toBe("active");
    expect(await auditActions("user.")).toEqual(["user.invited", "user.invitation_accepted"]);
  });

  it("writes the email in the invitee's language", async () => {
    const input = invite({ name: "Camille Nouvelle", language: "fr" });
    await inviteUser({ db: t.db, user: manager, invite: input, now: NOW });
    const { text, language, subject } = await linkTokenFor(input.email);
    expect(language).toBe("fr");
    expect(subject).toBe("Bienvenue dans Recours, Camille Nouvelle : choisissez votre mot de passe");
    expect(text).toContain("Choisissez votre mot de passe ici avant le");
  });

  it("takes a token once, and not after 7 days; a bad token changes nothing", async () => {
    const once = invite();
    await inviteUser({ db: t.db, user: manager, invite: once, now: NOW });
    const { token } = await linkTokenFor(once.email);
    expect(await acceptInvitation({ db: t.db, token, password: PASSWORD, now: later(1) })).toMatchObject({ ok: true });
    expect(await acceptInvitation({ db: t.db, token, password: "another password!", now: later(2) })).toEqual({
      ok: false,
      state: "used",
    });
    expect(await invitationView({ db: t.db, token, now: later(2) })).toEqual({ state: "used" });
    // The second try did not change the password.
    expect(await signIn({ db: t.db, email: once.email, password: "another password!", now: later(3) })).toBeNull();
    expect(await signIn({ db: t.db, email: once.email, password: PASSWORD, now: later(3) })).not.toBeNull();

    const slow = invite();
    await inviteUser({ db: t.db, user: manager, invite: slow, now: NOW });
    const expired = (await linkTokenFor(slow.email)).token;
    expect(await invitationView({ db: t.db, token: expired, now: later(7 * 24 - 1) })).toMatchObject({ state: "open" });
    expect(await acceptInvitation({ db: t.db, token: expired, password: PASSWORD, now: later(7 * 24) })).toEqual({
      ok: false,
      state: "expired",
    });
    expect(await signIn({ db: t.db, email: slow.email, password: PASSWORD, now: later(7 * 24) })).toBeNull();
    expect(
      (await userAdminView({ db: t.db, user: manager, now: later(7 * 24) }))!.users.find((u) => u.email === slow.email)
        ?.status,
    ).toBe("invitation_expired");

    // A new invitation replaces the expired link; the old one stays dead.
    const target = (
      await t.db.selectFrom("users").select("id").where("email", "=", slow.email).executeTakeFirstOrThrow()
    ).id;
    expect(await resendInvitation({ db: t.db, user: manager, userId: target, now: later(7 * 24) })).toEqual({
      ok: true,
    });
    const renewed = (await linkTokenFor(slow.email)).token;
    expect(renewed).not.toBe(expired);
    expect(await invitationView({ db: t.db, token: expired, now: later(7 * 24) })).toEqual({ state: "unknown" });
    expect(
      await acceptInvitation({ db: t.db, token: renewed, password: PASSWORD, now: later(7 * 24 + 1) }),
    ).toMatchObject({ ok: true });

    const before = await t.db
      .selectFrom("users")
      .select(["id", "password_hash", "disabled_at"])
      .orderBy("id")
      .execute();
    expect(await acceptInvitation({ db: t.db, token: "not-a-real-token", password: PASSWORD, now: NOW })).toEqual({
      ok: false,
      state: "unknown",
    });
    expect(
      await t.db.selectFrom("users").select(["id", "password_hash", "disabled_at"]).orderBy("id").execute(),
    ).toEqual(before);
  });

  it("refuses a taken email, a provider outside the area, and checks the form's rules", async () => {
    expect(
      await inviteUser({ db: t.db, user: manager, invite: invite({ email: manager.email.toUpperCase() }), now: NOW }),
    ).toEqual({
      ok: false,
      kind: "invalid",
      reason: "error.emailTaken",
      fields: { email: { key: "error.emailTaken" } },
    });
    const ottawaProvider = await createProvider(t.db, "ottawa", "Ottawa Works");
    expect(
      await inviteUser({
        db: t.db,
        user: manager,
        invite: invite({ role: "provider_user", provider: String(ottawaProvider) }),
        now: NOW,
      }),
    ).toEqual({
      ok: false,
      kind: "invalid",
      reason: "error.chooseProvider",
      fields: { provider: { key: "error.chooseProvider" } },
    });
    const providerUser = await inviteUser({
      db: t.db,
      user: manager,
      invite: invite({ role: "provider_user", provider: String(hamiltonProviderId) }),
      now: NOW,
    });
    expect(providerUser.ok).toBe(true);
    expect(await inviteUser({ db: t.db, user: ottawaManager, invite: invite(), now: NOW })).toMatchObject({ ok: true });
    expect(
      await inviteUser({ db: t.db, user: { ...manager, role: "ssm_staff" }, invite: invite(), now: NOW }),
    ).toMatchObject({ ok: false, kind: "not-found" });

    expect(
      inviteInputSchema.safeParse({ name: "X", email: "x@example.org", role: "provider_user", language: "en" }).error
        ?.issues[0]?.message,
    ).toBe("error.chooseProvider");
    expect(
      inviteInputSchema.safeParse({ name: "X", email: "x@example.org", role: "admin", language: "en" }).success,
    ).toBe(false);
    expect(setPasswordSchema.safeParse({ password: "short", confirm: "short" }).error?.issues[0]?.message).toBe(
      "error.passwordShort",
    );
    expect(
      setPasswordSchema.safeParse({ password: "long enough", confirm: "long enougH" }).error?.issues[0]?.message,
    ).toBe("error.passwordMismatch");
    expect(setPasswordSchema.safeParse({ password: "x".repeat(129), confirm: "x".repeat(129) }).success).toBe(false);
  });
});

describe("roles and disabling", () => {
  it("changes a role within the organization's kind, never one's own", async () => {
    const colleague = await createStaff(t.db, { areaSlug: "hamilton-niagara" });
    expect(
      await changeUserRole({ db: t.db, user: manager, userId: colleague.id, role: "ssm_manager", now: NOW }),
    ).toEqual({ ok: true });
    expect(
      (await t.db.selectFrom("users").select("role").where("id", "=", colleague.id).executeTakeFirstOrThrow()).role,
    ).toBe("ssm_manager");
    expect(
      await changeUserRole({ db: t.db, user: manager, userId: colleague.id, role: "provider_user", now: NOW }),
    ).toEqual({ ok: false, kind: "conflict", reason: "admin.users.refused.role_not_allowed" });
    expect(await changeUserRole({ db: t.db, user: manager, userId: manager.id, role: "ssm_staff", now: NOW })).toEqual({
      ok: false,
      kind: "conflict",
      reason: "admin.users.refused.self",
    });
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["details_json", "actor_label"])
      .where("action", "=", "user.role_changed")
      .executeTakeFirstOrThrow();
    expect(audit.actor_label).toBe(manager.email);
    expect(JSON.parse(audit.details_json!)).toMatchObject({ from: "ssm_staff", to: "ssm_manager" });
  });

  it("disabling ends every session at once; a manager cannot disable themselves", async () => {
    const colleague = await createStaff(t.db, {
      areaSlug: "hamilton-niagara",
      passwordHash: await hashPassword(PASSWORD),
    });
    const first = await signIn({ db: t.db, email: colleague.email, password: PASSWORD, now: NOW });
    const second = await signIn({ db: t.db, email: colleague.email, password: PASSWORD, now: NOW });
    expect(await userForSessionToken(t.db, first!.token, NOW)).not.toBeNull();

    expect(await disableUser({ db: t.db, user: manager, userId: colleague.id, now: NOW })).toEqual({ ok: true });
    expect(await userForSessionToken(t.db, first!.token, NOW)).toBeNull();
    expect(await userForSessionToken(t.db, second!.token, NOW)).toBeNull();
    const revoked = await t.db
      .selectFrom("sessions")
      .select("revoked_at")
      .where("user_id", "=", colleague.id)
      .execute();
    expect(revoked.map((s) => s.revoked_at)).toEqual([NOW.toISOString(), NOW.toISOString()]);
    expect(await signIn({ db: t.db, email: colleague.email, password: PASSWORD, now: NOW })).toBeNull();
    const audit = await t.db
      .selectFrom("audit_log")
      .select("details_json")
      .where("action", "=", "user.disabled")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details_json!)).toMatchObject({ sessionsRevoked: 2 });

    expect(await disableUser({ db: t.db, user: manager, userId: manager.id, now: NOW })).toEqual({
      ok: false,
      kind: "conflict",
      reason: "admin.users.refused.self",
    });

    // Enabled again: the same password works; the old sessions stay ended.
    expect(await reenableUser({ db: t.db, user: manager, userId: colleague.id, now: NOW })).toEqual({ ok: true });
    expect(await userForSessionToken(t.db, first!.token, NOW)).toBeNull();
    expect((await signIn({ db: t.db, email: colleague.email, password: PASSWORD, now: NOW }))?.user.id).toBe(
      colleague.id,
    );
    expect(await reenableUser({ db: t.db, user: manager, userId: colleague.id, now: NOW })).toEqual({
      ok: false,
      kind: "conflict",
      reason: "admin.users.refused.not_disabled",
    });
    expect(await reenableUser({ db: t.db, user: ottawaManager, userId: colleague.id, now: NOW })).toMatchObject({
      ok: false,
      kind: "not-found",
    });
  });

  it("disabling an invited person kills their link", async () => {
    const input = invite();
    const invited = await inviteUser({ db: t.db, user: manager, invite: input, now: NOW });
    const { token } = await linkTokenFor(input.email);
    if (!invited.ok) throw new Error("not invited");
    await disableUser({ db: t.db, user: manager, userId: invited.userId, now: NOW });
    expect(await acceptInvitation({ db: t.db, token, password: PASSWORD, now: later(1) })).toEqual({
      ok: false,
      state: "unknown",
    });
    expect(await resendInvitation({ db: t.db, user: manager, userId: invited.userId, now: later(1) })).toEqual({
      ok: false,
      kind: "conflict",
      reason: "admin.users.refused.not_invited",
    });
    // Enabling someone who never chose a password sends a fresh invitation instead.
    expect(await reenableUser({ db: t.db, user: manager, userId: invited.userId, now: later(2) })).toEqual({
      ok: true,
    });
    const fresh = await t.db.selectFrom("email_outbox").select("id").where("recipient", "=", input.email).execute();
    expect(fresh).toHaveLength(2);
  });

  it("a manager of Ottawa cannot see or change a Hamilton user (not found)", async () => {
    const hamilton = await createStaff(t.db, {
      areaSlug: "hamilton-niagara",
      passwordHash: await hashPassword(PASSWORD),
    });
    const session = await signIn({ db: t.db, email: hamilton.email, password: PASSWORD, now: NOW });
    expect(
      await changeUserRole({ db: t.db, user: ottawaManager, userId: hamilton.id, role: "ssm_manager", now: NOW }),
    ).toMatchObject({ ok: false, kind: "not-found" });
    expect(await disableUser({ db: t.db, user: ottawaManager, userId: hamilton.id, now: NOW })).toMatchObject({
      ok: false,
      kind: "not-found",
    });
    expect(await resendInvitation({ db: t.db, user: ottawaManager, userId: hamilton.id, now: NOW })).toMatchObject({
      ok: false,
      kind: "not-found",
    });
    expect(await userForSessionToken(t.db, session!.token, NOW)).toMatchObject({ role: "ssm_staff" });
    const ottawaList = (await userAdminView({ db: t.db, user: ottawaManager, now: NOW }))!.users;
    expect(ottawaList.map((u) => u.email)).not.toContain(hamilton.email);
    expect(ottawaList.every((u) => u.organization.name_en !== "Niagara Jobs Centre")).toBe(true);
    // Nor a Hamilton provider's user, while Hamilton's manager can.
    const providerUser = (await userAdminView({ db: t.db, user: manager, now: NOW }))!.users.find(
      (u) => u.organization.id === hamiltonProviderId,
    );
    expect(providerUser?.allowedRoles).toEqual(["provider_user"]);
    expect(await disableUser({ db: t.db, user: ottawaManager, userId: providerUser!.id, now: NOW })).toMatchObject({
      ok: false,
      kind: "not-found",
    });
    // Staff who are not managers get nothing.
    expect(await userAdminView({ db: t.db, user: hamilton, now: NOW })).toBeNull();
  });
});

describe("providers of the area", () => {
  it("adds, renames and retires a provider; a retired one leaves the filing form but keeps its record", async () => {
    const added = await addProvider({
      db: t.db,
      user: manager,
      names: { nameEn: "Lakeshore Career Hub", nameFr: "Carrefour carrière Lakeshore" },
      now: NOW,
    });
    if (!added.ok) throw new Error("not added");
    const org = await findOrganizationById(t.db, added.providerId);
    expect(org).toMatchObject({ kind: "provider", slug: "provider-lakeshore-career-hub", retired_at: null });
    expect((await listActiveProvidersInArea(t.db, "hamilton-niagara")).map((p) => p.name_en)).toContain(
      "Lakeshore Career Hub",
    );
    expect((await filingChoices({ db: t.db, areaSlug: "hamilton-niagara" }))?.providers.map((p) => p.id)).toContain(
      added.providerId,
    );
    expect((await listActiveProvidersInArea(t.db, "ottawa")).map((p) => p.id)).not.toContain(added.providerId);

    // Same name again: refused; a unique slug is still found when another area has the name.
    expect(
      await addProvider({ db: t.db, user: manager, names: { nameEn: "lakeshore career hub", nameFr: "X" }, now: NOW }),
    ).toEqual({
      ok: false,
      kind: "invalid",
      reason: "error.providerExists",
      fields: { nameEn: { key: "error.providerExists" } },
    });
    const elsewhere = await addProvider({
      db: t.db,
      user: ottawaManager,
      names: { nameEn: "Lakeshore Career Hub", nameFr: "Carrefour" },
      now: NOW,
    });
    if (!elsewhere.ok) throw new Error("not added");
    expect((await findOrganizationById(t.db, elsewhere.providerId))?.slug).toBe("provider-lakeshore-career-hub-2");

    expect(
      await renameProvider({
        db: t.db,
        user: manager,
        providerId: added.providerId,
        names: { nameEn: "Lakeshore Careers", nameFr: "Carrières Lakeshore" },
        now: NOW,
      }),
    ).toMatchObject({ ok: true });
    expect(await findOrganizationById(t.db, added.providerId)).toMatchObject({
      name_en: "Lakeshore Careers",
      name_fr: "Carrières Lakeshore",
    });
    // Ottawa's manager cannot touch it.
    expect(
      await renameProvider({
        db: t.db,
        user: ottawaManager,
        providerId: added.providerId,
        names: { nameEn: "Taken over", nameFr: "Pris" },
        now: NOW,
      }),
    ).toMatchObject({ ok: false, kind: "not-found" });
    expect(
      await retireProvider({ db: t.db, user: ottawaManager, providerId: added.providerId, now: NOW }),
    ).toMatchObject({ ok: false, kind: "not-found" });

    // One of its people is signed in when it retires: their account closes and the session ends.
    const hash = await hashPassword("lakeshore password");
    const worker = await t.db
      .insertInto("users")
      .values({
        email: "worker@lakeshore.example",
        display_name: "Lake Worker",
        password_hash: hash,
        role: "provider_user",
        organization_id: added.providerId,
        language: "en",
        disabled_at: null,
        created_at: NOW.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const session = await signIn({
      db: t.db,
      email: "worker@lakeshore.example",
      password: "lakeshore password",
      now: NOW,
    });
    expect(await userForSessionToken(t.db, session!.token, NOW)).not.toBeNull();

    expect(await retireProvider({ db: t.db, user: manager, providerId: added.providerId, now: NOW })).toMatchObject({
      ok: true,
    });
    expect((await listActiveProvidersInArea(t.db, "hamilton-niagara")).map((p) => p.id)).not.toContain(
      added.providerId,
    );
    expect(await userForSessionToken(t.db, session!.token, NOW)).toBeNull();
    const closed = await t.db
      .selectFrom("users")
      .select("disabled_at")
      .where("id", "=", worker.id)
      .executeTakeFirstOrThrow();
    expect(closed.disabled_at).toBe(NOW.toISOString());
    const adminList = (await providerAdminView({ db: t.db, user: manager }))!.providers;
    expect(adminList.find((p) => p.id === added.providerId)?.retired_at).toBe(NOW.toISOString());
    expect(await auditActions("provider.")).toEqual([
      "provider.added",
      "provider.added",
      "provider.renamed",
      "provider.retired",
    ]);
  });
});

describe("the SSM's contact details", () => {
  it("saves them on the SSM and the process page shows them", async () => {
    const contacts = contactsInputSchema.parse({
      email: " help@hamilton.example.org ",
      phone: "905-555-0199",
      address: "1 King Street West, Hamilton",
      inPerson: "",
    });
    expect(contacts.inPerson).toBeUndefined();
    expect(await saveSsmContacts({ db: t.db, user: manager, contacts, now: NOW })).toBe(true);
    const published = await publishedProcess({ db: t.db, areaSlug: "hamilton-niagara", now: NOW });
    expect(published?.area.ssm).toMatchObject({
      contact_email: "help@hamilton.example.org",
      contact_phone: "905-555-0199",
      contact_address: "1 King Street West, Hamilton",
      contact_in_person: null,
    });
    // Ottawa's page is untouched.
    expect((await publishedProcess({ db: t.db, areaSlug: "ottawa", now: NOW }))?.area.ssm.contact_email).toBe(
      "complaints.ottawa@example.org",
    );
    expect(await auditActions("ssm.contacts")).toEqual(["ssm.contacts_updated"]);
    expect(await saveSsmContacts({ db: t.db, user: { ...manager, role: "ssm_staff" }, contacts, now: NOW })).toBe(
      false,
    );
  });

  it("needs an email or a phone, each well formed", () => {
    // The first message per field is the one shown (parseForm), hence the de-duplication.
    const messages = (raw: Record<string, string>) => [
      ...new Set(
        contactsInputSchema.safeParse(raw).error?.issues.map((i) => `${String(i.path[0])}:${i.message}`) ?? [],
      ),
    ];
    expect(messages({ email: "", phone: "", address: "Somewhere" })).toEqual(["email:error.contactOneOf"]);
    expect(messages({ email: "not an email", phone: "" })).toEqual(["email:error.email"]);
    expect(messages({ email: "", phone: "call me" })).toEqual(["phone:error.phone"]);
    expect(messages({ phone: "905-555-0100" })).toEqual([]);
  });
});
