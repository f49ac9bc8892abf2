import type { Kysely } from "kysely";
import type { InScopeProgram } from "../../app/domain/programs";
import { IN_SCOPE_PROGRAMS } from "../../app/domain/programs";
import type { SessionUser } from "../../app/services/auth.server";
import { performStaffAction, type StaffCommand } from "../../app/services/staff-actions.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { performFilerAction } from "../../app/services/filer-actions.server";
import { fileProviderDispute } from "../../app/services/provider-disputes.server";
import { hashPassword } from "../../app/utils/password.server";
import type { Database, Language, Role } from "../../db/schema";
import { CATCHMENT_AREAS, MINISTRY, ssmSlug } from "../../db/seed/catchment-areas";
import { seedDemoHistory } from "./demo-history";
import { deliverDemoMail, type DemoMail } from "./demo-mail";
import { seedDemoProviderStage } from "./demo-provider-stage";
import { seedThreeParties } from "./demo-three-parties";

export const DEMO_PASSWORD = "Recourse-demo-2026";

const frenchArea = (slug: string): Language => (slug === "ottawa" || slug === "northeast" ? "fr" : "en");

/**
 * The demo logins the README lists: one per role, plus a staff member and a manager in every SSM
 * (the managers submit the demo's quarterly reports). Hamilton's manager stays first: seeding
 * checks for it to know the demo is in place.
 */
export const DEMO_USERS: { email: string; name: string; role: Role; org: string; language: Language }[] = [
  {
    email: "manager@hamilton-niagara.example.org",
    name: "Morgan Manager",
    role: "ssm_manager",
    org: ssmSlug("hamilton-niagara"),
    language: "en",
  },
  {
    email: "provider@hamilton-niagara.example.org",
    name: "Pat Provider",
    role: "provider_user",
    org: "provider-hamilton-niagara-1",
    language: "en",
  },
  {
    email: "analyst@ministry.example.org",
    name: "Alex Analyst",
    role: "ministry_analyst",
    org: MINISTRY.slug,
    language: "en",
  },
  { email: "admin@recourse.example.org", name: "Ari Admin", role: "admin", org: MINISTRY.slug, language: "en" },
  ...CATCHMENT_AREAS.map((a) => ({
    email: `staff@${a.slug}.example.org`,
    name: `${a.city} Case Officer`,
    role: "ssm_staff" as const,
    org: ssmSlug(a.slug),
    language: frenchArea(a.slug),
  })),
  ...CATCHMENT_AREAS.filter((a) => a.slug !== "hamilton-niagara").map((a) => ({
    email: `manager@${a.slug}.example.org`,
    name: `${a.city} Manager`,
    role: "ssm_manager" as const,
    org: ssmSlug(a.slug),
    language: frenchArea(a.slug),
  })),
];

const PROVIDER_PATTERNS = [
  (c: string) => ({ en: `${c} Employment Centre`, fr: `Centre d’emploi de ${c}` }),
  (c: string) => ({ en: `${c} Career Connections`, fr: `Connexions carrière ${c}` }),
  (c: string) => ({ en: `${c} Youth Works`, fr: `Jeunesse au travail ${c}` }),
  (c: string) => ({ en: `Francophone Employment Services ${c}`, fr: `Services d’emploi francophones ${c}` }),
];

const FILERS = [
  "Jordan Lee",
  "Amira Haddad",
  "Marc Tremblay",
  "Priya Sharma",
  "Noah Williams",
  "Chloé Gagnon",
  "Daniel Okafor",
  "Mei Chen",
  "Sophie Bouchard",
  "Ahmed Khan",
  "Grace Martin",
  "Luc Fortin",
];

const STORIES: Record<Language, { description: string; outcome: string }[]> = {
  en: [
    {
      description: "My employment counsellor cancelled three appointments in a row and did not call me back.",
      outcome: "A new counsellor and a meeting this month.",
    },
    {
      description: "I asked for my training plan in large print and was told it was not possible.",
      outcome: "My documents in large print.",
    },
    {
      description: "I was told I could not join the job-readiness workshop because of my age.",
      outcome: "A place in the next workshop.",
    },
    {
      description: "The staff member was rude to me in front of other clients.",
      outcome: "An apology and a different staff member.",
    },
  ],
  fr: [
    {
      description: "On m’a refusé un service en français alors que j’en avais fait la demande.",
      outcome: "Un conseiller qui parle français.",
    },
    {
      description: "Mon dossier a été fermé sans qu’on me prévienne.",
      outcome: "Rouvrir mon dossier et une explication.",
    },
  ],
};

