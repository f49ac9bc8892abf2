import type { Locator, Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { fiscalQuarterOf, formatQuarterId, previousQuarter } from "../../app/domain/fiscal-quarter";
import { quarterName } from "../../app/i18n/quarter-name";
import { PDFTOTEXT_BINARY } from "../../scripts/lib/pdftotext-binary";
import { expect, expectNoAxeViolations, login, parseCsv, test, visit, waitForHydration } from "./fixtures";

// The ministry's pages that read and print (issue #19), at a desktop's 1280×800: the comparison
// fits, its charts name every SSM in full, its "<5" and "hidden" are explained on the page, every
// report and the comparison print without the site's navigation and with the quarter and date on
// each page (Chromium's page.pdf(), read back with Debian's pdftotext), and the table-shaped CSV
// holds the numbers the page shows. Read-only: the quarter before last, which every SSM reported
// in the demo seed.

const thisQuarter = fiscalQuarterOf(new Date(), "America/Toronto");
const QUARTER = formatQuarterId(previousQuarter(previousQuarter(thisQuarter)));
const named = (language: "en" | "fr" = "en") => quarterName(QUARTER, language);
const ANALYST = "analyst@ministry.example.org";
const PDFTOTEXT = PDFTOTEXT_BINARY;
/** Words of the site's header and of the page's controls: none belongs on paper. */
const NAVIGATION_WORDS = [
  "Skip to main content",
  "Complaints about Employment Ontario services",
  "Signed in as",
  "Sign out",
  "Français",
  "Print or download",
  "Back to the report",
];

test.use({ viewport: { width: 1280, height: 800 } });

/** The PDF's text, page by page (pdftotext -raw keeps the content order: a row reads as one line). */
function pdfPages(pdf: Buffer, file: string): Promise<string[]> {
  expect(existsSync(PDFTOTEXT), "pdftotext (Debian's poppler-utils: npm test installs it)").toBe(true);
  return writeFile(file, pdf).then(() =>
    execFileSync(PDFTOTEXT, ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" })
      .split("\f")
      .filter((page) => page.trim() !== "")
      .map(squash),
  );
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
/** Without any white space: a cell's text may wrap anywhere on paper (after "Kitchener–Waterloo–"). */
const solid = (text: string) => text.replace(/\s+/g, "");

/** Each row's text, its cells joined by a space, as the page shows it. */
async function rowTexts(table: Locator): Promise<string[]> {
  return (
    await table.locator("tr").evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll("th, td"))
          .map((cell) => (cell as HTMLElement).innerText)
          .join(" "),
      ),
    )
  ).map(squash);
}

/** Printed: no navigation, every row of every table whole on one page, the quarter and date on every page. */
async function expectPrintsWhole(page: Page, file: string, header: RegExp): Promise<string[]> {
  const tables = page.locator("main table");
  const rows = (await Promise.all((await tables.all()).map(rowTexts))).flat();
  expect(rows.length, "table rows to print").toBeGreaterThan(10);
  const pages = await pdfPages(await page.pdf({ format: "Letter", printBackground: true }), file);
  expect(pages.length, "printed pages").toBeGreaterThan(0);
  for (const [n, text] of pages.entries()) {
    for (const word of NAVIGATION_WORDS) expect(text, `page ${n + 1} of ${file}`).not.toContain(word);
    expect(text, `page ${n + 1} of ${file}: its header`).toMatch(header);
  }
  for (const row of rows) {
    expect(
      pages.filter((text) => solid(text).includes(solid(row))).length,
      `the row "${row}" whole on one page of ${file}`,
    ).toBeGreaterThan(0);
  }
  return pages;
}

async function openComparison(page: Page): Promise<void> {
  await login(page, ANALYST);
  await visit(page, `/reports?quarter=${QUARTER}`);
  await expect(page.getByRole("heading", { level: 2, name: `Reports for ${named()}` })).toBeVisible();
}

