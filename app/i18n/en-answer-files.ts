// Issue #17's files on a provider's answer, kept apart so en.ts stays one job per block; spread into
// en.ts, so they are MessageKeys like every other. fr-answer-files.ts: same keys.
export const enAnswerFiles = {
  "respond.files.label": "Files for your answer (optional)",
  "respond.files.hint":
    "Up to {n} files: PDFs, pictures or Office documents, up to 10 MB each. SSM staff see them; the person who complained sees them with your answer.",
  "respond.files.yours": "Files sent with your answer",
  "error.tooManyFiles": "Too many files for one answer: choose no more than the number given under the field's label.",
  "process.provider.files":
    "Their answer may come with files, which you can open with it. The files you send us are never shown to the provider.",
  "process.provider.files.checked":
    "Their answer may come with files. The SSM reads the answer and its files first, then you can open them with it. The files you send us are never shown to the provider.",
} as const;
