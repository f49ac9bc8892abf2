import { describe, expect, it } from "vitest";
import * as caseEmails from "../../emails/case-emails";
import { surveyInvitationEmail } from "../../emails/survey-email";
import type { RenderedEmail } from "../../emails/layout";
import { unexplainedTerms } from "../support/client-words";

// Issue #18, "words a client uses", for every email a filer can receive, in both languages: no
// unexplained "SSM", "upheld", "Level 1"; the filer is "you"; "Service System Manager" explained.

const common = (language: "en" | "fr") => ({
  language,
  filerName: "Robin Tester",
  reference: "HAM-2026-000123",
  ssmName: language === "en" ? "City of Hamilton" : "Ville de Hamilton",
  ssmPhone: "905-555-0100",
  statusLink: "https://recourse.example.org/status?reference=HAM-2026-000123",
  replyable: true,
});

const DUE = "2026-12-21T21:30:00.000Z";

function everyClientEmail(language: "en" | "fr"): Record<string, RenderedEmail> {
  const c = common(language);
  const all: Record<Exclude<keyof typeof caseEmails, "ssmContactLine">, RenderedEmail> = {
    acknowledgementEmail: caseEmails.acknowledgementEmail({
      ...c,
      receivedAt: "2026-12-01T15:00:00.000Z",
      acknowledgeDueAt: "2026-12-03T21:30:00.000Z",
      firstResponseDueAt: DUE,
      accommodationNeeded: true,
      openLink: "https://recourse.example.org/status/open/abc",
    }),
    accessLinkEmail: caseEmails.accessLinkEmail(c),
    publicReplyEmail: caseEmails.publicReplyEmail({ ...c, message: "We called the office." }),
    decisionEmail: caseEmails.decisionEmail({
      ...c,
      outcome: "partly_upheld",
      reasons: "The office will call you.",
      recourseDeadlineAt: DUE,
    }),
    acknowledgedEmail: caseEmails.acknowledgedEmail({ ...c, firstResponseDueAt: DUE }),
    informationRequestEmail: caseEmails.informationRequestEmail({ ...c, message: "Which office?" }),
    escalatedEmail: caseEmails.escalatedEmail({ ...c, level: 2, cause: "recourse", decisionDueAt: DUE }),
    referredToMinistryEmail: caseEmails.referredToMinistryEmail(c),
    referredOutEmail: caseEmails.referredOutEmail({
      ...c,
      programLabel: "Better Jobs Ontario",
      ministryPhone: "1-800-387-5656",
    }),
    providerStageEmail: caseEmails.providerStageEmail({ ...c, step: "referred", dueAt: DUE }),
    deadlineExtendedEmail: caseEmails.deadlineExtendedEmail({
      ...c,
      businessDays: 5,
      dueAt: DUE,
      reason: "A witness.",
    }),
    mergedEmail: caseEmails.mergedEmail(c),
  };
  return {
    ...all,
    providerAnswerReady: caseEmails.providerStageEmail({ ...c, step: "answer_ready", dueAt: DUE }),
    providerReviewClosed: caseEmails.providerStageEmail({ ...c, step: "review_closed", dueAt: DUE }),
    escalatedAfterSilence: caseEmails.escalatedEmail({ ...c, level: 3, cause: "breach", decisionDueAt: DUE }),
    lastLevelDecision: caseEmails.decisionEmail({
      ...c,
      outcome: "upheld",
      reasons: "Agreed.",
      recourseDeadlineAt: null,
    }),
    surveyInvitationEmail: surveyInvitationEmail({
      ...c,
      link: "https://recourse.example.org/survey/abc",
      expiresAt: DUE,
    }),
  };
}

describe("every email to a filer reads in a client's words", () => {
  for (const language of ["en", "fr"] as const) {
    it(`in ${language === "en" ? "English" : "French"}`, () => {
      const problems = Object.entries(everyClientEmail(language)).flatMap(([name, email]) =>
        unexplainedTerms(`${email.subject}\n${email.text}`, language).map((p) => `${name}: ${p}`),
      );
      expect(problems).toEqual([]);
    });
  }
});

describe("every email to a filer names the Service System Manager and its phone number, and gives dates", () => {
  for (const language of ["en", "fr"] as const) {
    it(`in ${language === "en" ? "English" : "French"}`, () => {
      for (const [name, email] of Object.entries(everyClientEmail(language))) {
        expect(email.text, name).toContain(common(language).ssmName);
        expect(email.text, name).toContain("905-555-0100");
        expect(email.text, name).not.toMatch(/\d+ (business days|jours ouvrables)/);
        expect(email.text, name).not.toMatch(/\.\.(\s|$)/);
      }
    });
  }
});
