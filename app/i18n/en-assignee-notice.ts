// Issue #20's notice to the assigned officer of a filer's message, kept apart so en.ts stays one job
// per block; spread into en.ts, so they are MessageKeys like every other. fr-assignee-notice.ts: same keys.
export const enAssigneeNotice = {
  "email.newMessage.subject": "New message on case {reference}",
  "email.newMessage.onPortal": "The person wrote a new message on case {reference}, which is assigned to you.",
  "email.newMessage.byEmail": "The person replied by email on case {reference}, which is assigned to you.",
  "email.newMessage.afterClose":
    "The case is closed or decided: the message heads the queue until someone marks it read.",
} as const;
