import { CLIENT_GROUPS } from "../domain/client-groups";
import { COMPLAINT_LIMITS } from "../domain/complaint-limits";
import { IN_SCOPE_PROGRAMS, MINISTRY_RETAINED_PROGRAMS } from "../domain/programs";
import { useLanguage, useT } from "../hooks/use-translation";
import type { Translate } from "../i18n";
import type { FieldErrors } from "../utils/form";
import { RadioGroup, SelectField, TextArea, TextField } from "./form-fields";
import { nameIn } from "../i18n/localized";

export interface ProviderOption {
  id: number;
  name_en: string;
  name_fr: string;
}

/** Labels for the error summary, in the order the fields appear. */
export function complaintFieldLabels(t: Translate): Record<string, string> {
  return {
    provider: t("file.provider.label"),
    program: t("file.program.label"),
    description: t("file.description.label"),
    outcomeWanted: t("file.outcome.label"),
    name: t("file.name.label"),
    email: t("file.email.label"),
    phone: t("file.phone.label"),
    language: t("file.language.legend"),
    accommodation: t("file.accommodation.legend"),
    accommodationDetails: t("file.accommodation.details"),
    shareIdentity: t("file.share.legend"),
    ...Object.fromEntries(CLIENT_GROUPS.map((g) => [`group_${g}`, t(`group.${g}`)])),
    consent: t("file.consent.label"),
    area: t("file.area.label"),
    website: t("file.honeypot"),
    form: "",
  };
}

/**
 * The questions of a client complaint, shared by the public form and by staff recording a complaint
 * received by phone, mail or in person: same fields, same rules.
 */
export function ComplaintFields({
  providers,
  errors,
  values,
  defaultLanguage,
  consentLabel,
}: {
  providers: ProviderOption[];
  errors: FieldErrors;
  values: Record<string, string>;
  defaultLanguage: string;
  /** Staff recording a complaint confirm the person agreed; a filer agrees for themselves. */
  consentLabel?: string;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <SelectField
        name="provider"
        label={t("file.provider.label")}
        required
        errors={errors}
        defaultValue={values.provider ?? ""}
        placeholder=""
        options={[
          ...providers.map((p) => ({ value: String(p.id), label: nameIn(p, language) })),
          { value: "unknown", label: t("file.provider.unknown") },
        ]}
      />
      <SelectField
        name="program"
        label={t("file.program.label")}
        required
        errors={errors}
        defaultValue={values.program ?? ""}
        placeholder=""
        options={[]}
        optionGroups={[
          {
            label: t("file.program.inScope"),
            options: IN_SCOPE_PROGRAMS.map((p) => ({ value: p, label: t(`program.${p}`) })),
          },
          {
            label: t("file.program.retained"),
            options: MINISTRY_RETAINED_PROGRAMS.map((p) => ({ value: p, label: t(`program.${p}`) })),
          },
        ]}
      />
      <TextArea
        name="description"
        label={t("file.description.label")}
        hint={t("file.description.hint")}
        required
        errors={errors}
        maxLength={COMPLAINT_LIMITS.description}
        defaultValue={values.description}
        rows={7}
      />
      <TextArea
        name="outcomeWanted"
        label={t("file.outcome.label")}
        required
        errors={errors}
        maxLength={COMPLAINT_LIMITS.outcomeWanted}
        defaultValue={values.outcomeWanted}
        rows={3}
      />
      <TextField
        name="name"
        label={t("file.name.label")}
        required
        errors={errors}
        maxLength={COMPLAINT_LIMITS.name}
        autoComplete="name"
        defaultValue={values.name}
      />
      <fieldset className="group">
        <legend>{t("file.contact.legend")}</legend>
        <p className="hint">{t("file.contact.hint")}</p>
        <TextField
          name="email"
          type="email"
          label={t("file.email.label")}
          errors={errors}
          maxLength={COMPLAINT_LIMITS.email}
          autoComplete="email"
          defaultValue={values.email}
        />
        <TextField
          name="phone"
          type="tel"
          label={t("file.phone.label")}
          errors={errors}
          maxLength={COMPLAINT_LIMITS.phone}
          autoComplete="tel"
          defaultValue={values.phone}
        />
      </fieldset>
      <RadioGroup
        name="language"
        label={t("file.language.legend")}
        required
        errors={errors}
        defaultValue={values.language ?? defaultLanguage}
        options={[
          { value: "en", label: "English" },
          { value: "fr", label: "Français" },
        ]}
      />
      <RadioGroup
        name="accommodation"
        label={t("file.accommodation.legend")}
        hint={t("file.accommodation.hint")}
        required
        errors={errors}
        defaultValue={values.accommodation ?? "no"}
        options={[
          { value: "no", label: t("file.no") },
          { value: "yes", label: t("file.yes") },
        ]}
      >
        <TextArea
          name="accommodationDetails"
          label={t("file.accommodation.details")}
          errors={errors}
          maxLength={COMPLAINT_LIMITS.accommodationDetails}
          defaultValue={values.accommodationDetails}
          rows={2}
        />
      </RadioGroup>
      {/* Issue #17: the provider may be asked to answer first; who the person is stays with the SSM unless they say yes. */}
      <RadioGroup
        name="shareIdentity"
        label={t("file.share.legend")}
        hint={t("file.share.hint")}
        errors={errors}
        defaultValue={values.shareIdentity ?? "no"}
        options={[
          { value: "no", label: t("file.share.no") },
          { value: "yes", label: t("file.share.yes") },
        ]}
      />
      <fieldset className="group">
        <legend>{t("file.groups.legend")}</legend>
        <p className="hint">{t("file.groups.hint")}</p>
        {CLIENT_GROUPS.map((g) => (
          <RadioGroup
            key={g}
            name={`group_${g}`}
            label={t(`group.${g}`)}
            errors={errors}
            defaultValue={values[`group_${g}`] ?? "unsaid"}
            options={[
              { value: "yes", label: t("file.groups.yes") },
              { value: "no", label: t("file.groups.no") },
              { value: "unsaid", label: t("file.groups.unsaid") },
            ]}
          />
        ))}
      </fieldset>
      {/* Not shown to people (display: none); form-filling bots fill it and are refused. */}
      <div hidden>
        <label htmlFor="website">{t("file.honeypot")}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <section className="notice" aria-labelledby="notice-title">
        <h2 id="notice-title">{t("file.notice.title")}</h2>
        <p>{t("file.notice.text")}</p>
      </section>
      <div className={errors.consent ? "field field--error" : "field"}>
        {errors.consent ? (
          <p className="field-error" id="consent-error">
            {t(errors.consent.key)}
          </p>
        ) : null}
        <div className="choice">
          <input
            type="checkbox"
            id="consent"
            name="consent"
            aria-describedby={errors.consent ? "consent-error" : undefined}
            aria-invalid={errors.consent ? true : undefined}
            defaultChecked={values.consent === "on"}
          />
          <label htmlFor="consent">{consentLabel ?? t("file.consent.label")}</label>
        </div>
      </div>
    </>
  );
}
