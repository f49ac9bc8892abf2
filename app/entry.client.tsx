import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadCatalog } from "./i18n";

// Only the page's language is fetched, before hydrating, so the first render matches the server's
// words (decision 027).
void loadCatalog(document.documentElement.lang === "fr" ? "fr" : "en").then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
