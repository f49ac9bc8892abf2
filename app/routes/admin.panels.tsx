import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { invalidFormResponse } from "../utils/refusal-response.server";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AdminNav } from "../components/admin-nav";
import { ErrorSummary } from "../components/error-summary";
import { SelectField, TextField } from "../components/form-fields";
import { TEXT_LIMITS } from "../domain/text-limits";
import { useLanguage, useT } from "../hooks/use-translation";
import { nameIn } from "../i18n/localized";
import { addPanelMember, panelRosterView, removePanelMember } from "../services/panels.server";
import { requirePermission } from "../auth/require-permission.server";
import { parseForm } from "../utils/form";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { readForm } from "../utils/read-form.server";
import { addSchema } from "../forms/panel-roster.server";

// Issue #17: the SSM's roster of independent panel members, kept by its managers only.
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "roster.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "panel.roster");
  const view = await panelRosterView(context.db, user);
  if (!view) throw notFound();
  return view;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "panel.roster");
  const form = await readForm(request);
  const now = new Date();
  if (form.get("intent") === "remove") {
    const memberId = Number(form.get("memberId"));
    if (!Number.isSafeInteger(memberId) || !(await removePanelMember({ db: context.db, user, memberId, now })))
      throw notFound();
    return { errors: null, done: "roster.removed" as const };
  }
  const parsed = parseForm(addSchema, form);
  if (!parsed.ok) return invalidFormResponse(parsed, { done: null });
  const conflictOrgIds = form
    .getAll("conflict")
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
  const added = await addPanelMember({ db: context.db, user, ...parsed.data, conflictOrgIds, now });
  if (!added) throw notFound();
  return { errors: null, done: "roster.added" as const };
}

export default function PanelRosterPage() {
  const { members, providers, staff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  const language = useLanguage();
  const errors = result?.errors ?? {};
  const providerName = (id: number) => {
    const p = providers.find((o) => o.id === id);
    return p ? nameIn(p, language) : `#${id}`;
  };
  return (
    <>
      <h1>{t("roster.title")}</h1>
      <AdminNav />
      <p>{t("roster.intro")}</p>
      {result?.done ? (
        <p className="notice-success" role="status">
          {t(result.done)}
        </p>
      ) : null}
      {members.length ? (
        <table className="data-table" data-testid="roster">
          <thead>
            <tr>
              <th scope="col">{t("roster.name")}</th>
              <th scope="col">{t("roster.affiliation")}</th>
              <th scope="col">{t("roster.conflicts")}</th>
              <th scope="col">{t("roster.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{m.affiliation}</td>
                <td>{m.conflictOrgIds.map(providerName).join(", ") || "—"}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="memberId" value={m.id} />
                    <button type="submit" className="button--secondary" disabled={busy}>
                      {t("roster.remove", { name: m.name })}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("roster.empty")}</p>
      )}
      <ErrorSummary errors={errors} labels={{ name: t("roster.name"), affiliation: t("roster.affiliation") }} />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="add" />
        <TextField name="name" label={t("roster.name")} required errors={errors} maxLength={TEXT_LIMITS.name} />
        <TextField
          name="affiliation"
          label={t("roster.affiliation")}
          required
          errors={errors}
          maxLength={TEXT_LIMITS.name}
        />
        <SelectField
          name="affiliationOrgId"
          label={t("roster.affiliationOrg")}
          placeholder=""
          options={providers.map((p) => ({ value: String(p.id), label: nameIn(p, language) }))}
        />
        <SelectField
          name="userId"
          label={t("roster.user")}
          placeholder=""
          options={staff.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <fieldset className="group">
          <legend>{t("roster.conflicts")}</legend>
          {providers.map((p) => (
            <div className="choice" key={p.id}>
              <input type="checkbox" id={`conflict-${p.id}`} name="conflict" value={p.id} />
              <label htmlFor={`conflict-${p.id}`}>{nameIn(p, language)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>
          {t("roster.add")}
        </button>
      </Form>
    </>
  );
}