test("at 1280×800 the comparison shows every column, its charts name every SSM in full, and it explains <5 and hidden", async ({
  page,
}, testInfo) => {
  await openComparison(page);
  // Kept beside the run's results, to look at (no test reads pixels).
  await page.screenshot({ path: testInfo.outputPath("comparison-1280.png") });
  const table = page.getByTestId("comparison-table");
  const region = page.getByRole("region", { name: `Submitted reports, ${named()}` });
  await expect(table.locator("tbody > tr")).toHaveCount(15);
  const box = (await region.boundingBox())!;
  expect(box.x, "the table's region starts on screen").toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, "and ends on screen").toBeLessThanOrEqual(1280);
  // Every header and every cell of the first and last rows lies inside the region's visible box.
  const cells = [
    ...(await table.locator("thead th").all()),
    ...(await table.locator("tbody > tr").first().locator("th, td").all()),
    ...(await table.locator("tfoot > tr").locator("th, td").all()),
  ];
  expect(cells.length).toBe(13 * 3);
  for (const cell of cells) {
    const b = (await cell.boundingBox())!;
    const what = `"${(await cell.innerText()).trim()}" at x ${b.x}–${b.x + b.width}, region ${box.x}–${box.x + box.width}`;
    expect(b.x, what).toBeGreaterThanOrEqual(box.x - 0.5);
    expect(b.x + b.width, what).toBeLessThanOrEqual(box.x + box.width + 0.5);
  }

  // Horizontal bars: each SSM's name in full, level, inside the chart.
  const names = (await table.locator("tbody > tr > th a").allInnerTexts()).map(squash);
  for (const title of [`On-time shares by SSM, ${named()}`, `Escalations by level, ${named()}`]) {
    const chart = page.getByRole("img", { name: new RegExp(`^${title.replace(/[()]/g, "\\$&")}`) });
    await expect(chart).toBeVisible();
    const labels = chart.locator(".chart__category");
    expect((await labels.allTextContents()).map(squash), `${title}: every SSM named in full`).toEqual(names);
    for (const label of await labels.all()) expect(await label.getAttribute("transform")).toBeNull();
    const svg = (await chart.boundingBox())!;
    for (const label of await labels.all()) {
      const b = (await label.boundingBox())!;
      expect(b.x, `${await label.textContent()} inside ${title}`).toBeGreaterThanOrEqual(svg.x - 0.5);
      expect(b.x + b.width).toBeLessThanOrEqual(svg.x + svg.width + 0.5);
    }
  }

  // "<5" and "hidden" explained where they are read.
  const key = page.getByTestId("figure-key");
  await expect(key).toContainText("“<5” means a count from 0 to 4");
  await expect(key).toContainText("“hidden” means");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Lire cette page en français" }).click();
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 2, name: `Rapports pour ${named("fr")}` })).toBeVisible();
  await expect(key).toContainText("« <5 » désigne un nombre de 0 à 4");
  await expect(key).toContainText("« masqué » désigne");
  await expectNoAxeViolations(page);
});

test("the comparison prints without the site's navigation, every row whole, the quarter and date on each page", async ({
  page,
}, testInfo) => {
  await openComparison(page);
  const pages = await expectPrintsWhole(
    page,
    testInfo.outputPath("comparison.pdf"),
    new RegExp(`quarterly reports.*${named().replace(/[()]/g, "\\$&")}.*Printed [A-Z][a-z]+ \\d{1,2}, \\d{4}`),
  );
  expect(pages.join(" ")).toContain("Ontario");
});

test("a report prints without the site's navigation or Print button, every table row whole, headed on each page", async ({
  page,
}, testInfo) => {
  await login(page, ANALYST);
  await visit(page, `/reports/kingston-pembroke/${QUARTER}/print`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Report for ${named()}: Serco Canada`);
  await expectNoAxeViolations(page);
  const pages = await expectPrintsWhole(
    page,
    testInfo.outputPath("report.pdf"),
    new RegExp(`Serco Canada.*${named().replace(/[()]/g, "\\$&")}.*Printed [A-Z][a-z]+ \\d{1,2}, \\d{4}`),
  );
  expect(pages.join(" "), "the Print button").not.toMatch(/\bPrint\b(?! ?ed)/);
});

test("the comparison as a table-shaped CSV: one row per SSM, one column per figure, the page's numbers and words", async ({
  page,
}) => {
  await openComparison(page);
  const table = page.getByTestId("comparison-table");
  const link = page.getByRole("link", { name: `This comparison for ${named()} as a table, one row per SSM (CSV)` });
  await expect(link).toHaveAttribute("href", `/reports/export.csv?view=table&quarter=${QUARTER}`);
  await expect(
    page.getByRole("link", { name: `This comparison for ${named()} (CSV)` }),
    "the long form stays",
  ).toBeVisible();
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`recourse-table-${QUARTER}.csv`);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.charCodeAt(0), "a byte-order mark, for Excel").toBe(0xfeff);
  const [header, ...rows] = parseCsv(csv.slice(1));
  const pageHeaders = (await table.locator("thead th").allInnerTexts()).map(squash);
  expect(header).toEqual([
    pageHeaders[0],
    "Version",
    ...pageHeaders.slice(1).map((h) => (/on time/.test(h) ? `${h} (%)` : h)),
  ]);
  const bodyRows = await table.locator("tbody > tr, tfoot > tr").all();
  expect(rows).toHaveLength(bodyRows.length);
  for (const [i, tr] of bodyRows.entries()) {
    const csvRow = rows[i]!;
    // The SSM's name (its link; Ontario's row has none), without the "(corrected: version 2)" beside it.
    const link = tr.locator("th a");
    const name = squash(await ((await link.count()) ? link : tr.locator("th")).innerText());
    expect(csvRow[0], `row ${i + 1}`).toBe(name);
    // Every figure says something; only Ontario's row has no version.
    for (const cell of csvRow.slice(2)) expect(cell, `no blank figure in ${csvRow.join(",")}`).not.toBe("");
    const shown = (await tr.locator("td").allInnerTexts()).map(squash);
    // The page's number without its grouping and % sign; a word ("<5", "hidden", "too few to show") as is.
    expect(csvRow.slice(2), `${name}: the page's figures`).toEqual(
      shown.map((text) => (/^[\d,.]+%?$/.test(text) ? text.replace(/[,%]/g, "") : text)),
    );
  }
  expect(rows.at(-1)![0]).toBe("Ontario");
  expect(rows.flat(), "suppressed cells read as on screen").toEqual(
    expect.arrayContaining([expect.stringMatching(/^(<5|hidden)$/)]),
  );
});
