// Issue #18, "words a client uses": what a client reads (public pages, the status page, every
// email) has no unexplained "SSM", "upheld", "Level 1", "phase" or "prototype", never calls the
// filer "the person who complained", and explains "Service System Manager" where it first appears.

type Language = "en" | "fr";

const BANNED: Record<Language, { term: RegExp; why: string }[]> = {
  en: [
    { term: /\bSSMs?\b/, why: "an abbreviation a client does not know" },
    { term: /\bupheld\b/i, why: "a lawyer's word" },
    { term: /\blevel[ -]?\d/i, why: "an internal step number" },
    { term: /\bphase\b/i, why: "the rollout's name for a date" },
    { term: /\bprototype\b/i, why: "the rollout's name for a date" },
    { term: /\bthe person who complained\b/i, why: "the filer is “you”" },
  ],
  fr: [
    { term: /\bGSS\b/, why: "une abréviation inconnue du client" },
    { term: /\b(non )?fondée?s?\b/i, why: "un mot de juriste" },
    { term: /\bniveau[ -]?\d/i, why: "un numéro d’étape interne" },
    { term: /\bphase\b/i, why: "le nom d’une étape du déploiement" },
    { term: /\bprototype\b/i, why: "le nom d’une étape du déploiement" },
    { term: /\bla personne qui s.est plainte\b/i, why: "le déposant, c’est « vous »" },
  ],
};

/** The term that must stay, and the words that explain it, to follow it where it first appears. */
export const EXPLAINED: Record<Language, { term: string; explanation: string }> = {
  en: {
    term: "Service System Manager",
    explanation: "Service System Manager, the organization that runs Employment Ontario services in your area",
  },
  fr: {
    term: "gestionnaire de système de services",
    explanation:
      "gestionnaire de système de services, l’organisme qui gère les services d’Emploi Ontario dans votre région",
  },
};

/** Every problem in `text`, each as "term: why", empty when the text reads as a client's. */
export function unexplainedTerms(text: string, language: Language): string[] {
  const problems: string[] = [];
  for (const { term, why } of BANNED[language]) {
    const found = term.exec(text);
    if (found)
      problems.push(`“${found[0]}”: ${why} (…${text.slice(Math.max(0, found.index - 60), found.index + 60)}…)`);
  }
  const { term, explanation } = EXPLAINED[language];
  const lower = text.toLocaleLowerCase(language);
  const first = lower.indexOf(term.toLocaleLowerCase(language));
  if (first !== -1 && lower.indexOf(explanation.toLocaleLowerCase(language)) !== first)
    problems.push(`“${term}” is not explained where it first appears (…${text.slice(first, first + 100)}…)`);
  return problems;
}
