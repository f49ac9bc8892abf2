/**
 * How long each kind of text may be, declared once: the zod schemas refuse anything longer
 * ("error.tooLong") and the form inputs' maxLength stops typing at the same point, so a person is
 * never let type what the server will then refuse.
 */
export const TEXT_LIMITS = {
  /** A complaint's or dispute's description, a reply, a question, a note, a filer's added information or recourse reasons. */
  message: 5000,
  /** What the filer wants as an outcome; a reason to escalate or reopen; a panel's make-up; an amendment. */
  reason: 2000,
  /** A reason to resume a paused clock; accommodation details. */
  shortReason: 1000,
  /** A decision's reasons, and each section of a quarterly report's narrative. */
  longText: 10_000,
  /** A person's or an organization's name. */
  name: 200,
  /** The longest address SMTP carries (RFC 5321). */
  email: 254,
  phone: 25,
  /** A postal address, or where to come in person. */
  address: 500,
  /** A satisfaction survey's comment. */
  surveyComment: 2000,
} as const;
