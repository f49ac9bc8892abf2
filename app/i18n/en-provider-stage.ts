// The provider stage at level 1 (issue #17), in English. Spread into en.ts; fr-provider-stage.ts
// has the same keys.
export const enProviderStage = {
  "caseStatus.with_provider": "With the service provider",
  "escalationCause.provider_late": "the service provider did not answer in time",
  "escalationCause.client_not_satisfied": "the person was not satisfied with the provider's answer",
  "escalationCause.client_no_reply": "the person did not reply to the provider's answer in time",
  "clock.provider_response": "Provider's answer",
  "clock.client_review": "Person's review of the answer",

  "event.referred_to_provider": "Sent to the service provider to answer",
  "event.provider_answered": "The service provider answered",
  "event.provider_answer_released": "The service provider's answer",
  "event.client_accepted_answer": "The person said the answer resolves it",
  "event.client_refused_answer": "The person is not satisfied with the answer",
  "event.client_no_reply": "No reply to the provider's answer in time",
  "event.provider_late": "The service provider did not answer in time",
  "event.provider_stage_taken_over": "We took the complaint back from the service provider",

  "case.refused.with_provider": "The service provider has this case. Step in first to take it back.",
  "case.refused.not_referable": "This complaint cannot be sent to a service provider now.",
  "case.refused.not_with_provider": "The service provider does not have this case.",
  "case.refused.no_answer_owed": "No answer is owed on this complaint now.",
  "case.refused.nothing_to_release": "There is no answer waiting for a check.",
  "case.refused.no_review_open": "The time to review the answer is over.",
  "status.refused.no_review_open": "The time to review the answer is over.",

  "file.share.legend": "May we tell the service provider who you are?",
  "file.share.hint":
    "We may ask the service provider to answer your complaint first. If you say yes, they see your name and how to reach you. If you say no, they see only what happened, not who you are. Either way, we read everything.",
  "file.share.yes": "Yes, they may know who I am",
  "file.share.no": "No, show them only what happened",

  "status.withProvider":
    "The service provider your complaint is about has been asked to answer it by {date}. We are watching and can step in at any time.",
  "status.answer.title": "The service provider's answer",
  "status.answer.proposed": "What the service provider proposes",
  "status.answer.reviewBy": "Please tell us by {date} whether this resolves your complaint.",
  "status.answer.silence.close_resolved":
    "If we do not hear from you by then, we will close your complaint as resolved. You can still ask for a review within {days} business days.",
  "status.answer.silence.to_ssm":
    "If we do not hear from you by then, we will review your complaint ourselves (formal review).",
  "status.answer.legend": "Does this answer resolve your complaint?",
  "status.answer.accept": "This resolves it",
  "status.answer.refuse": "I am not satisfied",
  "status.answer.reasons": "What is still wrong? (needed if you are not satisfied)",
  "status.answer.accepted": "Thank you. Your complaint is closed as resolved.",
  "status.answer.refused": "We will now review your complaint ourselves (formal review).",

  "email.providerStage.referred.subject": "Your complaint {reference} was sent to the service provider",
  "email.providerStage.referred.body":
    "We asked the service provider your complaint {reference} is about to answer it by {date}. You will then read the answer and tell us if it resolves your complaint. We can step in at any time.",
  "email.providerStage.answer_ready.subject": "The service provider answered your complaint {reference}",
  "email.providerStage.answer_ready.body":
    "The service provider answered your complaint {reference}. Please read the answer and tell us by {date} whether it resolves your complaint.",
  "email.providerStage.review_closed.subject": "Your complaint {reference} is closed",
  "email.providerStage.review_closed.body":
    "We did not hear from you about the service provider's answer to your complaint {reference}, so we closed it as resolved. If you are not satisfied, you can still ask us for a review until {date}.",

  "policy.provider.legend": "The service provider answers first (level 1)",
  "policy.provider.hint":
    "A client's complaint about a named provider can go to that provider first. The SSM sees everything and can step in at any time.",
  "policy.provider.referral": "Send complaints to the provider they are about",
  "policy.provider.referral.always": "Always",
  "policy.provider.referral.per_case": "Staff decide for each complaint",
  "policy.provider.referral.never": "Never: SSM staff handle level 1",
  "policy.provider.responseDays": "The provider answers within (business days)",
  "policy.provider.reviewDays": "The person reviews the answer within (business days)",
  "policy.provider.silence": "If the person does not reply in time",
  "policy.provider.silence.close_resolved": "Close the complaint as resolved (the person can still ask for a review)",
  "policy.provider.silence.to_ssm": "Send the complaint to the SSM at level 2",
  "policy.provider.staffCheck": "Staff read the provider's answer before the person sees it",

  "respond.nav": "Complaints about us",
  "respond.title": "Complaints about your organization",
  "respond.intro":
    "The SSM asks you to answer these complaints first. Answer in writing before the date shown. The person then says whether your answer resolves it; if not, the SSM reviews it.",
  "respond.none": "No complaint about your organization has been sent to you.",
  "respond.col.reference": "Reference",
  "respond.col.received": "Received",
  "respond.col.stage": "Where it stands",
  "respond.col.answerBy": "Answer by",
  "respond.step.awaiting_answer": "Your answer is needed",
  "respond.step.in_check": "The SSM is reading your answer",
  "respond.step.awaiting_client": "The person is reading your answer",
  "respond.step.done": "With the SSM or closed",
  "respond.late": "Late",
  "respond.case.title": "Complaint {reference}",
  "respond.facts": "What the person says happened",
  "respond.outcomeWanted": "What the person would like",
  "respond.program": "Program",
  "respond.client": "Who complained",
  "respond.client.withheld": "The person did not agree to share who they are. You see what happened only.",
  "respond.answer.legend": "Your answer",
  "respond.answer.label": "Your answer to the complaint",
  "respond.proposed.label": "A resolution you propose (optional)",
  "respond.proposed.hint": "For example: a new appointment, a refund of travel costs, an apology.",
  "respond.answer.submit": "Send the answer",
  "respond.answer.done": "Your answer was sent.",
  "respond.answer.yours": "Your answer",
  "respond.answerBy": "Please answer by {date}.",

  "case.provider.title": "Service provider stage",
  "case.provider.respondent": "Complaint about {provider}",
  "case.provider.identity.shared": "The person agreed that the provider may know who they are.",
  "case.provider.identity.withheld": "The person did not agree: the provider sees what happened only.",
  "case.provider.step.awaiting_answer": "Waiting for the provider's answer",
  "case.provider.step.in_check": "The provider answered: read the answer and release it to the person",
  "case.provider.step.awaiting_client": "Waiting for the person to review the answer",
  "case.provider.held": "The provider's answer, held for your check",
  "case.provider.refer": "Send to the provider to answer first",
  "case.provider.release": "Release the answer to the person",
  "case.provider.stepIn": "Step in: the SSM takes the complaint back",
  "case.provider.stepIn.reason": "Why the SSM steps in",
  "case.provider.done.refer": "The complaint was sent to the provider.",
  "case.provider.done.release_answer": "The answer was released to the person.",
  "case.provider.done.step_in": "The SSM has the complaint again.",

  "queue.provider.title": "Complaints with service providers",
  "queue.provider.none": "No complaint is with a service provider.",
  "queue.provider.col.provider": "Provider",
  "queue.provider.col.open": "With the provider",
  "queue.provider.col.lateNow": "Late now",
  "queue.provider.col.lateEver": "Answered late or never (all time)",
  "queue.provider.col.check": "Answers to check",

  "process.provider.title": "The service provider answers first",
  "process.provider.always":
    "We send your complaint to the service provider it is about. They answer in writing within {n} business days.",
  "process.provider.per_case":
    "We may send your complaint to the service provider it is about. They then answer in writing within {n} business days.",
  "process.provider.identity":
    "When you complain, you choose whether the provider may know who you are. If you say no, they see only what happened.",
  "process.provider.review":
    "You read the answer on the status page and tell us, within {n} business days, whether it resolves your complaint. If you are not satisfied, we review it ourselves (formal review).",
  "process.provider.silence.close_resolved":
    "If you do not reply in time, we close your complaint as resolved; you can still ask for a review.",
  "process.provider.silence.to_ssm": "If you do not reply in time, we review your complaint ourselves (formal review).",
  "process.provider.late": "If the provider does not answer in time, we take your complaint for a formal review.",
  "process.provider.oversight": "We see every complaint at this stage and can step in at any time.",
} as const;
