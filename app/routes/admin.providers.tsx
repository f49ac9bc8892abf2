import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AdminNav } from "../components/admin-nav";
import { useEffect, useRef } from "react";
import { ErrorSummary } from "../components/error-summary";
import { TextField } from "../components/form-fields";
import { useLanguage, useT } from "../hooks/use-translation";
import type { MessageKey } from "../i18n";
import {
  addProvider,
  providerAdminView,
  renameProvider,
  retireProvider,
  type ProviderResult,
} from "../services/ssm-organizations.server";
import type { Language } from "../domain/vocabulary";
import { languageOf } from "../utils/language.server";
import { formatDate } from "../utils/format-date";
import { formValues, parseForm, type FieldErrors } from "../utils/form";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { refusalResponse } from "../utils/refusal-response.server";
import { requirePermission } from "../auth/require-permission.server";
import { readForm } from "../utils/read-form.server";
import { nameIn } from "../i18n/localized";
import { TEXT_LIMITS } from "../domain/text-limits";
import { DataTable } from "../components/data-table";
import {
  intentSchema,
  providerIdSchema,
  providerNamesSchema,
  providerRenameSchema,
} from "../forms/admin-providers.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.nav.providers");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "organizations.manage");
  const view = await providerAdminView({ db: context.db, user });
  if (!view) throw notFound();
  const chosen = new URL(request.url).searchParams.get("provider");
  const selected =
    chosen === null ? null : (view.providers.find((p) => String(p.id) === chosen && !p.retired_at) ?? null);
  if (chosen !== null && !selected) throw notFound();
  return { ...view, selected };
}

type ActionData = {
  intent: string | null;
  errors: FieldErrors | null;
  values: Record<string, string> | null;
  done: { key: MessageKey; vars?: Record<string, string> } | null;
};

function answer(body: Partial<ActionData> & { intent: string | null }, status = 200) {
  return data<ActionData>({ errors: null, values: null, done: null, ...body }, { status });
}

