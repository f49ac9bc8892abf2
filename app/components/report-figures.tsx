import {
  categoryLabel,
  clockLabel,
  figureLabel,
  flattenShown,
  hiddenFigures,
  shownBreakdown,
  type BreakdownPath,
} from "../domain/report-labels";
import type { ShownCount, ShownFigures } from "../domain/report-suppression";
import { useLanguage, useT } from "../hooks/use-translation";
import { labelText, type MessageKey } from "../i18n";
import { formatCount, formatDays, formatMean, formatShare } from "../utils/format-figures";
import { DataTable } from "./data-table";

export interface ReportFiguresProps {
  /** Suppressed for the ministry, or asShown(...) for the SSM's own staff. */
  figures: ShownFigures;
  /** The suppression threshold: a "small" count reads "<threshold". */
  threshold: number;
  headingLevel?: 2 | 3;
}

/** The header of each breakdown's first column. */
const ROW_HEADER: Record<BreakdownPath, MessageKey> = {
  "received.byKind": "report.col.kind",
  "received.byChannel": "report.col.channel",
  "received.byProgram": "report.col.program",
  "received.byCategory": "report.col.category",
  "received.byProvider": "report.col.provider",
  "received.byGroup": "report.col.group",
  "decided.byLevel": "report.col.level",
  "decided.byOutcome": "report.col.outcome",
  "escalations.byLevel": "report.col.levelReached",
  "escalations.byCause": "report.col.cause",
  "recourse.byOutcome": "report.col.outcome",
  "providerStage.byReason": "report.col.reason",
};

const SURVEY_QUESTIONS = [
  { field: "clear", label: "survey.clear.short" },
  { field: "fair", label: "survey.fair.short" },
  { field: "timely", label: "survey.timely.short" },
] as const;

/**
 * A quarter's figures in plain language, one section per part of the report, every figure in a
 * table. A suppressed count never shows as a number: only "<5" or "hidden".
 */
