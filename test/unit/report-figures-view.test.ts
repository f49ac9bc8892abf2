import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
// The router Remix itself runs on: useT reads the language from the root route's loader data.
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import type { Language } from "../../db/schema";
import { ReportFigures } from "../../app/components/report-figures";
import type { QuarterFigures } from "../../app/domain/report-figures";
import { categoryLabel, figureChanges, figureLabel, flattenShown } from "../../app/domain/report-labels";
import { asShown } from "../../app/domain/report-shown";
import type { ShownFigures } from "../../app/domain/report-suppression";
import { labelText, translator } from "../../app/i18n";
import { formatDays, formatShare } from "../../app/utils/format-figures";

const figures: QuarterFigures = {
  areaSlug: "hamilton",
  quarter: "2026-Q3",
  computedAt: "2026-12-31T12:00:00.000Z",
  received: {
    total: 40,
    byKind: [
      { key: "client_complaint", count: 31 },
      { key: "provider_dispute", count: 9 },
    ],
    byChannel: [
      { key: "phone", count: 12 },
      { key: "web", count: 28 },
    ],
    byProgram: [
      { key: "employment_service", count: 30 },
      { key: "future_program", count: 7 },
      { key: "none", count: 3 },
    ],
    byCategory: [
      { key: "none", count: 31 },
      { key: "targets", count: 9 },
    ],
    byProvider: [
      { key: "17", count: 25, label: { en: "Hamilton Jobs", fr: "Emplois Hamilton" } },
      { key: "none", count: 15 },
    ],
    byGroup: [{ key: "francophone", count: 6 }],
  },
  referredOut: 6,
  withdrawn: 2,
  decided: {
    total: 20,
    byLevel: [
      { key: "1", count: 14 },
      { key: "2", count: 6 },
    ],
    byOutcome: [
      { key: "not_upheld", count: 12 },
      { key: "upheld", count: 8 },
    ],
  },
  openAtEnd: 17,
  carriedOver: 11,
  clocks: [
    { kind: "acknowledge", level: 1, ended: 40, onTime: 36, medianDays: 1, p90Days: 2, pausedDays: 0 },
    { kind: "decision", level: 1, ended: 14, onTime: 7, medianDays: 12, p90Days: 19, pausedDays: 5 },
  ],
  escalations: { total: 0, byLevel: [], byCause: [] },
  recourse: {
    total: 9,
    byOutcome: [
      { key: "pending", count: 6 },
      { key: "upheld", count: 3 },
    ],
  },
  satisfaction: { responses: 8, clear: 4.25, fair: 3.5, timely: null },
};

/** The ministry's view of the same quarter: "small" and "hidden" counts, measures withheld. */
function suppressed(): ShownFigures {
  const f = asShown(figures);
  return {
    ...f,
    received: {
      ...f.received,
      byKind: [
        { key: "client_complaint", count: 31 },
        { key: "provider_dispute", count: 9 },
      ],
      byChannel: [
        { key: "phone", count: "hidden" },
        { key: "web", count: 28 },
        { key: "mail", count: "small" },
      ],
    },
    withdrawn: "small",
    decided: {
      ...f.decided,
      byLevel: [
        { key: "1", count: "hidden" },
        { key: "2", count: "small" },
      ],
    },
    recourse: {
      total: "hidden",
      byOutcome: [
        { key: "pending", count: "hidden" },
        { key: "upheld", count: "small" },
      ],
    },
    clocks: [
      {
        kind: "decision",
        level: 2,
        ended: "small",
        onTimeShare: null,
        medianDays: null,
        p90Days: null,
        pausedDays: null,
      },
    ],
  };
}

