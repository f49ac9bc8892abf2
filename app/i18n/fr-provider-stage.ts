import type { enProviderStage } from "./en-provider-stage";

// L'étape du fournisseur au niveau 1 (issue #17), en français : mêmes clés que en-provider-stage.ts.
export const frProviderStage: Record<keyof typeof enProviderStage, string> = {
  "caseStatus.with_provider": "Auprès du fournisseur de services",
  "escalationCause.provider_late": "le fournisseur de services n’a pas répondu à temps",
  "escalationCause.client_not_satisfied": "la personne n’était pas satisfaite de la réponse du fournisseur",
  "escalationCause.client_no_reply": "la personne n’a pas répondu à temps à la réponse du fournisseur",
  "clock.provider_response": "Réponse du fournisseur",
  "clock.client_review": "Examen de la réponse par la personne",

  "event.referred_to_provider": "Transmise au fournisseur de services pour réponse",
  "event.provider_answered": "Le fournisseur de services a répondu",
  "event.provider_answer_released": "La réponse du fournisseur de services",
  "event.client_accepted_answer": "La personne a dit que la réponse règle sa plainte",
  "event.client_refused_answer": "La personne n’est pas satisfaite de la réponse",
  "event.client_no_reply": "Pas de réponse à temps à la réponse du fournisseur",
  "event.provider_late": "Le fournisseur de services n’a pas répondu à temps",
  "event.provider_stage_taken_over": "Nous avons repris la plainte au fournisseur de services",

  "case.refused.with_provider": "Le fournisseur de services a ce dossier. Intervenez d’abord pour le reprendre.",
  "case.refused.not_referable": "Cette plainte ne peut pas être transmise à un fournisseur maintenant.",
  "case.refused.not_with_provider": "Le fournisseur de services n’a pas ce dossier.",
  "case.refused.no_answer_owed": "Aucune réponse n’est attendue pour cette plainte maintenant.",
  "case.refused.nothing_to_release": "Aucune réponse n’attend de vérification.",
  "case.refused.no_review_open": "Le délai pour examiner la réponse est passé.",
  "status.refused.no_review_open": "Le délai pour examiner la réponse est passé.",

  "file.share.legend": "Pouvons-nous dire au fournisseur de services qui vous êtes?",
  "file.share.hint":
    "Nous pouvons demander au fournisseur de services de répondre d’abord à votre plainte. Si vous dites oui, il voit votre nom et comment vous joindre. Si vous dites non, il voit seulement ce qui s’est passé, pas qui vous êtes. Dans les deux cas, nous lisons tout.",
  "file.share.yes": "Oui, il peut savoir qui je suis",
  "file.share.no": "Non, montrez-lui seulement ce qui s’est passé",

  "status.withProvider":
    "Nous avons demandé au fournisseur de services visé par votre plainte d’y répondre au plus tard le {date}. Nous suivons le dossier et pouvons intervenir à tout moment.",
  "status.answer.title": "La réponse du fournisseur de services",
  "status.answer.proposed": "Ce que propose le fournisseur de services",
  "status.answer.reviewBy": "Dites-nous au plus tard le {date} si cette réponse règle votre plainte.",
  "status.answer.silence.close_resolved":
    "Sans nouvelles de vous d’ici là, nous fermerons votre plainte comme réglée. Vous pourrez encore demander une révision dans les {days} jours ouvrables.",
  "status.answer.silence.to_ssm":
    "Sans nouvelles de vous d’ici là, nous examinerons nous-mêmes votre plainte (révision officielle).",
  "status.answer.legend": "Cette réponse règle-t-elle votre plainte?",
  "status.answer.accept": "Cela règle ma plainte",
  "status.answer.refuse": "Je ne suis pas satisfait",
  "status.answer.reasons": "Qu’est-ce qui ne va toujours pas? (à remplir si vous n’êtes pas satisfait)",
  "status.answer.accepted": "Merci. Votre plainte est fermée comme réglée.",
  "status.answer.refused": "Nous allons maintenant examiner nous-mêmes votre plainte (révision officielle).",

  "email.providerStage.referred.subject": "Votre plainte {reference} a été transmise au fournisseur de services",
  "email.providerStage.referred.body":
    "Nous avons demandé au fournisseur de services visé par votre plainte {reference} d’y répondre au plus tard le {date}. Vous lirez ensuite la réponse et nous direz si elle règle votre plainte. Nous pouvons intervenir à tout moment.",
  "email.providerStage.answer_ready.subject": "Le fournisseur de services a répondu à votre plainte {reference}",
  "email.providerStage.answer_ready.body":
    "Le fournisseur de services a répondu à votre plainte {reference}. Lisez la réponse et dites-nous au plus tard le {date} si elle règle votre plainte.",
  "email.providerStage.review_closed.subject": "Votre plainte {reference} est fermée",
  "email.providerStage.review_closed.body":
    "Nous n’avons pas eu de nouvelles de vous au sujet de la réponse du fournisseur à votre plainte {reference}; nous l’avons donc fermée comme réglée. Si vous n’êtes pas satisfait, vous pouvez encore nous demander une révision jusqu’au {date}.",

  "policy.provider.legend": "Le fournisseur de services répond d’abord (niveau 1)",
  "policy.provider.hint":
    "La plainte d’un client au sujet d’un fournisseur nommé peut d’abord aller à ce fournisseur. Le GSS voit tout et peut intervenir à tout moment.",
  "policy.provider.referral": "Transmettre les plaintes au fournisseur visé",
  "policy.provider.referral.always": "Toujours",
  "policy.provider.referral.per_case": "Le personnel décide pour chaque plainte",
  "policy.provider.referral.never": "Jamais : le personnel du GSS traite le niveau 1",
  "policy.provider.responseDays": "Le fournisseur répond dans un délai de (jours ouvrables)",
  "policy.provider.reviewDays": "La personne examine la réponse dans un délai de (jours ouvrables)",
  "policy.provider.silence": "Si la personne ne répond pas à temps",
  "policy.provider.silence.close_resolved":
    "Fermer la plainte comme réglée (la personne peut encore demander une révision)",
  "policy.provider.silence.to_ssm": "Transmettre la plainte au GSS au niveau 2",
  "policy.provider.staffCheck": "Le personnel lit la réponse du fournisseur avant la personne",

  "respond.nav": "Plaintes à notre sujet",
  "respond.title": "Plaintes au sujet de votre organisme",
  "respond.intro":
    "Le GSS vous demande de répondre d’abord à ces plaintes. Répondez par écrit avant la date indiquée. La personne dit ensuite si votre réponse règle sa plainte; sinon, le GSS l’examine.",
  "respond.none": "Aucune plainte au sujet de votre organisme ne vous a été transmise.",
  "respond.col.reference": "Numéro",
  "respond.col.received": "Reçue le",
  "respond.col.stage": "Où elle en est",
  "respond.col.answerBy": "Répondre au plus tard le",
  "respond.step.awaiting_answer": "Votre réponse est attendue",
  "respond.step.in_check": "Le GSS lit votre réponse",
  "respond.step.awaiting_client": "La personne lit votre réponse",
  "respond.step.done": "Au GSS ou fermée",
  "respond.late": "En retard",
  "respond.case.title": "Plainte {reference}",
  "respond.facts": "Ce que la personne dit s’être passé",
  "respond.outcomeWanted": "Ce que la personne souhaite",
  "respond.program": "Programme",
  "respond.client": "Qui a porté plainte",
  "respond.client.withheld":
    "La personne n’a pas accepté de dire qui elle est. Vous voyez seulement ce qui s’est passé.",
  "respond.answer.legend": "Votre réponse",
  "respond.answer.label": "Votre réponse à la plainte",
  "respond.proposed.label": "Une solution que vous proposez (facultatif)",
  "respond.proposed.hint":
    "Par exemple : un nouveau rendez-vous, le remboursement de frais de déplacement, des excuses.",
  "respond.answer.submit": "Envoyer la réponse",
  "respond.answer.done": "Votre réponse a été envoyée.",
  "respond.answer.yours": "Votre réponse",
  "respond.answerBy": "Veuillez répondre au plus tard le {date}.",

  "case.provider.title": "Étape du fournisseur de services",
  "case.provider.respondent": "Plainte au sujet de {provider}",
  "case.provider.identity.shared": "La personne a accepté que le fournisseur sache qui elle est.",
  "case.provider.identity.withheld": "La personne n’a pas accepté : le fournisseur voit seulement ce qui s’est passé.",
  "case.provider.step.awaiting_answer": "En attente de la réponse du fournisseur",
  "case.provider.step.in_check": "Le fournisseur a répondu : lisez la réponse et transmettez-la à la personne",
  "case.provider.step.awaiting_client": "En attente de l’examen de la réponse par la personne",
  "case.provider.held": "La réponse du fournisseur, retenue pour votre vérification",
  "case.provider.refer": "Transmettre au fournisseur pour qu’il réponde d’abord",
  "case.provider.release": "Transmettre la réponse à la personne",
  "case.provider.stepIn": "Intervenir : le GSS reprend la plainte",
  "case.provider.stepIn.reason": "Pourquoi le GSS intervient",
  "case.provider.done.refer": "La plainte a été transmise au fournisseur.",
  "case.provider.done.release_answer": "La réponse a été transmise à la personne.",
  "case.provider.done.step_in": "Le GSS a repris la plainte.",

  "queue.provider.title": "Plaintes auprès des fournisseurs de services",
  "queue.provider.none": "Aucune plainte n’est auprès d’un fournisseur de services.",
  "queue.provider.col.provider": "Fournisseur",
  "queue.provider.col.open": "Auprès du fournisseur",
  "queue.provider.col.lateNow": "En retard maintenant",
  "queue.provider.col.lateEver": "Réponses en retard ou absentes (depuis le début)",
  "queue.provider.col.check": "Réponses à vérifier",

  "process.provider.title": "Le fournisseur de services répond d’abord",
  "process.provider.always":
    "Nous transmettons votre plainte au fournisseur de services visé. Il répond par écrit dans un délai de {n} jours ouvrables.",
  "process.provider.per_case":
    "Nous pouvons transmettre votre plainte au fournisseur de services visé. Il répond alors par écrit dans un délai de {n} jours ouvrables.",
  "process.provider.identity":
    "Quand vous portez plainte, vous choisissez si le fournisseur peut savoir qui vous êtes. Si vous dites non, il voit seulement ce qui s’est passé.",
  "process.provider.review":
    "Vous lisez la réponse sur la page de suivi et nous dites, dans un délai de {n} jours ouvrables, si elle règle votre plainte. Si vous n’êtes pas satisfait, nous l’examinons nous-mêmes (révision officielle).",
  "process.provider.silence.close_resolved":
    "Si vous ne répondez pas à temps, nous fermons votre plainte comme réglée; vous pouvez encore demander une révision.",
  "process.provider.silence.to_ssm":
    "Si vous ne répondez pas à temps, nous examinons nous-mêmes votre plainte (révision officielle).",
  "process.provider.late":
    "Si le fournisseur ne répond pas à temps, nous prenons votre plainte pour une révision officielle.",
  "process.provider.oversight": "Nous voyons toutes les plaintes à cette étape et pouvons intervenir à tout moment.",
};
