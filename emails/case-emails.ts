import type { EscalationCause } from "../app/domain/escalation";
import type { Language } from "../app/domain/vocabulary";
import { codeText, translator, type MessageKey } from "../app/i18n";
import { formatDateTime, formatLongDate } from "../app/utils/format-date";
import { renderEmail, type RenderedEmail } from "./layout";

interface Common {
  language: Language;
  filerName: string;
  reference: string;
  ssmName: string;
  statusLink: string;
  /** A provider follows its dispute signed in, not with an access code. */
  signedIn?: boolean;
  /** The SSM's published phone number (admin.contacts), named in every email (issue #19). */
  ssmPhone: string | null;
  /** The email carries a reply address, so a reply lands on the case (issue #20). */
  replyable?: boolean;
}

/** "Reply to this email or call …" where replies reach the case; never "do not reply" with a phone to call. */
function footerLine(common: Common): string {
  const t = translator(common.language);
  const phone = common.ssmPhone ?? null;
  if (common.replyable) return phone ? t("email.footer.reply", { phone }) : t("email.footer.replyNoPhone");
  return phone ? t("email.footer.call", { phone }) : t("email.footer");
}

/**
 * Who wrote and how to call them, in every email to a filer (issue #19), with "Service System
 * Manager" explained where it appears (issue #18): a client does not know the term.
 */
export function ssmContactLine(language: Language, ssmName: string, ssmPhone: string | null): string {
  const t = translator(language);
  return ssmPhone
    ? t("email.ssmContact", { ssm: ssmName, phone: ssmPhone })
    : t("email.ssmContactNoPhone", { ssm: ssmName });
}

function followLine(input: Common): string {
  const t = translator(input.language);
  return t(input.signedIn ? "email.ack.followSignedIn" : "email.ack.follow", { link: input.statusLink });
}

function frame(common: Common, subjectKey: MessageKey, middle: string[]): RenderedEmail {
  const t = translator(common.language);
  return renderEmail(
    common.language,
    t(subjectKey, { reference: common.reference }),
    [
      t("email.greeting", { name: common.filerName }),
      ...middle,
      t("email.signoff", { ssm: common.ssmName }),
      ssmContactLine(common.language, common.ssmName, common.ssmPhone),
      footerLine(common),
    ],
    // Every email to a filer links to their case, so its origin is Recourse's own.
    new URL(common.statusLink).origin,
  );
}

export function acknowledgementEmail(
  input: Common & {
    receivedAt: string;
    /** When the acknowledgement is due: a date, never "within N business days" (issue #19). */
    acknowledgeDueAt: string;
    firstResponseDueAt: string;
    accommodationNeeded: boolean;
    /** A single-use link that opens the case without the code (never for a provider's dispute). */
    openLink?: string | null;
  },
): RenderedEmail {
  const t = translator(input.language);
  return frame(input, input.signedIn ? "email.ackDispute.subject" : "email.ack.subject", [
    t("email.ack.body", {
      date: formatDateTime(input.receivedAt, input.language),
      reference: input.reference,
      ackDue: formatLongDate(input.acknowledgeDueAt, input.language),
      firstDue: formatLongDate(input.firstResponseDueAt, input.language),
    }),
    followLine(input),
    ...(input.openLink ? [t("email.ack.openLink", { link: input.openLink })] : []),
    ...(input.accommodationNeeded ? [t("email.ack.accommodation")] : []),
  ]);
}

/** "I lost my code": a single-use link to the case, sent to the address on the case only. */
export function accessLinkEmail(input: Common): RenderedEmail {
  const t = translator(input.language);
  return frame(input, "email.access.subject", [t("email.access.body", { link: input.statusLink })]);
}

export function publicReplyEmail(input: Common & { message: string }): RenderedEmail {
  const t = translator(input.language);
  return frame(input, "email.reply.subject", [
    t("email.reply.body", { ssm: input.ssmName, reference: input.reference }),
    input.message,
    followLine(input),
  ]);
}

