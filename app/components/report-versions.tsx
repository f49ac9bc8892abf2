import { Link } from "@remix-run/react";
import type { Narrative } from "../domain/vocabulary";
import { figureLabel } from "../domain/report-labels";
import { useLanguage, useT } from "../hooks/use-translation";
import { labelText } from "../i18n";
import { formatDateTime } from "../utils/format-date";
import { formatFigureValue } from "../utils/format-figures";
import { DataTable } from "./data-table";

interface Change {
  path: string;
  key: string | null;
  /** Undefined: the row is not in that version (a provider or category new to it). */
  before: number | string | null | undefined;
  after: number | string | null | undefined;
  label?: { en: string; fr: string };
}

export interface VersionSummary {
  version: number;
  submittedAt: string;
  amendmentReason: string | null;
  submittedBy?: string;
  changes?: Change[];
}

/** The manager's three narrative sections (and, for an amendment, why it was made). */
export function ReportNarrative({
  narrative,
  amendmentReason,
  headingLevel = 2,
}: {
  narrative: Narrative;
  amendmentReason: string | null;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const Sub = headingLevel === 3 ? "h4" : "h3";
  return (
    <section aria-labelledby="narrative-read-heading" className="report-narrative">
      <Heading id="narrative-read-heading">{t("reports.narrative.heading")}</Heading>
      {amendmentReason ? (
        <>
          <Sub>{t("reports.form.amendmentReason")}</Sub>
          <p className="preserve-lines">{amendmentReason}</p>
        </>
      ) : null}
      <Sub>{t("reports.form.actionsTaken")}</Sub>
      <p className="preserve-lines">{narrative.actionsTaken || t("reports.narrative.empty")}</p>
      <Sub>{t("reports.form.lessonsLearned")}</Sub>
      <p className="preserve-lines">{narrative.lessonsLearned || t("reports.narrative.empty")}</p>
      <Sub>{t("reports.form.systemicIssues")}</Sub>
      <p className="preserve-lines">{narrative.systemicIssues || t("reports.narrative.empty")}</p>
    </section>
  );
}

/** Every submitted version, newest first, with the reason for each amendment and what it changed. */
export function ReportVersionList(props: {
  area: string;
  quarter: string;
  versions: VersionSummary[];
  selected: number | null;
  threshold?: number;
}) {
  const t = useT();
  const language = useLanguage();
  if (props.versions.length === 0) return null;
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t("reports.versions.heading")}</h2>
      <ol className="version-list" reversed>
        {[...props.versions].reverse().map((v) => (
          <li key={v.version} data-testid={`version-${v.version}`}>
            <p>
              {props.selected === v.version ? (
                <strong aria-current="page">{t("reports.versions.label", { version: v.version })}</strong>
              ) : (
                <Link to={`/reports/${props.area}/${props.quarter}?version=${v.version}`}>
                  {t("reports.versions.label", { version: v.version })}
                </Link>
              )}
              {" — "}
              {v.submittedBy
                ? t("reports.versions.submittedBy", {
                    date: formatDateTime(v.submittedAt, language),
                    name: v.submittedBy,
                  })
                : t("reports.versions.submitted", { date: formatDateTime(v.submittedAt, language) })}
            </p>
            {v.amendmentReason ? (
              <p className="preserve-lines">{t("reports.versions.reason", { reason: v.amendmentReason })}</p>
            ) : null}
            {v.changes ? <ChangeList changes={v.changes} threshold={props.threshold ?? 5} version={v.version} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ChangeList({ changes, threshold, version }: { changes: Change[]; threshold: number; version: number }) {
  const t = useT();
  const language = useLanguage();
  if (version === 1) return null;
  if (changes.length === 0) return <p>{t("reports.versions.noChange")}</p>;
  return (
    <DataTable
      caption={t("reports.versions.changes", { version, previous: version - 1 })}
      rows={changes}
      rowKey={(c) => `${c.path}|${c.key ?? ""}`}
      columns={[
        {
          id: "figure",
          header: t("reports.versions.col.figure"),
          rowHeader: true,
          cell: (c) => labelText(t, figureLabel(c.path, c.key, c.label?.[language])),
        },
        {
          id: "before",
          header: t("reports.versions.col.before"),
          numeric: true,
          cell: (c) => (c.before === undefined ? "—" : formatFigureValue(c.path, c.before, threshold, language)),
        },
        {
          id: "after",
          header: t("reports.versions.col.after"),
          numeric: true,
          cell: (c) => (c.after === undefined ? "—" : formatFigureValue(c.path, c.after, threshold, language)),
        },
      ]}
    />
  );
}