async function render(shown: ShownFigures, language: Language, headingLevel?: 2 | 3): Promise<string> {
  const handler = createStaticHandler([
    {
      id: "root",
      path: "/",
      loader: () => ({ language }),
      element: createElement(ReportFigures, { figures: shown, threshold: 5, headingLevel }),
    },
  ]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("The test route answered with a response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(createElement(StaticRouterProvider, { router, context, hydrate: false }));
}

/** The markup of the element carrying data-testid. */
function byTestId(html: string, id: string): string {
  const at = html.indexOf(`data-testid="${id}"`);
  expect(at, id).toBeGreaterThan(-1);
  const open = html.lastIndexOf("<", at);
  const tag = /^<(\w+)/.exec(html.slice(open))![1]!;
  return html.slice(open, html.indexOf(`</${tag}>`, at) + tag.length + 3);
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

describe("asShown", () => {
  it("shows every count as it is, with the on-time share worked out", () => {
    const shown = asShown(figures);
    expect(shown.received.total).toBe(40);
    expect(shown.received.byProvider[0]).toEqual({
      key: "17",
      count: 25,
      label: { en: "Hamilton Jobs", fr: "Emplois Hamilton" },
    });
    expect(shown.received.byProvider[1]).toEqual({ key: "none", count: 15 });
    expect(shown.clocks).toEqual([
      { kind: "acknowledge", level: 1, ended: 40, onTimeShare: 0.9, medianDays: 1, p90Days: 2, pausedDays: 0 },
      { kind: "decision", level: 1, ended: 14, onTimeShare: 0.5, medianDays: 12, p90Days: 19, pausedDays: 5 },
    ]);
    expect(shown.satisfaction).toEqual(figures.satisfaction);
  });

  it("has no on-time share when no clock ended", () => {
    const shown = asShown({
      ...figures,
      clocks: [{ kind: "decision", level: 3, ended: 0, onTime: 0, medianDays: null, p90Days: null, pausedDays: 0 }],
    });
    expect(shown.clocks[0]!.onTimeShare).toBeNull();
  });
});

describe("ReportFigures", () => {
  it("renders the headline figures under stable test ids", async () => {
    const html = await render(asShown(figures), "en");
    expect(textOf(byTestId(html, "figure-received-total"))).toBe("40");
    expect(textOf(byTestId(html, "figure-decided-total"))).toBe("20");
    expect(textOf(byTestId(html, "figure-open-at-end"))).toBe("17");
  });

  it("shows the provider stage: referred, resolved there, moved on by why, and the provider's answer clock", async () => {
    const withStage: QuarterFigures = {
      ...figures,
      providerStage: {
        referred: 12,
        resolved: 7,
        movedOn: {
          total: 4,
          byReason: [
            { key: "client_no_reply", count: 0 },
            { key: "client_not_satisfied", count: 2 },
            { key: "provider_late", count: 1 },
            { key: "staff_stepped_in", count: 1 },
          ],
        },
      },
      clocks: [
        ...figures.clocks,
        { kind: "provider_response", level: 1, ended: 10, onTime: 8, met: 9, medianDays: 6, p90Days: 9, pausedDays: 0 },
      ],
    };
    const html = await render(asShown(withStage), "en");
    expect(textOf(byTestId(html, "figure-provider-referred"))).toBe("12");
    expect(textOf(byTestId(html, "figure-provider-resolved"))).toBe("7");
    expect(textOf(byTestId(html, "figure-provider-moved-on"))).toBe("4");
    const byReason = byTestId(html, "table-providerStage.byReason");
    expect(byReason).toContain('<th scope="row">SSM staff stepped in</th><td class="num">1</td>');
    expect(byReason).toContain('<tfoot><tr><th scope="row">Total</th><td class="num">4</td></tr></tfoot>');
    expect(byTestId(html, "table-clocks")).toContain("Service provider&#x27;s answer");
    const fr = await render(asShown(withStage), "fr");
    expect(fr).toContain("Réglées avec le fournisseur de services");
  });

  it("puts every breakdown in a captioned data table, its total in the footer", async () => {
    const html = await render(asShown(figures), "en");
    const byChannel = byTestId(html, "table-received.byChannel");
    expect(byChannel).toMatch(/^<table class="data-table"/);
    expect(byChannel).toContain("<caption");
    expect(byChannel).toContain('<th scope="col">Channel</th>');
    expect(byChannel).toContain('<th scope="row">Web form</th><td class="num">28</td>');
    expect(byChannel).toContain('<tfoot><tr><th scope="row">Total</th><td class="num">40</td></tr></tfoot>');
    expect(byTestId(html, "table-decided.byLevel")).toContain(
      '<tfoot><tr><th scope="row">Total</th><td class="num">20</td></tr></tfoot>',
    );
    expect(byTestId(html, "table-recourse.byOutcome")).toContain(
      '<tfoot><tr><th scope="row">Total</th><td class="num">9</td></tr></tfoot>',
    );
    // People may name several groups or none: no total to add up to.
    expect(byTestId(html, "table-received.byGroup")).not.toContain("<tfoot>");
    expect(html).toContain("may choose several groups");
  });

  it("names rows in plain language, and falls back to the code for one it does not know", async () => {
    const text = textOf(await render(asShown(figures), "en"));
    expect(text).toContain("Hamilton Jobs 25");
    expect(text).toContain("No provider named 15");
    expect(text).toContain("No program named 3");
    expect(text).toContain("future_program 7");
    expect(text).toContain("Employment Service 30");
    expect(text).toContain("Francophones 6");
    expect(text).toContain("Level 2 6");
    expect(text).toContain("Not decided yet at the end of the quarter 6");
  });

  it("shows the deadlines table with one row per clock", async () => {
    const table = byTestId(await render(asShown(figures), "en"), "table-clocks");
    expect(table).toContain('<th scope="col" class="num">Share on time</th>');
    const days = (n: number) => formatDays(n, "en");
    expect(textOf(table)).toContain(`Acknowledge 40 ${formatShare(0.9, "en")} ${days(1)} ${days(2)} ${days(0)}`);
    expect(textOf(table)).toContain(
      `Decision, level 1 14 ${formatShare(0.5, "en")} ${days(12)} ${days(19)} ${days(5)}`,
    );
  });

  it("says none this quarter for an empty breakdown", async () => {
    const html = await render(asShown(figures), "en");
    expect(textOf(byTestId(html, "table-escalations.byLevel"))).toBe("Escalations by level reached: None this quarter");
    expect(html).not.toContain('data-testid="table-escalations.byCause" class="data-table"');
  });

  it("never shows a number for a suppressed count", async () => {
    const html = await render(suppressed(), "en");
    const byChannel = byTestId(html, "table-received.byChannel");
    expect(byChannel).toContain('<th scope="row">Phone</th><td class="num">hidden</td>');
    expect(byChannel).toContain('<th scope="row">Mail</th><td class="num">&lt;5</td>');
    expect(textOf(byTestId(html, "figure-withdrawn"))).toBe("<5");
    expect(textOf(byTestId(html, "figure-recourse-total"))).toBe("hidden");
    expect(byTestId(html, "table-recourse.byOutcome")).toContain(
      '<tfoot><tr><th scope="row">Total</th><td class="num">hidden</td></tr></tfoot>',
    );
    expect(textOf(byTestId(html, "table-clocks"))).toContain("Decision, level 2 <5 too few to show");
    // The real values behind them (12 by phone, 2 withdrawn, 14 and 6 decided by level) do not leak.
    expect(textOf(byTestId(html, "table-decided.byLevel"))).not.toMatch(/\b(14|6)\b/);
    expect(textOf(byChannel)).not.toMatch(/\b12\b/);
  });

  it("explains <5 and hidden under the first table, only when something is suppressed", async () => {
    const html = await render(suppressed(), "en");
    const note = textOf(byTestId(html, "suppression-note"));
    expect(note).toContain("“<5” means a count from 0 to 4");
    expect(note).toContain(
      "“hidden” means a count hidden so that a small count cannot be worked out from the figures published beside it or before it",
    );
    expect(html.indexOf('data-testid="suppression-note"')).toBeGreaterThan(
      html.indexOf('data-testid="table-received.byKind"'),
    );
    expect(html.indexOf('data-testid="suppression-note"')).toBeLessThan(
      html.indexOf('data-testid="table-received.byChannel"'),
    );
    expect(await render(asShown(figures), "en")).not.toContain("suppression-note");
  });

  it("says why each count is hidden, in the reader's language", async () => {
    const shown: ShownFigures = {
      ...suppressed(),
      hidden: [
        { cell: "received.byChannel|phone", reason: "complementary" },
        { cell: "withdrawn", reason: "small" },
        { cell: "recourse", reason: "province" },
        { cell: "clocks|decision:2|late", reason: "small" },
      ],
    };
    const en = textOf(byTestId(await render(shown, "en"), "hidden-reasons"));
    expect(en).toContain("Received by channel: Phone: hidden so that a count under 5 cannot be worked out from it");
    expect(en).toContain(
      "Recourse requests: Ontario’s total is hidden because at least one service system manager’s figure for it is hidden",
    );
    // "<5" needs no reason beyond the note; a clock's late count shows as its share's "too few to show".
    expect(en).not.toMatch(/Withdrawn|late/i);
    const fr = textOf(byTestId(await render(shown, "fr"), "hidden-reasons"));
    expect(fr).toContain("masqué pour qu’un nombre inférieur à 5 ne puisse pas être retrouvé");
    expect(await render(asShown(figures), "en")).not.toContain("hidden-reasons");
  });

  it("reads in French when the language is French", async () => {
    const html = await render(suppressed(), "fr");
    const text = textOf(html);
    expect(html).toContain("<h2>Dossiers reçus</h2>");
    expect(html).toContain("<h2>Délais</h2>");
    expect(byTestId(html, "table-received.byChannel")).toContain(
      '<th scope="row">Téléphone</th><td class="num">masqué</td>',
    );
    expect(text).toContain("Emplois Hamilton 25");
    expect(text).toContain("Aucun fournisseur nommé 15");
    expect(text).toContain("« <5 » désigne un nombre de 0 à 4");
    expect(text).toContain("Décision, niveau 2 <5 trop peu pour être affiché");
    expect(text).toContain("Renvois par niveau atteint : Rien à signaler ce trimestre");
    expect(text).not.toMatch(/None this quarter|Received|Total received/);
  });

  it("uses the heading level asked for", async () => {
    const html = await render(asShown(figures), "en", 3);
    expect(html).toContain("<h3>Received</h3>");
    expect(html).not.toContain("<h2>");
  });
});

describe("report labels", () => {
  const en = translator("en");
  const fr = translator("fr");

  it("name a figure and its category in both languages", () => {
    expect(labelText(en, figureLabel("received.byChannel", "web"))).toBe("Received by channel: Web form");
    expect(labelText(fr, figureLabel("received.byChannel", "web"))).toBe(
      "Dossiers reçus par mode de réception : Formulaire Web",
    );
    expect(labelText(en, figureLabel("received.total", null))).toBe("Complaints and disputes received");
    expect(labelText(fr, figureLabel("openAtEnd", null))).toBe("Ouverts à la fin du trimestre");
    expect(labelText(en, figureLabel("clocks.decision.1.medianDays", null))).toBe(
      "Decision, level 1: Median (business days)",
    );
    expect(labelText(fr, figureLabel("clocks.acknowledge.1.onTimeShare", null))).toBe(
      "Accusé de réception : Part respectée dans le délai",
    );
    expect(labelText(en, figureLabel("escalations.byLevel", "3"))).toBe("Escalations by level reached: To level 3");
    expect(labelText(en, figureLabel("escalations.byCause", "breach"))).toBe(
      "Escalations by cause: The decision deadline was missed",
    );
    expect(labelText(en, figureLabel("recourse.byOutcome", "referred_to_ministry"))).toBe(
      "Recourse requests by outcome at the end of the quarter: Referred to the ministry (level 4)",
    );
    expect(labelText(en, figureLabel("satisfaction.clear", null))).toBe("Mean score: clear process");
    expect(labelText(en, figureLabel("providerStage.byReason", "provider_late"))).toBe(
      "Moved on to the SSM, by why: The service provider did not answer in time",
    );
    expect(labelText(fr, figureLabel("providerStage.byReason", "staff_stepped_in"))).toBe(
      "Passées au GSS, selon la raison : Le personnel du GSS est intervenu",
    );
    expect(labelText(en, figureLabel("clocks.provider_response.1.onTimeShare", null))).toBe(
      "Service provider's answer: Share on time",
    );
  });

  it("use a provider's frozen name when given, and fall back to the raw key or path otherwise", () => {
    expect(labelText(fr, figureLabel("received.byProvider", "17", "Emplois Hamilton"))).toBe(
      "Dossiers reçus par fournisseur visé : Emplois Hamilton",
    );
    expect(labelText(en, figureLabel("received.byProvider", "none"))).toBe(
      "Received by provider complained about: No provider named",
    );
    expect(labelText(en, categoryLabel("received.byProgram", "future_program"))).toBe("future_program");
    expect(labelText(en, categoryLabel("decided.byOutcome", "new_outcome"))).toBe("new_outcome");
    expect(labelText(en, figureLabel("some.newFigure", "x"))).toBe("some.newFigure: x");
  });
});

describe("flattenShown", () => {
  it("lists every cell once, in report order", () => {
    const cells = flattenShown(asShown(figures));
    const ids = cells.map((c) => (c.key === null ? c.path : `${c.path}|${c.key}`));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 5)).toEqual([
      "received.total",
      "received.byKind|client_complaint",
      "received.byKind|provider_dispute",
      "received.byChannel|phone",
      "received.byChannel|web",
    ]);
    expect(ids.at(-1)).toBe("satisfaction.timely");
    expect(cells).toContainEqual({ path: "clocks.decision.1.medianDays", key: null, value: 12 });
    expect(cells).toContainEqual({ path: "clocks.acknowledge.1.onTimeShare", key: null, value: 0.9 });
    expect(cells).toContainEqual({ path: "satisfaction.timely", key: null, value: null });
    expect(cells).toContainEqual({
      path: "received.byProvider",
      key: "17",
      value: 25,
      label: { en: "Hamilton Jobs", fr: "Emplois Hamilton" },
    });
    // 1 + 2+2+3+2+2+1 received, 3 more (referred out, withdrawn, extensions), 3 of the provider stage
    // (frozen before it was counted: 0, no rows), 1+2+2 decided, 2 open, 2×5 clocks, 1 escalations,
    // 1+2 recourse, 4 survey
    expect(cells).toHaveLength(13 + 3 + 3 + 5 + 2 + 10 + 1 + 3 + 4);
    expect(cells).toContainEqual({ path: "providerStage.resolved", key: null, value: 0 });
  });

  it("keeps suppressed counts as small or hidden, never as numbers", () => {
    const cells = flattenShown(suppressed());
    expect(cells).toContainEqual({ path: "withdrawn", key: null, value: "small" });
    expect(cells).toContainEqual({ path: "received.byChannel", key: "phone", value: "hidden" });
    expect(cells).toContainEqual({ path: "clocks.decision.2.ended", key: null, value: "small" });
  });
});

describe("figureChanges", () => {
  it("finds nothing between two identical versions", () => {
    expect(figureChanges(asShown(figures), asShown(figures))).toEqual([]);
  });

  it("lists changed values and rows found in only one version, in report order", () => {
    const before = asShown(figures);
    const after = asShown({
      ...figures,
      received: {
        ...figures.received,
        total: 41,
        byChannel: [
          { key: "email", count: 1 },
          { key: "web", count: 40 },
        ],
      },
      satisfaction: { ...figures.satisfaction, timely: 4 },
    });
    expect(figureChanges(before, after)).toEqual([
      { path: "received.total", key: null, before: 40, after: 41 },
      { path: "received.byChannel", key: "email", before: undefined, after: 1 },
      { path: "received.byChannel", key: "phone", before: 12, after: undefined },
      { path: "received.byChannel", key: "web", before: 28, after: 40 },
      { path: "satisfaction.timely", key: null, before: null, after: 4 },
    ]);
  });

  it("counts a count turning small or hidden as a change", () => {
    const changes = figureChanges(asShown(figures), suppressed());
    expect(changes).toContainEqual({ path: "withdrawn", key: null, before: 2, after: "small" });
    expect(changes).toContainEqual({ path: "received.byChannel", key: "mail", before: undefined, after: "small" });
    expect(changes).toContainEqual({ path: "clocks.decision.1.ended", key: null, before: 14, after: undefined });
  });
});
