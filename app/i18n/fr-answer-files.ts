import type { enAnswerFiles } from "./en-answer-files";

// Les fichiers joints à la réponse d’un fournisseur (dossier 17) : mêmes clés que en-answer-files.ts.
export const frAnswerFiles: Record<keyof typeof enAnswerFiles, string> = {
  "respond.files.label": "Fichiers joints à votre réponse (facultatif)",
  "respond.files.hint":
    "Jusqu’à {n} fichiers : PDF, images ou documents Office, 10 Mo au plus chacun. Le personnel du GSS les voit; la personne qui a porté plainte les voit avec votre réponse.",
  "respond.files.yours": "Fichiers joints à votre réponse",
  "error.tooManyFiles":
    "Trop de fichiers pour une seule réponse : n’en choisissez pas plus que le nombre indiqué sous le libellé du champ.",
  "process.provider.files":
    "Sa réponse peut être accompagnée de fichiers, que vous pouvez ouvrir avec elle. Les fichiers que vous nous envoyez ne sont jamais montrés au fournisseur.",
  "process.provider.files.checked":
    "Sa réponse peut être accompagnée de fichiers. Le GSS lit d’abord la réponse et ses fichiers, puis vous pouvez les ouvrir avec elle. Les fichiers que vous nous envoyez ne sont jamais montrés au fournisseur.",
};
