import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AdminNav } from "../components/admin-nav";
import { useEffect, useRef } from "react";
import { ErrorSummary } from "../components/error-summary";
import { RadioGroup, SelectField, TextField } from "../components/form-fields";
import { INVITABLE_ROLES } from "../domain/invitable-roles";
import { useLanguage, useT } from "../hooks/use-translation";
import type { MessageKey, Translate } from "../i18n";
import {
  changeUserRole,
  disableUser,
  reenableUser,
  inviteUser,
  resendInvitation,
  userAdminView,
  type AdminActionResult,
} from "../services/ssm-admin.server";
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
import { intentSchema, inviteInputSchema, roleChangeSchema, userIdSchema } from "../forms/admin-users.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.users.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "users.manage");
  const view = await userAdminView({ db: context.db, user, now: new Date() });
  if (!view) throw notFound();
  const chosen = new URL(request.url).searchParams.get("user");
  const selected = chosen === null ? null : (view.users.find((u) => String(u.id) === chosen) ?? null);
  // Someone outside the manager's SSM and providers: as if they did not exist.
  if (chosen !== null && !selected) throw notFound();
  return { ...view, selected };
}

type Done = { key: MessageKey; vars?: Record<string, string> };
type ActionData = {
  intent: string | null;
  errors: FieldErrors | null;
  values: Record<string, string> | null;
  done: Done | null;
  refused: MessageKey | null;
};

function answer(body: Partial<ActionData> & { intent: string | null }, status = 200) {
  return data<ActionData>({ errors: null, values: null, done: null, refused: null, ...body }, { status });
}

function refusalAnswer(intent: string, result: AdminActionResult, done: Done) {
  if (result.ok) return answer({ intent, done });
  return refusalResponse(result, { intent, values: null, done: null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "users.manage");
  const formData = await readForm(request);
  const db = context.db;
  const now = new Date();
  const chosen = parseForm(intentSchema, formData);
  if (!chosen.ok) return answer({ intent: null, refused: "admin.users.refused.invalid" }, 400);
  const { intent } = chosen.data;

  if (intent === "invite") {
    const parsed = parseForm(inviteInputSchema, formData);
    if (!parsed.ok) return answer({ intent, errors: parsed.errors, values: parsed.values }, 400);
    const result = await inviteUser({ db, user, invite: parsed.data, now });
    if (result.ok)
      return answer({ intent, done: { key: "admin.users.done.invite", vars: { email: parsed.data.email } } });
    return refusalResponse(result, { intent, values: formValues(formData), done: null });
  }

  if (intent === "role") {
    const parsed = parseForm(roleChangeSchema, formData);
    if (!parsed.ok) return answer({ intent, refused: "admin.users.refused.invalid" }, 400);
    const result = await changeUserRole({ db, user, ...parsed.data, now });
    return refusalAnswer(intent, result, { key: "admin.users.done.role" });
  }

  const parsed = parseForm(userIdSchema, formData);
  if (!parsed.ok) return answer({ intent, refused: "admin.users.refused.invalid" }, 400);
  if (intent === "resend") {
    return refusalAnswer(intent, await resendInvitation({ db, user, ...parsed.data, now }), {
      key: "admin.users.done.resend",
    });
  }
  if (intent === "enable") {
    return refusalAnswer(intent, await reenableUser({ db, user, ...parsed.data, now }), {
      key: "admin.users.done.enable",
    });
  }
  return refusalAnswer(intent, await disableUser({ db, user, ...parsed.data, now }), {
    key: "admin.users.done.disable",
  });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ListedUser = LoaderData["users"][number];

function statusText(t: Translate, u: ListedUser, language: "en" | "fr"): string {
  if (u.status === "invited" && u.invitationExpiresAt) {
    return t("admin.users.status.invited", { date: formatDate(u.invitationExpiresAt, language) });
  }
  return t(`admin.users.status.${u.status}`);
}

function organizationName(u: ListedUser, language: "en" | "fr"): string {
  return nameIn(u.organization, language);
}

function ManagePanel({ person, busy }: { person: ListedUser; busy: boolean }) {
  const t = useT();
  const language = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened by a link on the same page: focus moves to it so a screen reader announces what opened.
  useEffect(() => heading.current?.focus(), [person.id]);
  const actionUrl = `/admin/users?user=${person.id}`;
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={person.id} />
    </>
  );
  const open = person.status !== "disabled";
  return (
    <section className="panel" aria-labelledby="manage-title">
      <h2 id="manage-title" tabIndex={-1} ref={heading}>
        {t("admin.users.manage.title", { name: person.display_name })}
      </h2>
      <dl className="summary-list">
        <dt>{t("admin.users.col.email")}</dt>
        <dd>{person.email}</dd>
        <dt>{t("admin.users.col.organization")}</dt>
        <dd>{organizationName(person, language)}</dd>
        <dt>{t("admin.users.col.role")}</dt>
        <dd>{t(`admin.role.${person.role}`)}</dd>
        <dt>{t("admin.users.col.status")}</dt>
        <dd>{statusText(t, person, language)}</dd>
      </dl>
      {person.isSelf ? <p>{t("admin.users.self")}</p> : null}
      {!person.isSelf && !open ? (
        <>
          <p>{t("admin.users.disabled")}</p>
          <Form method="post" action={actionUrl} className="action-form">
            {hidden("enable")}
            <p>{t("admin.users.enable.text")}</p>
            <button type="submit" disabled={busy}>
              {t("admin.users.enable.submit")}
            </button>
          </Form>
        </>
      ) : null}
      {!person.isSelf && open ? (
        <>
          {person.allowedRoles.length > 1 ? (
            <Form method="post" action={actionUrl} className="action-form" key={`role-${person.role}`}>
              {hidden("role")}
              <SelectField
                name="role"
                label={t("admin.users.role.label")}
                required
                defaultValue={person.role}
                options={person.allowedRoles.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))}
              />
              <button type="submit" disabled={busy}>
                {t("admin.users.role.submit")}
              </button>
            </Form>
          ) : (
            <p>{t("admin.users.role.onlyOne")}</p>
          )}
          {person.status === "invited" || person.status === "invitation_expired" ? (
            <Form method="post" action={actionUrl} className="action-form">
              {hidden("resend")}
              <p>{t("admin.users.resend.text", { name: person.display_name })}</p>
              <button type="submit" className="button--secondary" disabled={busy}>
                {t("admin.users.resend.submit")}
              </button>
            </Form>
          ) : null}
          <Form method="post" action={actionUrl} className="action-form">
            {hidden("disable")}
            <h3>{t("admin.users.disable.title")}</h3>
            <p>{t("admin.users.disable.text", { name: person.display_name })}</p>
            <button type="submit" className="button--secondary" disabled={busy}>
              {t("admin.users.disable.submit")}
            </button>
          </Form>
        </>
      ) : null}
      <p>
        <Link to="/admin/users">{t("admin.users.back")}</Link>
      </p>
    </section>
  );
}

