import { writeTransaction, type DB } from "../../db/client";
import {
  insertProviderInArea,
  renameOrganization,
  retireOrganization,
  slugsStartingWith,
  updateOrganizationContacts,
} from "../../db/repositories/areas";
import { appendAuditEntry } from "../../db/repositories/audit-log";
import { revokeOpenInvitationsOfUser } from "../../db/repositories/invitations";
import { revokeSessionsOfUser } from "../../db/repositories/sessions";
import { listActiveUsersOfOrganization, markUserDisabled } from "../../db/repositories/users";
import { providerSlug, type ContactsInput, type ProviderNames } from "../domain/ssm-admin-input";
import { fieldRefused, NOT_FOUND, type Refused } from "../domain/result";
import type { SessionUser } from "./auth.server";
import { managerScope, type ManagerScope } from "./ssm-admin.server";

// The organizations an SSM manager keeps up to date: the providers serving the area and the SSM's
// own contact details, which the public process page shows.

function auditActor(user: SessionUser) {
  return { actorUserId: user.id, actorLabel: user.email, organizationId: user.organization_id };
}

export async function providerAdminView(input: { db: DB; user: SessionUser }) {
  const scope = await managerScope(input.db, input.user, "organizations.manage");
  if (!scope) return null;
  return {
    area: { slug: scope.area.slug, name_en: scope.area.name_en, name_fr: scope.area.name_fr },
    providers: scope.providers,
  };
}

export type ProviderResult = { ok: true; providerId: number; names: ProviderNames } | Refused;

/** Two active providers of one area with the same name would be indistinguishable on the form. */
function nameTaken(scope: ManagerScope, nameEn: string, exceptId?: number): boolean {
  const wanted = nameEn.trim().toLocaleLowerCase("en-CA");
  return scope.providers.some(
    (p) => !p.retired_at && p.id !== exceptId && p.name_en.toLocaleLowerCase("en-CA") === wanted,
  );
}

export async function addProvider(input: {
  db: DB;
  user: SessionUser;
  names: ProviderNames;
  now: Date;
}): Promise<ProviderResult> {
  const { db, user, names, now } = input;
  const scope = await managerScope(db, user, "organizations.manage");
  if (!scope) return NOT_FOUND;
  if (nameTaken(scope, names.nameEn)) return fieldRefused("nameEn", "error.providerExists");
  return writeTransaction(db, async (trx) => {
    const base = providerSlug(names.nameEn, []);
    const slug = providerSlug(names.nameEn, await slugsStartingWith(trx, base));
    const providerId = await insertProviderInArea(trx, {
      slug,
      nameEn: names.nameEn,
      nameFr: names.nameFr,
      areaSlug: scope.area.slug,
      now: now.toISOString(),
    });
    await appendAuditEntry(trx, {
      at: now.toISOString(),
      ...auditActor(user),
      action: "provider.added",
      targetType: "organization",
      targetId: String(providerId),
      details: { slug, area: scope.area.slug, nameEn: names.nameEn, nameFr: names.nameFr },
    });
    return { ok: true, providerId, names };
  });
}

export async function renameProvider(input: {
  db: DB;
  user: SessionUser;
  providerId: number;
  names: ProviderNames;
  now: Date;
}): Promise<ProviderResult> {
  const { db, user, names, now } = input;
  const scope = await managerScope(db, user, "organizations.manage");
  const provider = scope?.providers.find((p) => p.id === input.providerId && !p.retired_at);
  if (!scope || !provider) return NOT_FOUND;
  if (nameTaken(scope, names.nameEn, provider.id)) return fieldRefused("nameEn", "error.providerExists");
  await writeTransaction(db, async (trx) => {
    await renameOrganization(trx, provider.id, names);
    await appendAuditEntry(trx, {
      at: now.toISOString(),
      ...auditActor(user),
      action: "provider.renamed",
      targetType: "organization",
      targetId: String(provider.id),
      details: { from: { nameEn: provider.name_en, nameFr: provider.name_fr }, to: names },
    });
  });
  return { ok: true, providerId: provider.id, names };
}

/**
 * Retires a provider: its cases, disputes and users stay as they are, but the complaint form no
 * longer offers it. Retiring is final here; a provider that comes back is added again.
 */
export async function retireProvider(input: {
  db: DB;
  user: SessionUser;
  providerId: number;
  now: Date;
}): Promise<ProviderResult> {
  const { db, user, now } = input;
  const scope = await managerScope(db, user, "organizations.manage");
  const provider = scope?.providers.find((p) => p.id === input.providerId);
  if (!scope || !provider) return NOT_FOUND;
  const names = { nameEn: provider.name_en, nameFr: provider.name_fr };
  if (provider.retired_at) return { ok: true, providerId: provider.id, names };
  await writeTransaction(db, async (trx) => {
    const nowIso = now.toISOString();
    await retireOrganization(trx, provider.id, nowIso);
    // A retired provider's people no longer work with the SSM: their accounts close with it.
    const people = await listActiveUsersOfOrganization(trx, provider.id);
    for (const person of people) {
      await markUserDisabled(trx, person.id, nowIso);
      await revokeSessionsOfUser(trx, person.id, nowIso);
      await revokeOpenInvitationsOfUser(trx, person.id, nowIso);
    }
    await appendAuditEntry(trx, {
      at: nowIso,
      ...auditActor(user),
      action: "provider.retired",
      targetType: "organization",
      targetId: String(provider.id),
      details: { nameEn: provider.name_en, area: scope.area.slug, usersDisabled: people.length },
    });
  });
  return { ok: true, providerId: provider.id, names };
}

export async function contactsAdminView(input: { db: DB; user: SessionUser }) {
  const scope = await managerScope(input.db, input.user, "organizations.manage");
  if (!scope) return null;
  const { ssm } = scope.area;
  return {
    area: { slug: scope.area.slug, name_en: scope.area.name_en, name_fr: scope.area.name_fr },
    ssm: { name_en: ssm.name_en, name_fr: ssm.name_fr },
    contacts: {
      email: ssm.contact_email,
      phone: ssm.contact_phone,
      address: ssm.contact_address,
      inPerson: ssm.contact_in_person,
    },
  };
}

/** Saves the SSM's contact details; the process page reads them from the same row. */
export async function saveSsmContacts(input: {
  db: DB;
  user: SessionUser;
  contacts: ContactsInput;
  now: Date;
}): Promise<boolean> {
  const { db, user, now } = input;
  const scope = await managerScope(db, user, "organizations.manage");
  if (!scope) return false;
  const { ssm } = scope.area;
  const contacts = {
    email: input.contacts.email ?? null,
    phone: input.contacts.phone ?? null,
    address: input.contacts.address ?? null,
    inPerson: input.contacts.inPerson ?? null,
  };
  await writeTransaction(db, async (trx) => {
    await updateOrganizationContacts(trx, ssm.id, contacts);
    await appendAuditEntry(trx, {
      at: now.toISOString(),
      ...auditActor(user),
      action: "ssm.contacts_updated",
      targetType: "organization",
      targetId: String(ssm.id),
      details: {
        from: {
          email: ssm.contact_email,
          phone: ssm.contact_phone,
          address: ssm.contact_address,
          inPerson: ssm.contact_in_person,
        },
        to: contacts,
      },
    });
  });
  return true;
}
