import type { enSurveyReview } from "./en-survey-review";

// « Terminé » sur les tâches d’examen des sondages (dossier 20) : mêmes clés qu’en-survey-review.ts.
export const frSurveyReview: Record<keyof typeof enSurveyReview, string> = {
  "queue.surveyReviews.done": "Marquer comme terminé",
  "queue.surveyReviews.doneLabel": "Marquer comme terminé : {quarter}, équité {fair}, délais {timely}",
  "queue.surveyReviews.doneNotice": "L’examen est marqué comme terminé.",
};
