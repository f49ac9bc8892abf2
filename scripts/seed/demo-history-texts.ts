import type { DecisionOutcome } from "../../app/domain/case-workflow";
import type { DisputeCategory } from "../../app/domain/dispute-input";
import type { Narrative } from "../../app/domain/vocabulary";
import type { Language } from "../../db/schema";

// The words of the history: short, varied, fictional. French only where the case or manager is.

export type Bilingual<T> = Record<Language, readonly T[]>;
export type Story = { description: string; outcome: string };

export const PEOPLE = {
  first: [
    "Avery",
    "Bianca",
    "Carlos",
    "Delphine",
    "Elif",
    "Farah",
    "Gabriel",
    "Hana",
    "Isaac",
    "Josée",
    "Kwame",
    "Leila",
    "Mateo",
    "Nadia",
    "Omar",
    "Paulette",
    "Quinn",
    "Rosalie",
    "Samir",
    "Tanvir",
    "Valérie",
    "Wei",
    "Yasmin",
    "Zainab",
  ],
  last: [
    "Abara",
    "Bélanger",
    "Castillo",
    "Desrosiers",
    "Ekwueme",
    "Fontaine",
    "Greco",
    "Hoang",
    "Ibrahim",
    "Jensen",
    "Kowalski",
    "Lavoie",
    "Mensah",
    "Nakamura",
    "Ortiz",
    "Pelletier",
    "Rahman",
    "Santos",
    "Thibodeau",
    "Usman",
    "Vasquez",
    "Whitehorse",
  ],
  /** Who signs a provider's dispute: names no complaint uses, so a name search finds one kind. */
  contacts: [
    "Dana Whitfield",
    "Rohan Mehta",
    "Claire Beaulieu",
    "Tomás Herrera",
    "Annette Lacroix",
    "Kofi Boateng",
    "Ingrid Solberg",
    "Martin Gosselin",
  ],
};

const dispute = (en: [string, string], fr: [string, string]): Record<Language, Story> => ({
  en: { description: en[0], outcome: en[1] },
  fr: { description: fr[0], outcome: fr[1] },
});

