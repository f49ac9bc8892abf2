import { Form, Link } from "@remix-run/react";
import { useLanguage, useT } from "../hooks/use-translation";
import { nameIn } from "../i18n/localized";
import type { PlaceMatch } from "../domain/place-lookup";
import type { FieldErrors } from "../utils/form";
import { TextField } from "./form-fields";

export interface AreaName {
  slug: string;
  name_en: string;
  name_fr: string;
}

export interface PlaceAnswer {
  query: string;
  match: PlaceMatch;
  area: AreaName | null;
}

/** The errors a place look-up shows: only an empty search is one. */
export function placeErrors(answer: PlaceAnswer | null): FieldErrors {
  return answer?.match.kind === "empty" ? { place: { key: "place.error.empty" } } : {};
}

/**
 * "Where do you live?": a GET form, so it works without JavaScript and the answer has its own
 * address. The answer names the area, or says plainly that we cannot tell and points to the list.
 */
export function AreaFinder({
  action,
  answer,
  links,
}: {
  action: string;
  answer: PlaceAnswer | null;
  links: (area: AreaName) => { href: string; text: string }[];
}) {
  const t = useT();
  const language = useLanguage();
  const match = answer?.match;
  return (
    <section aria-labelledby="place-title" className="stack">
      <h2 id="place-title">{t("place.title")}</h2>
      <Form method="get" action={action} className="stack" role="search" aria-labelledby="place-title">
        <TextField
          name="place"
          label={t("place.label")}
          required
          hint={t("place.hint")}
          errors={placeErrors(answer)}
          defaultValue={answer?.query ?? ""}
          autoComplete="address-level2"
          maxLength={100}
        />
        <button type="submit">{t("place.submit")}</button>
      </Form>
      {match && match.kind !== "empty" ? (
        <div className="panel" role="status" data-testid="place-answer">
          {match.kind === "found" && answer?.area ? (
            <>
              <p>{t("place.found", { place: match.place, area: nameIn(answer.area, language) })}</p>
              <ul>
                {links(answer.area).map((l) => (
                  <li key={l.href}>
                    <Link to={l.href}>{l.text}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : match.kind === "unsettled" ? (
            <p>{t("place.unsettled", { place: match.place })}</p>
          ) : (
            <p>{t("place.unknown", { place: answer?.query ?? "" })}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
