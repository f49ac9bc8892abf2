import { useRouteLoaderData } from "@remix-run/react";
import type { Language } from "../domain/vocabulary";
import { translator, type Translate } from "../i18n";

export function useLanguage(): Language {
  const data = useRouteLoaderData<{ language: Language }>("root");
  return data?.language ?? "en";
}

export function useT(): Translate {
  return translator(useLanguage());
}