export const CASE_TEXTS: {
  complaints: Bilingual<Story>;
  disputes: Record<DisputeCategory, Record<Language, Story>>;
  reasons: Record<DecisionOutcome, Bilingual<string>>;
  disputeReasons: Record<DecisionOutcome, Bilingual<string>>;
  accommodations: Bilingual<string>;
  replies: Bilingual<string>;
  infoRequests: Bilingual<string>;
  filerInfo: Bilingual<string>;
  recourse: Bilingual<string>;
  manualReasons: Bilingual<string>;
  panels: Bilingual<string>;
  surveyComments: Bilingual<string>;
} = {
  complaints: {
    en: [
      {
        description: "My counsellor cancelled my appointments twice and nobody called to reschedule.",
        outcome: "A new appointment this month and a call when it changes.",
      },
      {
        description: "I was told I did not qualify for the training program, but nobody explained why.",
        outcome: "A written explanation and a second look at my eligibility.",
      },
      {
        description: "The office would not give me my employment plan in large print.",
        outcome: "My documents in large print.",
      },
      {
        description: "A staff member spoke to me rudely at the front desk.",
        outcome: "An apology and a different staff member.",
      },
      {
        description: "My file was closed while I was in hospital.",
        outcome: "Reopen my file and keep my place in the program.",
      },
      {
        description: "I was promised help with work boots and transit fare but never received it.",
        outcome: "The supports I was promised, or a clear answer.",
      },
    ],
    fr: [
      {
        description: "On m’a refusé un service en français alors que je l’avais demandé.",
        outcome: "Un conseiller qui parle français.",
      },
      {
        description: "Mon dossier a été fermé sans qu’on me prévienne.",
        outcome: "Rouvrir mon dossier et une explication.",
      },
      {
        description: "Mes rendez-vous ont été annulés deux fois sans qu’on me rappelle.",
        outcome: "Un nouveau rendez-vous ce mois-ci.",
      },
      {
        description: "On ne m’a pas expliqué pourquoi je n’étais pas admissible à la formation.",
        outcome: "Une explication écrite et un nouvel examen.",
      },
    ],
  },
  disputes: {
    funding_contract: dispute(
      ["Our invoice for the last quarter was paid at the old rate.", "Payment at the rate in our amended contract."],
      [
        "Notre facture du dernier trimestre a été payée à l’ancien taux.",
        "Le paiement au taux de notre contrat modifié.",
      ],
    ),
    targets: dispute(
      [
        "Our placement targets were raised after the quarter had started.",
        "Keep the targets agreed at the start of the quarter.",
      ],
      [
        "Nos cibles de placement ont été augmentées en cours de trimestre.",
        "Garder les cibles convenues au début du trimestre.",
      ],
    ),
    referrals: dispute(
      ["Referrals to our office stopped for three weeks without notice.", "Resume referrals and explain the pause."],
      [
        "Les aiguillages vers notre bureau ont cessé pendant trois semaines sans préavis.",
        "Reprendre les aiguillages et expliquer l’interruption.",
      ],
    ),
    data_reporting: dispute(
      [
        "Outcomes we entered were marked missing in the monthly data report.",
        "Correct the report and confirm our figures.",
      ],
      [
        "Des résultats saisis ont été marqués manquants dans le rapport mensuel.",
        "Corriger le rapport et confirmer nos chiffres.",
      ],
    ),
    communication: dispute(
      ["Changes to the service guidelines reached us after they took effect.", "Notice of changes before they apply."],
      [
        "Les changements aux lignes directrices nous sont parvenus après leur entrée en vigueur.",
        "Être avisés des changements avant leur application.",
      ],
    ),
    other: dispute(
      [
        "Our site visit report contains findings we were never asked about.",
        "A chance to respond before the report is final.",
      ],
      [
        "Le rapport de visite contient des constats sur lesquels on ne nous a jamais consultés.",
        "Pouvoir répondre avant que le rapport soit définitif.",
      ],
    ),
  },
  reasons: {
    upheld: {
      en: [
        "The provider did not follow its own appointment policy. It will assign a new counsellor within five business days.",
        "The records confirm the support was approved and not delivered; the provider will pay it this month.",
      ],
      fr: [
        "Le fournisseur n’a pas suivi sa propre politique de rendez-vous. Un nouveau conseiller vous sera assigné d’ici cinq jours ouvrables.",
      ],
    },
    partly_upheld: {
      en: [
        "Documents will be offered in accessible formats; the rest of the complaint was not supported by the records.",
        "The file should not have been closed without notice; the eligibility decision itself followed the program rules.",
      ],
      fr: [
        "Les documents seront offerts en formats accessibles; le reste de la plainte n’est pas appuyé par le dossier.",
      ],
    },
    not_upheld: {
      en: [
        "The provider followed its written policy on missed appointments.",
        "The records show the workshop was offered on two dates; the person was not refused.",
      ],
      fr: ["Le fournisseur a respecté sa politique écrite sur les rendez-vous manqués."],
    },
    resolved_informally: {
      en: [
        "The provider and the person agreed on a new training plan.",
        "The provider apologized and booked a meeting with a new counsellor.",
      ],
      fr: ["Le fournisseur et la personne se sont entendus sur un nouveau plan de formation."],
    },
  },
  disputeReasons: {
    upheld: {
      en: ["The change was made without the notice the contract requires; it is withdrawn."],
      fr: ["Le changement a été fait sans le préavis exigé par le contrat; il est retiré."],
    },
    partly_upheld: {
      en: ["The correction is accepted for the last quarter; the new terms apply from next quarter."],
      fr: ["La correction est acceptée pour le dernier trimestre; les nouvelles conditions s’appliquent au prochain."],
    },
    not_upheld: {
      en: ["The contract allows this change with the notice that was given."],
      fr: ["Le contrat permet ce changement avec le préavis qui a été donné."],
    },
    resolved_informally: {
      en: ["Settled at a meeting with our contracts team; the terms agreed are on file."],
      fr: ["Réglé lors d’une rencontre avec notre équipe des contrats; les conditions convenues sont au dossier."],
    },
  },
  accommodations: {
    en: ["Large print, please.", "Please call rather than email.", "An ASL interpreter for meetings."],
    fr: ["Gros caractères, s’il vous plaît.", "Appelez-moi plutôt que de m’écrire."],
  },
  replies: {
    en: [
      "We have asked the provider for its records and will write again within two weeks.",
      "We spoke with the provider’s manager and are reviewing their notes on your file.",
    ],
    fr: [
      "Nous avons demandé le dossier au fournisseur et vous écrirons d’ici deux semaines.",
      "Nous avons parlé à la gestionnaire du fournisseur et examinons ses notes.",
    ],
  },
  infoRequests: {
    en: [
      "Which office did you visit, and on what date?",
      "Could you send us the letter you received from the provider?",
    ],
    fr: ["À quel bureau êtes-vous allé, et à quelle date?", "Pouvez-vous nous envoyer la lettre reçue du fournisseur?"],
  },
  filerInfo: {
    en: [
      "It was the downtown office, on the Tuesday before the long weekend.",
      "I have attached the letter; it is dated the 12th.",
    ],
    fr: ["C’était le bureau du centre-ville, le mardi avant le long congé.", "Voici la lettre; elle est datée du 12."],
  },
  recourse: {
    en: [
      "I was not told about the policy before my appointment.",
      "The decision does not address what happened at the front desk.",
    ],
    fr: ["On ne m’a pas informé de la politique avant mon rendez-vous."],
  },
  manualReasons: {
    en: ["The complaint concerns someone in our own office: sent straight to formal review."],
    fr: ["La plainte vise une personne de notre bureau : transmise directement à l’examen officiel."],
  },
  panels: {
    en: ["Chair R. Okoye, community member L. Gauthier, employer member S. Patel"],
    fr: ["Présidence R. Okoye, membre de la communauté L. Gauthier, membre employeur S. Patel"],
  },
  surveyComments: {
    en: [
      "Thank you for calling me back quickly.",
      "It took a long time, but I understood the decision.",
      "I wish I had known about the process sooner.",
      "The officer was patient and clear.",
    ],
    fr: [
      "Merci pour le suivi rapide.",
      "C’était long, mais la décision était claire.",
      "J’aurais aimé connaître la démarche plus tôt.",
    ],
  },
};

