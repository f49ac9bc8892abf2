import type { ReactNode } from "react";
import type { ClockRow } from "./clock-table";
import { timeLeftLabel } from "./clock-table";
import type { DueStep } from "../domain/queue-due-step";
import { useLanguage, useT } from "../hooks/use-translation";
import type { Translate } from "../i18n";
import { formatDateTime } from "../utils/format-date";

/** "decision, level 2", in the reader's words: never the clock's code. The queue says the same. */
export function dueStepText(t: Translate, step: Pick<DueStep, "kind" | "level">): string {
  return step.kind === "decision" ? t("queue.step.decision", { level: step.level }) : t(`queue.step.${step.kind}`);
}

/**
 * The banner at the top of the staff case page (#19): which step is due, by when, and who holds
 * the case; the one-click steps that answer it (take, acknowledge) sit in it.
 */
export function CaseNextStep({
  step,
  clocks,
  status,
  holder,
  timeZone,
  acknowledgementAwaitsServer = false,
  children,
}: {
  step: DueStep | null;
  clocks: ClockRow[];
  status: string;
  holder: string | null;
  timeZone: string;
  /** Acknowledged, the email not yet accepted by the mail server: why the step is still due. */
  acknowledgementAwaitsServer?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  const reading = step
    ? clocks.find((c) => c.kind === step.kind && c.level === step.level && c.dueAt === step.dueAt)
    : null;
  let what: ReactNode;
  if (step) {
    what = (
      <>
        {t("case.next.due", { step: dueStepText(t, step) })}{" "}
        <time dateTime={step.dueAt} suppressHydrationWarning>
          {formatDateTime(step.dueAt, language, timeZone)}
        </time>
        {reading ? <> ({timeLeftLabel(t, reading)})</> : null}
      </>
    );
  } else what = status === "waiting_for_filer" ? null : t("case.next.none");
  return (
    <section
      aria-labelledby="next-step-title"
      className={reading?.overdue ? "next-step next-step--overdue" : "next-step"}
      data-testid="next-step"
    >
      <h2 id="next-step-title">{t("case.next.title")}</h2>
      <p className="next-step__what">{what}</p>
      {/* The first response may still be owed while the decision clock waits for the person. */}
      {status === "waiting_for_filer" ? <p className="next-step__who">{t("case.next.waiting")}</p> : null}
      {acknowledgementAwaitsServer && step?.kind === "acknowledge" ? (
        <p className="next-step__who">{t("case.next.ackAwaitsServer")}</p>
      ) : null}
      <p className="next-step__who">{holder ? t("case.next.heldBy", { name: holder }) : t("case.next.nobody")}</p>
      {children ? <div className="next-step__actions">{children}</div> : null}
    </section>
  );
}
