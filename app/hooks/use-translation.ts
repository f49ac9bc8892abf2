import { useRouteLoaderData } from "@remix-run/react";
import { useEffect, useSyncExternalStore } from "react";
import type { Language } from "../domain/vocabulary";
import { catalogsVersion, hasCatalog, loadCatalog, subscribeCatalogs, translator, type Translate } from "../i18n";

export function useLanguage(): Language {
  const data = useRouteLoaderData<{ language: Language }>("root");
  return data?.language ?? "en";
}

export function useT(): Translate {
  const language = useLanguage();
  // Re-render when a catalog arrives: after a client-side change of language (the switcher, signing
  // in as someone who reads French) the other catalog is fetched and shown once here.
  useSyncExternalStore(subscribeCatalogs, catalogsVersion, catalogsVersion);
  useEffect(() => {
    if (!hasCatalog(language)) void loadCatalog(language);
  }, [language]);
  return translator(language);
}