export const NARRATIVES: Record<Language, readonly Narrative[]> & {
  amendedAction: string;
  amendmentReason: (received: string, recorded: string) => string;
} = {
  en: [
    {
      actionsTaken:
        "Reviewed every complaint not acknowledged within two business days with the intake team, and added a Monday check of cases waiting on providers.",
      lessonsLearned:
        "Most complaints came from missed or cancelled appointments; a phone call in the first week resolved many of them informally.",
      systemicIssues:
        "Providers’ appointment policies differ and clients are not always told how to reschedule. We raised this at the quarterly provider meeting.",
    },
    {
      actionsTaken:
        "Trained two new case officers on the dispute policy and French-language service requirements; published our response times on the process page.",
      lessonsLearned:
        "Requests for information paused about one case in seven; asking for dates and office names at intake would shorten reviews.",
      systemicIssues:
        "Transfers between providers are slow when a client moves within the area; several complaints followed a transfer.",
    },
    {
      actionsTaken: "Met the three providers named most often; two now confirm appointments by text message.",
      lessonsLearned:
        "Decisions came faster when the provider’s records were requested on the day the complaint was acknowledged.",
      systemicIssues:
        "Accessible formats (large print, plain language) are requested more often than providers expect; we are drafting shared guidance.",
    },
    {
      actionsTaken: "Added a weekly evening phone line for people who cannot call during business hours.",
      lessonsLearned:
        "Complaints taken by phone were slower to acknowledge; the intake checklist now includes acknowledging during the call.",
      systemicIssues:
        "Youth programs see repeated concerns about how eligibility is explained; we shared anonymized examples with the ministry liaison.",
    },
  ],
  fr: [
    {
      actionsTaken:
        "Nous avons revu chaque plainte non confirmée dans les deux jours ouvrables et ajouté une vérification hebdomadaire des dossiers en attente d’un fournisseur.",
      lessonsLearned:
        "La plupart des plaintes portaient sur des rendez-vous annulés; un appel dans la première semaine en a réglé plusieurs à l’amiable.",
      systemicIssues:
        "L’offre de services en français varie d’un fournisseur à l’autre; nous l’avons signalé à la rencontre trimestrielle des fournisseurs.",
    },
    {
      actionsTaken:
        "Formation de deux nouvelles agentes de dossiers sur la politique de règlement des différends et les services en français.",
      lessonsLearned:
        "Les demandes de renseignements ont suspendu environ un dossier sur sept; demander les dates et le bureau dès l’accueil raccourcirait l’examen.",
      systemicIssues:
        "Les transferts entre fournisseurs sont lents quand une personne déménage dans la région; plusieurs plaintes ont suivi un transfert.",
    },
    {
      actionsTaken:
        "Rencontre avec les fournisseurs les plus souvent visés; deux confirment désormais les rendez-vous par texto.",
      lessonsLearned:
        "Les décisions étaient plus rapides lorsque le dossier du fournisseur était demandé le jour de la confirmation de réception.",
      systemicIssues:
        "Les formats accessibles sont demandés plus souvent que prévu; nous préparons des lignes directrices communes.",
    },
  ],
  amendedAction:
    "A letter received at our satellite office was entered late; mail is now logged on the day it arrives.",
  amendmentReason: (received, recorded) =>
    `A complaint received by mail on ${received} was recorded on ${recorded}, after our first submission. This version counts it.`,
};
