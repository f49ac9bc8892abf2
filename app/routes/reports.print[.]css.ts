import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { translator } from "../i18n";
import { formatDate } from "../utils/format-date";
import { cssString } from "../utils/css-string";
import { languageOf } from "../utils/language.server";

// /reports/print.css?title=…: the header printed on every page of a report or of the comparison
// (issue #19), as @page margin boxes. A stylesheet of its own because the CSP allows no inline
// style; the title is the page's own words, escaped so it can only ever be a CSS string.

const query = z.object({ title: z.string().max(300).default("") });

export function loader({ request }: LoaderFunctionArgs) {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const title = parsed.success ? parsed.data.title : "";
  const language = languageOf(request);
  const printed = translator(language)("reports.print.printed", {
    date: formatDate(new Date().toISOString(), language),
  });
  const css = `@media print {
  @page {
    @top-left { content: ${cssString(title)}; font: 9pt system-ui, sans-serif; color: #333; }
    @top-right { content: ${cssString(printed)}; font: 9pt system-ui, sans-serif; color: #333; }
    @bottom-right { content: counter(page) " / " counter(pages); font: 9pt system-ui, sans-serif; color: #333; }
  }
}
`;
  return new Response(css, {
    headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "private, no-cache" },
  });
}