/**
 * The outcome in a filer's words ("we agree with part of your complaint", never "partly upheld"),
 * and the last day to ask for a review as a date. `recourseDeadlineAt` is null at the last level.
 */
export function decisionEmail(
  input: Common & { outcome: string; reasons: string; recourseDeadlineAt: string | null },
): RenderedEmail {
  const t = translator(input.language);
  const outcome = codeText(t, input.signedIn ? "outcome" : "filerOutcome", input.outcome);
  return frame(input, "email.decision.subject", [
    t("email.decision.body", { ssm: input.ssmName, reference: input.reference, outcome }),
    `${t("email.decision.reasons")}\n${input.reasons}`,
    ...(input.recourseDeadlineAt === null
      ? []
      : [
          t("email.decision.recourse", {
            date: formatLongDate(input.recourseDeadlineAt, input.language),
            link: input.statusLink,
          }),
        ]),
  ]);
}

export function acknowledgedEmail(input: Common & { firstResponseDueAt: string }): RenderedEmail {
  const t = translator(input.language);
  return frame(input, "email.acknowledged.subject", [
    t("email.acknowledged.body", {
      ssm: input.ssmName,
      reference: input.reference,
      date: formatLongDate(input.firstResponseDueAt, input.language),
    }),
    followLine(input),
  ]);
}

export function informationRequestEmail(input: Common & { message: string }): RenderedEmail {
  const t = translator(input.language);
  return frame(input, "email.infoRequest.subject", [
    t("email.infoRequest.body", { ssm: input.ssmName, reference: input.reference }),
    input.message,
    t("email.infoRequest.action", { link: input.statusLink }),
  ]);
}

/** The step named in a filer's words ("formal review", not "Level 2"), and why, said to "you". */
export function escalatedEmail(
  input: Common & { level: number; cause: EscalationCause; decisionDueAt: string },
): RenderedEmail {
  const t = translator(input.language);
  return frame(input, "email.escalated.subject", [
    t("email.escalated.body", {
      reference: input.reference,
      level: codeText(t, "filerLevel", input.level),
      cause: t(`filerCause.${input.cause}`),
      date: formatLongDate(input.decisionDueAt, input.language),
    }),
    followLine(input),
  ]);
}

export function referredToMinistryEmail(input: Common): RenderedEmail {
  const t = translator(input.language);
  return frame(input, "email.referred.subject", [t("email.referred.body", { reference: input.reference })]);
}

export function referredOutEmail(input: Common & { programLabel: string; ministryPhone: string }): RenderedEmail {
  const t = translator(input.language);
  return frame(input, "email.referredOut.subject", [
    t("email.referredOut.body", {
      reference: input.reference,
      program: input.programLabel,
      phone: input.ministryPhone,
    }),
  ]);
}

/** The provider stage (issue #17): the complaint went to the provider, its answer is ready, or silence closed it. */
export function providerStageEmail(
  input: Common & { step: "referred" | "answer_ready" | "review_closed"; dueAt: string },
): RenderedEmail {
  const t = translator(input.language);
  return frame(input, `email.providerStage.${input.step}.subject`, [
    t(`email.providerStage.${input.step}.body`, {
      reference: input.reference,
      date: formatLongDate(input.dueAt, input.language),
    }),
    followLine(input),
  ]);
}

/** Issue #17: staff extended the decision deadline; the filer is told by how much, to when, and why. */
export function deadlineExtendedEmail(
  input: Common & { businessDays: number; dueAt: string; reason: string },
): RenderedEmail {
  const t = translator(input.language);
  return frame(input, "email.extended.subject", [
    t("email.extended.body", {
      ssm: input.ssmName,
      reference: input.reference,
      n: input.businessDays,
      date: formatLongDate(input.dueAt, input.language),
    }),
    input.reason,
    followLine(input),
  ]);
}

/** Issue #17: a duplicate was merged into another case; the filer keeps reading their own record. */
export function mergedEmail(input: Common): RenderedEmail {
  const t = translator(input.language);
  return frame(input, "email.merged.subject", [
    t("email.merged.body", { ssm: input.ssmName, reference: input.reference }),
    followLine(input),
  ]);
}