type Step = { afterHours: number; command: StaffCommand };
interface Scenario {
  daysAgo: number;
  steps: Step[];
  /** The filer asks for recourse this many hours after filing (after a decision). */
  recourseAfterHours?: number;
}

// Chosen so the demo shows every state: fresh, due soon, overdue, answered, decided, and an older
// quarter's history.
const SCENARIOS: Scenario[] = [
  { daysAgo: 0.1, steps: [] },
  { daysAgo: 1, steps: [] },
  { daysAgo: 6, steps: [] },
  { daysAgo: 3, steps: [{ afterHours: 20, command: { action: "acknowledge" } }] },
  {
    daysAgo: 9,
    steps: [
      { afterHours: 24, command: { action: "acknowledge" } },
      { afterHours: 72, command: { action: "note", message: "Called the provider; waiting for their notes." } },
    ],
  },
  {
    daysAgo: 12,
    steps: [
      { afterHours: 4, command: { action: "acknowledge" } },
      {
        afterHours: 48,
        command: { action: "reply", message: "We have asked the provider for its records and will write again soon." },
      },
    ],
  },
  {
    daysAgo: 40,
    steps: [
      { afterHours: 24, command: { action: "acknowledge" } },
      { afterHours: 96, command: { action: "reply", message: "We are reviewing your file." } },
    ],
  },
  {
    daysAgo: 25,
    steps: [
      { afterHours: 20, command: { action: "acknowledge" } },
      { afterHours: 100, command: { action: "reply", message: "We met the provider." } },
      {
        afterHours: 300,
        command: {
          action: "decide",
          outcome: "upheld",
          reasons:
            "The provider did not follow its own appointment policy. It will assign a new counsellor within 5 business days.",
        },
      },
    ],
  },
  {
    daysAgo: 70,
    steps: [
      { afterHours: 30, command: { action: "acknowledge" } },
      {
        afterHours: 200,
        command: {
          action: "decide",
          outcome: "not_upheld",
          reasons: "The records show the workshop was offered on two dates; the filer was not refused because of age.",
        },
      },
    ],
  },
  {
    daysAgo: 120,
    steps: [
      { afterHours: 10, command: { action: "acknowledge" } },
      {
        afterHours: 150,
        command: {
          action: "decide",
          outcome: "resolved_informally",
          reasons: "The provider and the filer agreed on a new training plan.",
        },
      },
    ],
  },
  {
    daysAgo: 8,
    steps: [
      { afterHours: 5, command: { action: "acknowledge" } },
      { afterHours: 30, command: { action: "request_info", message: "Which office did you visit, and on what date?" } },
    ],
  },
  {
    daysAgo: 30,
    steps: [
      { afterHours: 4, command: { action: "acknowledge" } },
      {
        afterHours: 100,
        command: {
          action: "decide",
          outcome: "not_upheld",
          reasons: "The provider followed its written policy on missed appointments.",
        },
      },
    ],
    recourseAfterHours: 160,
  },
  {
    daysAgo: 200,
    steps: [
      { afterHours: 20, command: { action: "acknowledge" } },
      {
        afterHours: 250,
        command: {
          action: "decide",
          outcome: "partly_upheld",
          reasons: "Documents will be offered in accessible formats; the rest of the complaint was not supported.",
        },
      },
    ],
  },
];

/** What the officer wrote after calling a filer without email to confirm receipt. */
const CONFIRMATION_CALL: Record<Language, string> = {
  en: "Called to confirm we received the complaint and to explain what happens next.",
  fr: "Appel pour confirmer la réception de la plainte et expliquer la suite.",
};

function pick<T>(items: readonly T[], n: number): T {
  return items[n % items.length]!;
}

