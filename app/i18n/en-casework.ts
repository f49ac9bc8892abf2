// The staff case page as a conversation and the queue that says what's next (issue #19), in
// English. Spread into en.ts; fr-casework.ts has the same keys.
export const enCasework = {
  "queue.show.label": "Which cases",
  "queue.show.open": "Open cases",
  "queue.show.closed": "Closed cases",
  "queue.show.all": "All cases",
  "queue.step.acknowledge": "acknowledgement",
  "queue.step.first_response": "first response",
  "queue.step.decision": "decision, level {level}",
  "queue.step.provider_response": "provider's answer",
  "queue.step.client_review": "person's review of the answer",
} as const;
