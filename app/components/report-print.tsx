import type { LinksFunction } from "@remix-run/node";
import { useT } from "../hooks/use-translation";

/** The report pages' own styles: the wide comparison, and paper (public/reports.css). */
export const reportStyles: LinksFunction = () => [{ rel: "stylesheet", href: "/reports.css" }];

/**
 * The header printed at the top of every page: `title` on the left, the date printed on the right
 * (@page margin boxes, from /reports/print.css: an inline style would need the CSP to allow one).
 */
export function ReportPrintHeader({ title }: { title: string }) {
  return <link rel="stylesheet" href={`/reports/print.css?${new URLSearchParams({ title }).toString()}`} />;
}

/** What "<5", "hidden" and "too few to show" mean, said where the figures are read. */
export function FigureKey({ threshold }: { threshold: number }) {
  const t = useT();
  return (
    <section aria-labelledby="figure-key-heading" className="figure-key" data-testid="figure-key">
      <h2 id="figure-key-heading">{t("reports.key.heading")}</h2>
      <ul>
        <li>{t("reports.key.small", { threshold, max: threshold - 1 })}</li>
        <li>{t("reports.key.hidden", { threshold, hidden: t("figures.hidden") })}</li>
        <li>{t("reports.key.tooFew", { threshold, tooFew: t("figures.tooFew") })}</li>
      </ul>
    </section>
  );
}
