import type { MessageKey } from "../i18n/en";
import { clockPath, type FigureValue } from "./report-labels";
import type { ShownClockFigures, ShownFigures } from "./report-suppression";

/**
 * The ministry's comparison: one row per SSM, one column per figure. The page's table and the
 * table-shaped CSV both read these columns, so the file opens as the table on screen does, and
 * each column names the long-form CSV's cell it repeats (`path`): the wide CSV can show nothing the
 * long form does not (the attacker test checks every release).
 */
export type ComparisonMeasure = "count" | "share" | "days";

export interface ComparisonColumn {
  id: string;
  header: MessageKey;
  measure: ComparisonMeasure;
  /** Medians cannot be added up: Ontario's would need every case, so its row says "per SSM only". */
  perSsmOnly?: true;
  /** The figure and its long-form path; null where the report has no such row (a clock nobody ran). */
  cell: (f: ShownFigures) => { path: string; value: FigureValue } | null;
}

const single =
  (path: string, get: (f: ShownFigures) => FigureValue) =>
  (f: ShownFigures): { path: string; value: FigureValue } => ({ path, value: get(f) });

const clock =
  (find: (c: ShownClockFigures) => boolean, measure: "onTimeShare" | "medianDays") =>
  (f: ShownFigures): { path: string; value: FigureValue } | null => {
    const c = f.clocks.find(find);
    return c ? { path: clockPath(c, measure), value: c[measure] } : null;
  };

const acknowledge = (c: ShownClockFigures) => c.kind === "acknowledge";
const decisionLevel1 = (c: ShownClockFigures) => c.kind === "decision" && c.level === 1;
const providerAnswer = (c: ShownClockFigures) => c.kind === "provider_response";

export const COMPARISON_COLUMNS: readonly ComparisonColumn[] = [
  {
    id: "received",
    header: "reports.col.received",
    measure: "count",
    cell: single("received.total", (f) => f.received.total),
  },
  {
    id: "decided",
    header: "reports.col.decided",
    measure: "count",
    cell: single("decided.total", (f) => f.decided.total),
  },
  { id: "open", header: "reports.col.open", measure: "count", cell: single("openAtEnd", (f) => f.openAtEnd) },
  { id: "ackOnTime", header: "reports.col.ackOnTime", measure: "share", cell: clock(acknowledge, "onTimeShare") },
  {
    id: "decisionOnTime",
    header: "reports.col.decisionOnTime",
    measure: "share",
    cell: clock(decisionLevel1, "onTimeShare"),
  },
  {
    id: "medianDecide",
    header: "reports.col.medianDecide",
    measure: "days",
    perSsmOnly: true,
    cell: clock(decisionLevel1, "medianDays"),
  },
  {
    id: "providerReferred",
    header: "reports.col.providerReferred",
    measure: "count",
    cell: single("providerStage.referred", (f) => f.providerStage.referred),
  },
  {
    id: "providerResolved",
    header: "reports.col.providerResolved",
    measure: "count",
    cell: single("providerStage.resolved", (f) => f.providerStage.resolved),
  },
  {
    id: "providerOnTime",
    header: "reports.col.providerOnTime",
    measure: "share",
    cell: clock(providerAnswer, "onTimeShare"),
  },
  {
    id: "escalations",
    header: "reports.col.escalations",
    measure: "count",
    cell: single("escalations.total", (f) => f.escalations.total),
  },
  {
    id: "recourse",
    header: "reports.col.recourse",
    measure: "count",
    cell: single("recourse.total", (f) => f.recourse.total),
  },
  {
    id: "survey",
    header: "reports.col.survey",
    measure: "count",
    cell: single("satisfaction.responses", (f) => f.satisfaction.responses),
  },
];
