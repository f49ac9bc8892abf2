import type { MetaDescriptor } from "@remix-run/node";
import type { Language } from "../domain/vocabulary";
import { translator, type MessageKey } from "../i18n";

interface MatchLike {
  id: string;
  data: unknown;
}

/** A page title in the reader's language: "Page | Recourse". */
export function pageTitle(
  matches: readonly MatchLike[],
  key: MessageKey,
  vars?: Record<string, string | number>,
): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as { language?: Language } | undefined;
  const t = translator(root?.language ?? "en");
  return [{ title: `${t(key, vars)} | ${t("site.name")}` }];
}
