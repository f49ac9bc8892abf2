import type { ClockKind } from "../domain/case-clocks";
import { useLanguage, useT } from "../hooks/use-translation";
import type { Translate } from "../i18n";
import { formatDate, formatDateTime } from "../utils/format-date";
import { DataTable } from "./data-table";

export interface ClockRow {
  kind: ClockKind;
  countsFrom: string;
  level: number;
  state: "running" | "paused" | "met" | "breached" | "stopped";
  dueAt: string;
  metAt: string | null;
  businessDaysLeft: number | null;
  overdue: boolean;
  /** A clock started again later (reopening): this row is the earlier one. */
  earlier?: boolean;
  /** How each pause moved the due time (the pause rule on the process page). */
  pauses?: { pausedAt: string; resumedAt: string; businessDays: number; dueBefore: string; dueAfter: string }[];
  /** Extended by staff and not past its extended due time (issue #17): "extended", never "overdue". */
  extended?: boolean;
  extension?: { extendedAt: string; businessDays: number; reason: string; dueBefore: string; dueAfter: string } | null;
}

function clockName(t: Translate, c: ClockRow): string {
  const name = c.kind === "decision" ? t("clock.decision", { level: c.level }) : t(`clock.${c.kind}`);
  return c.earlier ? t("clock.earlier", { name }) : name;
}

function pauseLabel(t: Translate, p: NonNullable<ClockRow["pauses"]>[number], when: (iso: string) => string): string {
  const values = { from: when(p.pausedAt), to: when(p.resumedAt), before: when(p.dueBefore), after: when(p.dueAfter) };
  if (p.businessDays === 0) return t("clock.pauseMovedNone", values);
  return p.businessDays === 1
    ? t("clock.pauseMovedOne", values)
    : t("clock.pauseMoved", { ...values, n: p.businessDays });
}

export function timeLeftLabel(t: Translate, clock: ClockRow): string {
  const n = clock.businessDaysLeft;
  if (n === null) return "—";
  if (clock.overdue) {
    if (n === 0) return t("clock.overdueToday");
    return Math.abs(n) === 1 ? t("clock.oneDayOverdue") : t("clock.daysOverdue", { n: Math.abs(n) });
  }
  if (n === 0) return t("clock.dueToday");
  return n === 1 ? t("clock.oneDayLeft") : t("clock.daysLeft", { n });
}

/** Every clock of a case: what it is, when it is due, its state and the business days left. */
export function ClockTable({ clocks, timeZone }: { clocks: ClockRow[]; timeZone: string }) {
  const t = useT();
  const language = useLanguage();
  // How each pause moved each deadline, listed under the table (the pause rule on the process page).
  const paused = clocks.filter((c) => c.pauses?.length);
  return (
    <>
      <DataTable
        caption={t("case.deadlines")}
        captionHidden
        scroll={false}
        testId="clocks"
        rows={clocks}
        // A restarted clock is a new row of the history, so the index tells rows apart.
        rowKey={(c, i) => `${c.kind}-${c.level}-${i}`}
        rowClassName={(c) => (c.overdue ? "row--overdue" : undefined)}
        columns={[
          { id: "clock", header: t("clock.col.clock"), rowHeader: true, cell: (c) => clockName(t, c) },
          {
            id: "from",
            header: t("clock.col.from"),
            cell: (c) => (
              <time dateTime={c.countsFrom}>{formatDate(`${c.countsFrom}T12:00:00Z`, language, "UTC")}</time>
            ),
          },
          {
            id: "due",
            header: t("clock.col.due"),
            cell: (c) => (
              <time dateTime={c.dueAt} suppressHydrationWarning>
                {formatDateTime(c.dueAt, language, timeZone)}
              </time>
            ),
          },
          {
            id: "state",
            header: t("clock.col.state"),
            cell: (c) => (
              <>
                {c.extended ? t("clockState.extended") : t(`clockState.${c.state}`)}
                {c.metAt ? <> ({t("clock.metAt", { date: formatDateTime(c.metAt, language, timeZone) })})</> : null}
              </>
            ),
          },
          { id: "left", header: t("clock.col.left"), cell: (c) => timeLeftLabel(t, c) },
        ]}
      />
      {paused.length ? (
        <>
          <p id="clock-pauses-title">{t("clock.pauses.title")}</p>
          <ul className="clock-pauses" aria-labelledby="clock-pauses-title" data-testid="clock-pauses">
            {paused.flatMap((c) =>
              c.pauses!.map((p) => (
                <li key={`${c.kind}-${c.level}-${p.pausedAt}`}>
                  {clockName(t, c)}: {pauseLabel(t, p, (iso) => formatDateTime(iso, language, timeZone))}
                </li>
              )),
            )}
          </ul>
        </>
      ) : null}
      {clocks
        .filter((c) => c.extension)
        .map((c) => (
          <p key={`ext-${c.kind}-${c.level}-${c.extension!.extendedAt}`} data-testid="clock-extension">
            {clockName(t, c)}:{" "}
            {t("clock.extendedBy", {
              n: c.extension!.businessDays,
              date: formatDateTime(c.extension!.extendedAt, language, timeZone),
              before: formatDateTime(c.extension!.dueBefore, language, timeZone),
              reason: c.extension!.reason,
            })}
          </p>
        ))}
      <p className="hint">{t("clock.rules", { zone: timeZone })}</p>
    </>
  );
}
