import type { Kysely } from "kysely";
import { DEFAULT_PROVIDER_STAGE } from "../../app/domain/provider-stage";
import { localDateOf } from "../../app/domain/time-zone";
import type { SessionUser } from "../../app/services/auth.server";
import { fileClientComplaint } from "../../app/services/filing.server";
import { answerAsProvider, performProviderStageAction } from "../../app/services/provider-stage.server";
import { findPolicyInForce, insertPolicyVersion } from "../../db/repositories/policies";
import type { Database } from "../../db/schema";

// The provider stage in the demo (issue #17). Hamilton–Niagara's manager publishes "staff decide
// per case" (so every other demo filing keeps today's behaviour), and staff send four complaints
// to the providers they are about: one the demo provider login answered and the client is reading,
// one it has to answer (no consent: facts only), one it let run late (the sweep hands it to the
// SSM at level 2 when the server starts), and one about another provider, which the demo login
// never sees.

const AREA = "hamilton-niagara";
const SCHEDULE_PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << >> endobj\n% Dana: Tuesdays 10:00, from next week\ntrailer << >>\n%%EOF\n",
);
const DAY = 86_400_000;

interface Scene {
  daysAgo: number;
  provider: "own" | "other";
  share: "yes" | "no";
  name: string;
  description: string;
  outcome: string;
  answeredDaysAgo?: number;
}

const SCENES: Scene[] = [
  {
    daysAgo: 8,
    provider: "own",
    share: "yes",
    name: "Morgan Ellis",
    description: "My job coach cancelled our last three meetings by text, each time an hour before.",
    outcome: "A coach who keeps the appointments.",
    answeredDaysAgo: 2,
  },
  {
    daysAgo: 2,
    provider: "own",
    share: "no",
    name: "Taylor Brooks",
    description: "I was told my training funding was approved, then that the form was never sent.",
    outcome: "Send the form and confirm the start date.",
  },
  {
    daysAgo: 24,
    provider: "own",
    share: "no",
    name: "Jamie Ortiz",
    description: "The workshop I was referred to was in English only, although I asked for French.",
    outcome: "A place in a French workshop.",
  },
  {
    daysAgo: 3,
    provider: "other",
    share: "yes",
    name: "Casey Nguyen",
    description: "Nobody returned my calls about the wage subsidy for my new employer.",
    outcome: "A call back this week.",
  },
];

export async function seedDemoProviderStage(
  db: Kysely<Database>,
  now: Date,
  people: { manager: SessionUser; staff: SessionUser; provider: SessionUser; otherProviderId: number },
): Promise<void> {
  const from = new Date(now.getTime() - 40 * DAY);
  const current = await findPolicyInForce(db, AREA, localDateOf(from, "America/Toronto"));
  if (!current) throw new Error(`No policy for ${AREA}`);
  await insertPolicyVersion(db, {
    areaSlug: AREA,
    effectiveFrom: localDateOf(from, "America/Toronto"),
    policy: { ...current.policy, providerStage: { ...DEFAULT_PROVIDER_STAGE, referral: "per_case" } },
    createdBy: people.manager.id,
    now: from.toISOString(),
  });
  for (const scene of SCENES) {
    const receivedAt = new Date(now.getTime() - scene.daysAgo * DAY);
    const provider = scene.provider === "own" ? people.provider.organization_id : people.otherProviderId;
    const filed = await fileClientComplaint({
      db,
      now: receivedAt,
      complaint: {
        area: AREA,
        provider: String(provider),
        program: "employment_service",
        description: scene.description,
        outcomeWanted: scene.outcome,
        name: scene.name,
        email: `${scene.name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.com`,
        phone: undefined,
        language: "en",
        accommodation: "no",
        accommodationDetails: undefined,
        shareIdentity: scene.share,
        consent: "on",
      },
    });
    if (filed.kind !== "filed") throw new Error(`Demo provider-stage filing failed: ${filed.kind}`);
    const step = async (
      acting: Parameters<typeof performProviderStageAction>[0]["acting"],
      command: Parameters<typeof performProviderStageAction>[0]["command"],
      at: Date,
    ) => {
      const done = await performProviderStageAction({ db, acting, command, now: at });
      if (!done.ok) throw new Error(`Demo provider stage ${command.action} on ${filed.reference}: ${done.reason}`);
    };
    await step(
      { kind: "staff", user: people.staff, reference: filed.reference, expectedVersion: 1 },
      { by: "staff", action: "refer" },
      new Date(receivedAt.getTime() + 2 * 3_600_000),
    );
    if (scene.answeredDaysAgo !== undefined) {
      // The answer carries a file, as a provider's answer may: the coach's new schedule.
      const answered = await answerAsProvider({
        db,
        user: people.provider,
        reference: filed.reference,
        answer:
          "We are sorry. Your coach's schedule changed and nobody told you. A new coach, Dana, will call you this week.",
        proposedResolution: "A standing weekly appointment with Dana, confirmed in writing.",
        files: [{ name: "Dana's schedule.pdf", bytes: SCHEDULE_PDF }],
        now: new Date(now.getTime() - scene.answeredDaysAgo * DAY),
      });
      if (!answered.ok) throw new Error(`Demo provider stage answer on ${filed.reference}: ${answered.reason}`);
    }
  }
}
