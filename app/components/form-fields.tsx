import type { ReactNode } from "react";
import type { FieldErrors } from "../utils/form";
import { useT } from "../hooks/use-translation";

interface FieldProps {
  name: string;
  label: string;
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
  maxLength?: number;
}

function describedBy(name: string, hint: string | undefined, error: unknown) {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  const t = useT();
  return (
    <label htmlFor={htmlFor}>
      {label} <span className="field-flag">({required ? t("file.required") : t("file.optional")})</span>
    </label>
  );
}

function FieldMessages({ name, hint, errors }: Pick<FieldProps, "name" | "hint" | "errors">) {
  const t = useT();
  const error = errors?.[name];
  return (
    <>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {t(error.key, error.vars)}
        </p>
      ) : null}
    </>
  );
}

export function TextField(
  props: FieldProps & {
    type?: "text" | "email" | "tel" | "password";
    defaultValue?: string;
    autoComplete?: string;
    /** For codes: no spelling fixes, capitals as typed on phones. */
    code?: boolean;
  },
) {
  const error = props.errors?.[props.name];
  return (
    <div className={error ? "field field--error" : "field"}>
      <Label htmlFor={props.name} label={props.label} required={props.required} />
      <FieldMessages {...props} />
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        spellCheck={props.code ? false : undefined}
        autoCapitalize={props.code ? "characters" : undefined}
        className={props.code ? "code-input" : undefined}
        aria-required={props.required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { defaultValue?: string; rows?: number }) {
  const error = props.errors?.[props.name];
  return (
    <div className={error ? "field field--error" : "field"}>
      <Label htmlFor={props.name} label={props.label} required={props.required} />
      <FieldMessages {...props} />
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 5}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        aria-required={props.required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </div>
  );
}

type Option = { value: string; label: string };

export function SelectField(
  props: FieldProps & {
    options: Option[];
    optionGroups?: { label: string; options: Option[] }[];
    defaultValue?: string;
    placeholder?: string;
  },
) {
  const error = props.errors?.[props.name];
  return (
    <div className={error ? "field field--error" : "field"}>
      <Label htmlFor={props.name} label={props.label} required={props.required} />
      <FieldMessages {...props} />
      <select
        id={props.name}
        name={props.name}
        defaultValue={props.defaultValue ?? ""}
        aria-required={props.required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {props.optionGroups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function RadioGroup(
  props: FieldProps & { options: { value: string; label: string }[]; defaultValue?: string; children?: ReactNode },
) {
  const t = useT();
  const error = props.errors?.[props.name];
  return (
    <fieldset
      className={error ? "field field--error" : "field"}
      aria-describedby={describedBy(props.name, props.hint, error)}
      id={props.name}
      tabIndex={-1}
    >
      <legend>
        {props.label} <span className="field-flag">({props.required ? t("file.required") : t("file.optional")})</span>
      </legend>
      <FieldMessages {...props} />
      {props.options.map((o) => (
        <div className="choice" key={o.value}>
          <input
            type="radio"
            id={`${props.name}-${o.value}`}
            name={props.name}
            value={o.value}
            defaultChecked={props.defaultValue === o.value}
          />
          <label htmlFor={`${props.name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      {props.children}
    </fieldset>
  );
}