export function ReportFigures({ figures: f, threshold, headingLevel = 2 }: ReportFiguresProps) {
  const t = useT();
  const language = useLanguage();
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const count = (c: ShownCount) => formatCount(c, threshold, language);
  const anySuppressed = flattenShown(f).some((c) => c.value === "small" || c.value === "hidden");
  const hidden = hiddenFigures(f);

  const breakdown = (path: BreakdownPath, total?: ShownCount) => {
    const caption = t(`report.figure.${path}`);
    const rows = shownBreakdown(f, path);
    if (rows.length === 0) return <NoneThisQuarter caption={caption} testId={`table-${path}`} />;
    return (
      <DataTable
        caption={caption}
        testId={`table-${path}`}
        rows={rows}
        rowKey={(row) => row.key}
        columns={[
          {
            id: "category",
            header: t(ROW_HEADER[path]),
            rowHeader: true,
            cell: (row) => labelText(t, categoryLabel(path, row.key, row.label?.[language])),
          },
          { id: "count", header: t("report.col.count"), numeric: true, cell: (row) => count(row.count) },
        ]}
        foot={
          total === undefined ? null : (
            <tr>
              <th scope="row">{t("report.total")}</th>
              <td className="num">{count(total)}</td>
            </tr>
          )
        }
      />
    );
  };

  return (
    <div className="report-figures">
      <section>
        <Heading>{t("report.section.received")}</Heading>
        <dl className="summary-list">
          <dt>{t("report.figure.received.total")}</dt>
          <dd data-testid="figure-received-total">{count(f.received.total)}</dd>
        </dl>
        {breakdown("received.byKind", f.received.total)}
        {anySuppressed ? (
          <p className="hint" data-testid="suppression-note">
            {t("report.suppression.note", { threshold, max: threshold - 1, hidden: t("figures.hidden") })}
          </p>
        ) : null}
        {breakdown("received.byChannel", f.received.total)}
        {breakdown("received.byProgram", f.received.total)}
        {breakdown("received.byCategory", f.received.total)}
        {breakdown("received.byProvider", f.received.total)}
        {breakdown("received.byGroup")}
        {f.received.byGroup.length > 0 ? <p className="hint">{t("report.groups.note")}</p> : null}
      </section>

      <section>
        <Heading>{t("report.section.referredWithdrawn")}</Heading>
        <dl className="summary-list">
          <dt>{t("report.figure.referredOut")}</dt>
          <dd data-testid="figure-referred-out">{count(f.referredOut)}</dd>
          <dt>{t("report.figure.withdrawn")}</dt>
          <dd data-testid="figure-withdrawn">{count(f.withdrawn)}</dd>
          <dt>{t("report.figure.extensions")}</dt>
          <dd data-testid="figure-extensions">{count(f.extensions)}</dd>
        </dl>
        <p className="hint">{t("report.referredOut.hint")}</p>
      </section>

      <section>
        <Heading>{t("report.section.providerStage")}</Heading>
        <dl className="summary-list">
          <dt>{t("report.figure.providerStage.referred")}</dt>
          <dd data-testid="figure-provider-referred">{count(f.providerStage.referred)}</dd>
          <dt>{t("report.figure.providerStage.resolved")}</dt>
          <dd data-testid="figure-provider-resolved">{count(f.providerStage.resolved)}</dd>
          <dt>{t("report.figure.providerStage.movedOn.total")}</dt>
          <dd data-testid="figure-provider-moved-on">{count(f.providerStage.movedOn.total)}</dd>
        </dl>
        <p className="hint">{t("report.providerStage.hint")}</p>
        {breakdown("providerStage.byReason", f.providerStage.movedOn.total)}
      </section>

      <section>
        <Heading>{t("report.section.decisions")}</Heading>
        <dl className="summary-list">
          <dt>{t("report.figure.decided.total")}</dt>
          <dd data-testid="figure-decided-total">{count(f.decided.total)}</dd>
          <dt>{t("report.figure.openAtEnd")}</dt>
          <dd data-testid="figure-open-at-end">{count(f.openAtEnd)}</dd>
          <dt>{t("report.figure.carriedOver")}</dt>
          <dd data-testid="figure-carried-over">{count(f.carriedOver)}</dd>
        </dl>
        <p className="hint">{t("report.decisions.hint")}</p>
        {breakdown("decided.byLevel", f.decided.total)}
        {breakdown("decided.byOutcome", f.decided.total)}
      </section>

      <section>
        <Heading>{t("report.section.deadlines")}</Heading>
        {f.clocks.length === 0 ? (
          <NoneThisQuarter caption={t("report.figure.clocks")} testId="table-clocks" />
        ) : (
          <DataTable
            caption={t("report.figure.clocks")}
            testId="table-clocks"
            rows={f.clocks}
            rowKey={(c) => `${c.kind}-${c.level}`}
            columns={[
              {
                id: "clock",
                header: t("report.col.clock"),
                rowHeader: true,
                cell: (c) => labelText(t, clockLabel(c.kind, c.level)),
              },
              { id: "ended", header: t("report.col.ended"), numeric: true, cell: (c) => count(c.ended) },
              {
                id: "onTime",
                header: t("report.col.onTimeShare"),
                numeric: true,
                cell: (c) => formatShare(c.onTimeShare, language),
              },
              {
                id: "median",
                header: t("report.col.medianDays"),
                numeric: true,
                cell: (c) => formatDays(c.medianDays, language),
              },
              {
                id: "p90",
                header: t("report.col.p90Days"),
                numeric: true,
                cell: (c) => formatDays(c.p90Days, language),
              },
              {
                id: "paused",
                header: t("report.col.pausedDays"),
                numeric: true,
                cell: (c) => formatDays(c.pausedDays, language),
              },
            ]}
          />
        )}
        <p className="hint">{t("report.clocks.hint")}</p>
      </section>

      <section>
        <Heading>{t("report.section.escalations")}</Heading>
        <dl className="summary-list">
          <dt>{t("report.figure.escalations.total")}</dt>
          <dd data-testid="figure-escalations-total">{count(f.escalations.total)}</dd>
        </dl>
        <p className="hint">{t("report.escalations.hint")}</p>
        {breakdown("escalations.byLevel", f.escalations.total)}
        {breakdown("escalations.byCause", f.escalations.total)}
      </section>

      <section>
        <Heading>{t("report.section.recourse")}</Heading>
        <dl className="summary-list">
          <dt>{t("report.figure.recourse.total")}</dt>
          <dd data-testid="figure-recourse-total">{count(f.recourse.total)}</dd>
        </dl>
        <p className="hint">{t("report.recourse.hint")}</p>
        {breakdown("recourse.byOutcome", f.recourse.total)}
      </section>

      <section>
        <Heading>{t("report.section.satisfaction")}</Heading>
        <dl className="summary-list">
          <dt>{t("report.figure.satisfaction.responses")}</dt>
          <dd data-testid="figure-survey-responses">{count(f.satisfaction.responses)}</dd>
        </dl>
        <DataTable
          caption={t("report.figure.satisfaction.means")}
          testId="table-satisfaction"
          rows={SURVEY_QUESTIONS}
          rowKey={(q) => q.field}
          columns={[
            { id: "question", header: t("report.col.question"), rowHeader: true, cell: (q) => t(q.label) },
            {
              id: "mean",
              header: t("report.col.mean"),
              numeric: true,
              cell: (q) => formatMean(f.satisfaction[q.field], language),
            },
          ]}
        />
        <p className="hint">{t("report.satisfaction.hint")}</p>
      </section>

      {hidden.length > 0 ? (
        <section>
          <Heading>{t("report.hidden.heading")}</Heading>
          <ul data-testid="hidden-reasons">
            {hidden.map((h) => (
              <li key={`${h.path}|${h.key ?? ""}`}>
                {t(`report.hidden.${h.reason}`, {
                  figure: labelText(t, figureLabel(h.path, h.key, h.label?.[language])),
                  threshold,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function NoneThisQuarter({ caption, testId }: { caption: string; testId: string }) {
  const t = useT();
  return (
    <p data-testid={testId}>{t("report.labelWithKey", { figure: caption, category: t("report.noneThisQuarter") })}</p>
  );
}