function InviteForm({
  providers,
  errors,
  values,
  resetKey,
  busy,
}: {
  providers: LoaderData["providers"];
  errors: FieldErrors;
  values: Record<string, string>;
  resetKey: number;
  busy: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const labels = {
    name: t("admin.users.invite.name"),
    email: t("admin.users.invite.email"),
    role: t("admin.users.invite.role"),
    provider: t("admin.users.invite.provider"),
    language: t("admin.users.invite.language"),
  };
  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{t("admin.users.invite.title")}</h2>
      <p>{t("admin.users.invite.intro")}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" action="/admin/users" noValidate className="stack" key={resetKey}>
        <input type="hidden" name="intent" value="invite" />
        <TextField
          name="name"
          label={labels.name}
          required
          errors={errors}
          maxLength={TEXT_LIMITS.name}
          autoComplete="off"
          defaultValue={values.name}
        />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          required
          errors={errors}
          maxLength={TEXT_LIMITS.email}
          autoComplete="off"
          defaultValue={values.email}
        />
        <SelectField
          name="role"
          label={labels.role}
          required
          errors={errors}
          placeholder=""
          defaultValue={values.role}
          options={INVITABLE_ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))}
        />
        <SelectField
          name="provider"
          label={labels.provider}
          hint={t("admin.users.invite.provider.hint")}
          errors={errors}
          placeholder=""
          defaultValue={values.provider}
          options={providers.map((p) => ({ value: String(p.id), label: nameIn(p, language) }))}
        />
        <RadioGroup
          name="language"
          label={labels.language}
          required
          errors={errors}
          defaultValue={values.language ?? language}
          options={[
            { value: "en", label: "English" },
            { value: "fr", label: "Français" },
          ]}
        />
        <button type="submit" disabled={busy}>
          {t("admin.users.invite.submit")}
        </button>
      </Form>
    </section>
  );
}

export default function UsersPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const language = useLanguage();
  const busy = navigation.state !== "idle";
  const inviteErrors = result?.intent === "invite" ? (result.errors ?? {}) : {};
  const ssmName = nameIn(view.ssm, language);
  return (
    <>
      <h1>{t("admin.users.title")}</h1>
      <AdminNav />
      <p>{t("admin.users.intro", { ssm: ssmName })}</p>
      {result?.done ? (
        <p className="notice-success" role="status">
          {t(result.done.key, result.done.vars)}
        </p>
      ) : null}
      {result?.refused ? (
        <div className="error-summary" role="alert">
          <p>{t(result.refused)}</p>
        </div>
      ) : null}
      {view.selected ? <ManagePanel person={view.selected} busy={busy} /> : null}
      <DataTable
        caption={t("admin.users.caption")}
        rows={view.users}
        rowKey={(u) => u.id}
        columns={[
          {
            id: "name",
            header: t("admin.users.col.name"),
            rowHeader: true,
            cell: (u) => (
              <>
                {u.display_name}
                {u.isSelf ? <> {t("admin.users.you")}</> : null}
              </>
            ),
          },
          { id: "email", header: t("admin.users.col.email"), cell: (u) => u.email },
          { id: "role", header: t("admin.users.col.role"), cell: (u) => t(`admin.role.${u.role}`) },
          { id: "organization", header: t("admin.users.col.organization"), cell: (u) => organizationName(u, language) },
          { id: "status", header: t("admin.users.col.status"), cell: (u) => statusText(t, u, language) },
          {
            id: "action",
            header: t("admin.users.col.action"),
            cell: (u) => (u.isSelf ? "—" : <Link to={`/admin/users?user=${u.id}`}>{t("admin.users.manage")}</Link>),
          },
        ]}
      />
      {view.selected ? null : (
        <InviteForm
          providers={view.providers}
          errors={inviteErrors}
          values={result?.intent === "invite" ? (result.values ?? {}) : {}}
          resetKey={view.users.length}
          busy={busy}
        />
      )}
    </>
  );
}
