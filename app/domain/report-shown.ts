import { onTimeShare, type Count, type QuarterFigures } from "./report-figures";
import type { ShownCountRow, ShownFigures } from "./report-suppression";

/**
 * An SSM's own figures in the shape the ministry's suppressed ones take, with nothing suppressed:
 * the SSM's staff may see every count of their own area, and one component renders both.
 */
export function asShown(f: QuarterFigures): ShownFigures {
  const rows = (counts: readonly Count[]): ShownCountRow[] =>
    counts.map((c) => ({ key: c.key, count: c.count, ...(c.label ? { label: c.label } : {}) }));
  return {
    areaSlug: f.areaSlug,
    quarter: f.quarter,
    computedAt: f.computedAt,
    received: {
      total: f.received.total,
      byKind: rows(f.received.byKind),
      byChannel: rows(f.received.byChannel),
      byProgram: rows(f.received.byProgram),
      byCategory: rows(f.received.byCategory),
      byProvider: rows(f.received.byProvider),
      byGroup: rows(f.received.byGroup),
    },
    referredOut: f.referredOut,
    withdrawn: f.withdrawn,
    extensions: f.extensions ?? 0,
    providerStage: {
      referred: f.providerStage?.referred ?? 0,
      resolved: f.providerStage?.resolved ?? 0,
      movedOn: { total: f.providerStage?.movedOn.total ?? 0, byReason: rows(f.providerStage?.movedOn.byReason ?? []) },
    },
    decided: { total: f.decided.total, byLevel: rows(f.decided.byLevel), byOutcome: rows(f.decided.byOutcome) },
    openAtEnd: f.openAtEnd,
    carriedOver: f.carriedOver,
    clocks: f.clocks.map((c) => ({
      kind: c.kind,
      level: c.level,
      ended: c.ended,
      onTimeShare: onTimeShare(c),
      medianDays: c.medianDays,
      p90Days: c.p90Days,
      pausedDays: c.pausedDays,
    })),
    escalations: {
      total: f.escalations.total,
      byLevel: rows(f.escalations.byLevel),
      byCause: rows(f.escalations.byCause),
    },
    recourse: { total: f.recourse.total, byOutcome: rows(f.recourse.byOutcome) },
    satisfaction: { ...f.satisfaction },
  };
}

/**
 * A stored release as shown now: figures counted after it was stored (extensions, the provider
 * stage) read as 0, as they do in reports frozen before they were counted.
 */
export function storedShown(f: ShownFigures): ShownFigures {
  return {
    ...f,
    extensions: f.extensions ?? 0,
    providerStage: f.providerStage ?? { referred: 0, resolved: 0, movedOn: { total: 0, byReason: [] } },
  };
}
