import type { enCasework } from "./en-casework";

// Le dossier vu comme une conversation et la file qui dit quoi faire ensuite (issue #19).
export const frCasework: Record<keyof typeof enCasework, string> = {
  "queue.show.label": "Quels dossiers",
  "queue.show.open": "Dossiers ouverts",
  "queue.show.closed": "Dossiers fermés",
  "queue.show.all": "Tous les dossiers",
  "queue.step.acknowledge": "accusé de réception",
  "queue.step.first_response": "première réponse",
  "queue.step.decision": "décision, niveau {level}",
  "queue.step.provider_response": "réponse du fournisseur",
  "queue.step.client_review": "examen de la réponse par la personne",
};
