import type { enAssigneeNotice } from "./en-assignee-notice";

// L’avis à l’agent responsable d’un message de la personne (dossier 20) : mêmes clés qu’en-assignee-notice.ts.
export const frAssigneeNotice: Record<keyof typeof enAssigneeNotice, string> = {
  "email.newMessage.subject": "Nouveau message dans le dossier {reference}",
  "email.newMessage.onPortal":
    "La personne a écrit un nouveau message dans le dossier {reference}, qui vous est attribué.",
  "email.newMessage.byEmail": "La personne a répondu par courriel dans le dossier {reference}, qui vous est attribué.",
  "email.newMessage.afterClose":
    "Le dossier est fermé ou tranché : le message reste en tête de la file jusqu’à ce que quelqu’un le marque comme lu.",
};