/** Demo providers, users and cases, with dates relative to `now`. Runs once: skipped if present. */
export async function seedDemoData(db: Kysely<Database>, now: Date, mail?: DemoMail): Promise<{ seeded: boolean }> {
  const already = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", DEMO_USERS[0]!.email)
    .executeTakeFirst();
  if (already) return { seeded: false };
  const nowIso = now.toISOString();

  const orgIds = new Map<string, number>();
  for (const [index, area] of CATCHMENT_AREAS.entries()) {
    const count = 2 + (index % 3);
    for (let i = 0; i < count; i++) {
      const name = PROVIDER_PATTERNS[i]!(area.city);
      const slug = `provider-${area.slug}-${i + 1}`;
      const row = await db
        .insertInto("organizations")
        .values({
          slug,
          kind: "provider",
          name_en: name.en,
          name_fr: name.fr,
          area_slug: null,
          contact_email: `info@${slug}.example.org`,
          contact_phone: `${area.areaCode}-555-02${String(index * 4 + i).padStart(2, "0")}`,
          contact_address: null,
          contact_in_person: null,
          retired_at: null,
          created_at: nowIso,
        })
        .onConflict((oc) => oc.column("slug").doNothing())
        .returning("id")
        .executeTakeFirst();
      const id =
        row?.id ??
        (await db.selectFrom("organizations").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
      await db
        .insertInto("provider_areas")
        .values({ provider_id: id, area_slug: area.slug })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  for (const o of await db.selectFrom("organizations").select(["id", "slug"]).execute()) orgIds.set(o.slug, o.id);

  // The same password for every demo login: hash it once (argon2id is slow on purpose).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staffByArea = new Map<string, SessionUser>();
  const managersByArea = new Map<string, SessionUser>();
  for (const u of DEMO_USERS) {
    const organization_id = orgIds.get(u.org);
    if (!organization_id) throw new Error(`Demo user ${u.email}: no organization ${u.org}`);
    const row = await db
      .insertInto("users")
      .values({
        email: u.email,
        display_name: u.name,
        password_hash: passwordHash,
        role: u.role,
        organization_id,
        language: u.language,
        disabled_at: null,
        created_at: nowIso,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const session: SessionUser = {
      id: row.id,
      email: u.email,
      display_name: u.name,
      role: u.role,
      organization_id,
      language: u.language,
    };
    if (u.role === "ssm_staff") staffByArea.set(u.org, session);
    const managed = CATCHMENT_AREAS.find((a) => ssmSlug(a.slug) === u.org);
    if (u.role === "ssm_manager" && managed) managersByArea.set(managed.slug, session);
  }

  let n = 0;
  for (const area of CATCHMENT_AREAS) {
    const providers = await db
      .selectFrom("provider_areas")
      .select("provider_id")
      .where("area_slug", "=", area.slug)
      .execute();
    const scenarios =
      area.slug === "hamilton-niagara" || area.slug === "ottawa"
        ? SCENARIOS
        : [SCENARIOS[n % 3]!, SCENARIOS[7 + (n % 5)]!];
    const staff = staffByArea.get(ssmSlug(area.slug))!;
    for (const scenario of scenarios) {
      n++;
      const language: Language = area.slug === "ottawa" || n % 4 === 0 ? "fr" : "en";
      const withEmail = n % 3 !== 0;
      const story = pick(STORIES[language], n);
      const name = pick(FILERS, n);
      const receivedAt = new Date(now.getTime() - scenario.daysAgo * 86_400_000);
      const filed = await fileClientComplaint({
        db,
        now: receivedAt,
        complaint: {
          area: area.slug,
          provider: n % 5 === 0 ? "unknown" : String(pick(providers, n).provider_id),
          program: pick(IN_SCOPE_PROGRAMS, n) as InScopeProgram,
          description: story.description,
          outcomeWanted: story.outcome,
          name,
          email: withEmail ? `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.com` : undefined,
          phone: !withEmail ? `${area.areaCode}-555-0${String(100 + n).slice(-3)}` : undefined,
          language,
          accommodation: n % 6 === 0 ? "yes" : "no",
          accommodationDetails: n % 6 === 0 ? "Large print, please." : undefined,
          consent: "on",
        },
      });
      if (filed.kind !== "filed") throw new Error(`Demo filing failed in ${area.slug}`);
      let version = 1;
      // The officer takes the case as they first act on it (#19); what nobody has touched stays unassigned.
      const first = scenario.steps[0];
      if (first && receivedAt.getTime() + first.afterHours * 3_600_000 <= now.getTime()) {
        const taken = await performStaffAction({
          db,
          user: staff,
          reference: filed.reference,
          expectedVersion: version,
          command: { action: "take" },
          now: new Date(receivedAt.getTime() + first.afterHours * 3_600_000 - 60_000),
        });
        if (!taken.ok) throw new Error(`Demo take on ${filed.reference}: ${taken.reason}`);
        version++;
      }
      for (const step of scenario.steps) {
        const at = new Date(receivedAt.getTime() + step.afterHours * 3_600_000);
        if (at > now) break;
        const done = await performStaffAction({
          db,
          user: staff,
          reference: filed.reference,
          expectedVersion: version,
          command: step.command,
          now: at,
        });
        if (!done.ok) throw new Error(`Demo step ${step.command.action} on ${filed.reference}: ${done.reason}`);
        await deliverDemoMail(db, at, mail);
        if (step.command.action !== "note") version++;
        // Without email, the officer calls to confirm receipt before going further (issue #18); a
        // case left at its acknowledgement keeps its call to make, for the demo's "call" task.
        const calledAt = new Date(at.getTime() + 2 * 3_600_000);
        if (step.command.action === "acknowledge" && !withEmail && scenario.steps.length > 1 && calledAt <= now) {
          const called = await performStaffAction({
            db,
            user: staff,
            reference: filed.reference,
            expectedVersion: version,
            command: {
              action: "record_contact",
              contact: {
                channel: "call",
                who: name,
                at: calledAt.toISOString(),
                summary: CONFIRMATION_CALL[language],
                outcome: "reached",
              },
            },
            now: calledAt,
          });
          if (!called.ok) throw new Error(`Demo call on ${filed.reference}: ${called.reason}`);
          version++;
        }
      }
      if (scenario.recourseAfterHours !== undefined) {
        const at = new Date(receivedAt.getTime() + scenario.recourseAfterHours * 3_600_000);
        const asked = await performFilerAction({
          db,
          caseId: filed.caseId,
          command: { action: "request_recourse", reasons: "I was not told about the policy before my appointment." },
          now: at,
        });
        if (!asked.ok) throw new Error(`Demo recourse on ${filed.reference}: ${asked.reason}`);
      }
    }
  }
  // Disputes Hamilton's demo provider raised with its SSM: one new, one answered.
  const providerUser = DEMO_USERS.find((u) => u.role === "provider_user")!;
  const provider = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", providerUser.email)
    .executeTakeFirstOrThrow();
  const providerSession = {
    id: provider.id,
    email: provider.email,
    display_name: provider.display_name,
    role: provider.role,
    organization_id: provider.organization_id,
    language: provider.language,
  };
  const disputes = [
    {
      daysAgo: 2,
      category: "referrals" as const,
      description: "Referrals from the SSM stopped for three weeks without notice.",
      outcome: "Resume referrals and explain the pause.",
    },
    {
      daysAgo: 15,
      category: "targets" as const,
      description: "Our quarterly targets were raised after the quarter started.",
      outcome: "Keep the targets agreed at the start of the quarter.",
    },
  ];
  for (const d of disputes) {
    const at = new Date(now.getTime() - d.daysAgo * 86_400_000);
    const filed = await fileProviderDispute({
      db,
      user: providerSession,
      dispute: { area: "hamilton-niagara", category: d.category, description: d.description, outcomeWanted: d.outcome },
      now: at,
    });
    if (filed?.kind !== "filed") throw new Error("Demo dispute not filed");
    if (d.daysAgo > 5) {
      const staff = staffByArea.get(ssmSlug("hamilton-niagara"))!;
      await performStaffAction({
        db,
        user: staff,
        reference: filed.reference,
        expectedVersion: 1,
        command: { action: "acknowledge" },
        now: new Date(at.getTime() + 3_600_000),
      });
      await deliverDemoMail(db, new Date(at.getTime() + 3_600_000), mail);
      await performStaffAction({
        db,
        user: staff,
        reference: filed.reference,
        expectedVersion: 2,
        command: { action: "reply", message: "We are reviewing the target letter with our contracts team." },
        now: new Date(at.getTime() + 26 * 3_600_000),
      });
    }
  }
  await seedDemoProviderStage(db, now, {
    manager: managersByArea.get("hamilton-niagara")!,
    staff: staffByArea.get(ssmSlug("hamilton-niagara"))!,
    provider: providerSession,
    otherProviderId: orgIds.get("provider-hamilton-niagara-2")!,
  });
  await seedThreeParties(
    db,
    now,
    { staff: staffByArea.get(ssmSlug("hamilton-niagara"))!, manager: managersByArea.get("hamilton-niagara")! },
    mail,
  );
  // The provider-stage and three-party scenes act through services that do not take the case:
  // their officer holds what they worked on, as in the other live cases (#19). Written straight
  // to the row, like the history below, so those scenes' versions and timelines stay as they are.
  await db
    .updateTable("cases")
    .set({ assignee_id: staffByArea.get(ssmSlug("hamilton-niagara"))!.id })
    .where("area_slug", "=", "hamilton-niagara")
    .where("assignee_id", "is", null)
    .where("status", "not in", ["received", "with_provider"])
    .execute();
  // Behind the live cases: four closed quarters of handled cases and the reports submitted on them.
  await seedDemoHistory(db, now, managersByArea);
  return { seeded: true };
}