function answerFor(
  intent: string,
  result: ProviderResult,
  formData: FormData,
  doneKey: MessageKey,
  language: Language,
) {
  if (result.ok) {
    const name = language === "fr" ? result.names.nameFr : result.names.nameEn;
    return answer({ intent, done: { key: doneKey, vars: { name } } });
  }
  return refusalResponse(result, { intent, values: formValues(formData), done: null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "organizations.manage");
  const formData = await readForm(request);
  const db = context.db;
  const now = new Date();
  const language = languageOf(request);
  const chosen = parseForm(intentSchema, formData);
  if (!chosen.ok) throw notFound();
  const { intent } = chosen.data;
  if (intent === "retire") {
    const parsed = parseForm(providerIdSchema, formData);
    if (!parsed.ok) throw notFound();
    const result = await retireProvider({ db, user, providerId: parsed.data.providerId, now });
    return answerFor(intent, result, formData, "admin.providers.done.retire", language);
  }
  if (intent === "rename") {
    const parsed = parseForm(providerRenameSchema, formData);
    if (!parsed.ok) return answer({ intent, errors: parsed.errors, values: parsed.values }, 400);
    const { providerId, ...names } = parsed.data;
    const result = await renameProvider({ db, user, providerId, names, now });
    return answerFor(intent, result, formData, "admin.providers.done.rename", language);
  }
  const parsed = parseForm(providerNamesSchema, formData);
  if (!parsed.ok) return answer({ intent, errors: parsed.errors, values: parsed.values }, 400);
  const result = await addProvider({ db, user, names: parsed.data, now });
  return answerFor(intent, result, formData, "admin.providers.done.add", language);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Provider = LoaderData["providers"][number];

function NameFields({ errors, values }: { errors: FieldErrors; values: Record<string, string> }) {
  const t = useT();
  return (
    <>
      <TextField
        name="nameEn"
        label={t("admin.providers.nameEn")}
        required
        errors={errors}
        maxLength={TEXT_LIMITS.name}
        defaultValue={values.nameEn}
      />
      <TextField
        name="nameFr"
        label={t("admin.providers.nameFr")}
        hint={t("admin.providers.nameFr.hint")}
        required
        errors={errors}
        maxLength={TEXT_LIMITS.name}
        defaultValue={values.nameFr}
      />
    </>
  );
}

function EditPanel({
  provider,
  errors,
  values,
  busy,
}: {
  provider: Provider;
  errors: FieldErrors;
  values: Record<string, string>;
  busy: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [provider.id]);
  const name = nameIn(provider, language);
  const actionUrl = `/admin/providers?provider=${provider.id}`;
  return (
    <section className="panel" aria-labelledby="edit-title">
      <h2 id="edit-title" tabIndex={-1} ref={heading}>
        {t("admin.providers.edit.title", { name })}
      </h2>
      <ErrorSummary
        errors={errors}
        labels={{ nameEn: t("admin.providers.nameEn"), nameFr: t("admin.providers.nameFr") }}
      />
      <Form
        method="post"
        action={actionUrl}
        noValidate
        className="stack"
        key={`${provider.name_en}|${provider.name_fr}`}
      >
        <input type="hidden" name="intent" value="rename" />
        <input type="hidden" name="providerId" value={provider.id} />
        <NameFields errors={errors} values={{ nameEn: provider.name_en, nameFr: provider.name_fr, ...values }} />
        <button type="submit" disabled={busy}>
          {t("admin.providers.rename.submit")}
        </button>
      </Form>
      <Form method="post" action="/admin/providers" className="action-form">
        <input type="hidden" name="intent" value="retire" />
        <input type="hidden" name="providerId" value={provider.id} />
        <h3>{t("admin.providers.retire.title")}</h3>
        <p>{t("admin.providers.retire.text", { name })}</p>
        <button type="submit" className="button--secondary" disabled={busy}>
          {t("admin.providers.retire.submit")}
        </button>
      </Form>
      <p>
        <Link to="/admin/providers">{t("admin.providers.back")}</Link>
      </p>
    </section>
  );
}

export default function ProvidersPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const language = useLanguage();
  const busy = navigation.state !== "idle";
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const areaName = nameIn(view.area, language);
  return (
    <>
      <h1>{t("admin.providers.title", { area: areaName })}</h1>
      <AdminNav />
      <p>{t("admin.providers.intro")}</p>
      {result?.done ? (
        <p className="notice-success" role="status">
          {t(result.done.key, result.done.vars)}
        </p>
      ) : null}
      {view.selected ? (
        <EditPanel
          provider={view.selected}
          errors={result?.intent === "rename" ? errors : {}}
          values={result?.intent === "rename" ? values : {}}
          busy={busy}
        />
      ) : null}
      <DataTable
        caption={t("admin.providers.caption")}
        empty={t("admin.providers.none")}
        rows={view.providers}
        rowKey={(p) => p.id}
        columns={[
          {
            id: "nameEn",
            header: t("admin.providers.col.nameEn"),
            rowHeader: true,
            lang: "en",
            cell: (p) => p.name_en,
          },
          { id: "nameFr", header: t("admin.providers.col.nameFr"), lang: "fr", cell: (p) => p.name_fr },
          {
            id: "status",
            header: t("admin.providers.col.status"),
            cell: (p) =>
              p.retired_at
                ? t("admin.providers.status.retired", { date: formatDate(p.retired_at, language) })
                : t("admin.providers.status.active"),
          },
          {
            id: "action",
            header: t("admin.providers.col.action"),
            cell: (p) =>
              p.retired_at ? "—" : <Link to={`/admin/providers?provider=${p.id}`}>{t("admin.providers.manage")}</Link>,
          },
        ]}
      />
      {view.selected ? null : (
        <section aria-labelledby="add-title">
          <h2 id="add-title">{t("admin.providers.add.title")}</h2>
          <ErrorSummary
            errors={result?.intent === "add" ? errors : {}}
            labels={{ nameEn: t("admin.providers.nameEn"), nameFr: t("admin.providers.nameFr") }}
          />
          <Form method="post" action="/admin/providers" noValidate className="stack" key={view.providers.length}>
            <input type="hidden" name="intent" value="add" />
            <NameFields
              errors={result?.intent === "add" ? errors : {}}
              values={result?.intent === "add" ? values : {}}
            />
            <button type="submit" disabled={busy}>
              {t("admin.providers.add.submit")}
            </button>
          </Form>
        </section>
      )}
    </>
  );
}
