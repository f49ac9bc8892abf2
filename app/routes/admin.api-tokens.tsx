import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AdminNav } from "../components/admin-nav";
import { ErrorSummary } from "../components/error-summary";
import { RadioGroup, SelectField, TextField } from "../components/form-fields";
import { roleMay } from "../domain/access";
import { API_TOKEN_ACCESS } from "../domain/api-token-access";
import { useLanguage, useT } from "../hooks/use-translation";
import { nameIn } from "../i18n/localized";
import { requirePermission } from "../auth/require-permission.server";
import { apiTokensView, issueApiToken, revokeApiTokenAs } from "../services/api-tokens.server";
import { formatDateTime } from "../utils/format-date";
import { parseForm } from "../utils/form";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { readForm } from "../utils/read-form.server";
import { invalidFormResponse, refusalResponse } from "../utils/refusal-response.server";
import { formSchema } from "../forms/api-tokens.server";

// API tokens (issue #22): a manager issues them for the own SSM, the administrator for any SSM or
// the ministry. A token is shown once, in this action's answer, and never again.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "apiTokens.title");

const ACCESS = API_TOKEN_ACCESS;
const ACCESS_LABEL = {
  "cases.read": "apiTokens.access.read",
  "cases.read cases.act": "apiTokens.access.act",
  "reports.read": "apiTokens.access.reports",
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "api_tokens.manage");
  const view = await apiTokensView({ db: context.db, user });
  if (!view) throw notFound();
  return { ...view, isAdmin: roleMay(user.role, "report.read_province") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "api_tokens.manage");
  const parsed = parseForm(formSchema, await readForm(request));
  if (!parsed.ok) return invalidFormResponse(parsed, { token: null, revoked: false });
  const now = new Date();
  if (parsed.data.intent === "revoke") {
    const result = await revokeApiTokenAs({ db: context.db, user, tokenId: parsed.data.tokenId, now });
    if (!result.ok) return refusalResponse(result, { token: null, revoked: false });
    return { errors: null, refused: null, token: null, revoked: true };
  }
  const result = await issueApiToken({
    db: context.db,
    user,
    organizationId: parsed.data.organizationId,
    name: parsed.data.name,
    scopes: parsed.data.access.split(" "),
    now,
  });
  if (!result.ok) return refusalResponse(result, { token: null, revoked: false });
  return { errors: null, refused: null, token: result.token, revoked: false };
}

export default function ApiTokensPage() {
  const { organizations, tokens, isAdmin } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const language = useLanguage();
  const errors = result?.errors ?? {};
  const labels = {
    organizationId: t("apiTokens.organization"),
    name: t("apiTokens.name"),
    access: t("apiTokens.access"),
  };
  return (
    <>
      <h1>{t("apiTokens.title")}</h1>
      {isAdmin ? null : <AdminNav />}
      <p>{t("apiTokens.intro")}</p>
      {result?.token ? (
        <div className="notice-success" role="status">
          <p>{t("apiTokens.shownOnce")}</p>
          <p>
            <code data-testid="new-api-token">{result.token}</code>
          </p>
        </div>
      ) : null}
      {result?.revoked ? (
        <p className="notice-success" role="status">
          {t("apiTokens.revoked")}
        </p>
      ) : null}
      {result?.refused ? (
        <p role="alert" className="notice-error">
          {t(result.refused)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      <h2>{t("apiTokens.issue")}</h2>
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="issue" />
        <SelectField
          name="organizationId"
          label={labels.organizationId}
          required
          errors={errors}
          options={organizations.map((o) => ({ value: String(o.id), label: nameIn(o, language) }))}
        />
        <TextField
          name="name"
          label={labels.name}
          hint={t("apiTokens.name.hint")}
          required
          errors={errors}
          maxLength={100}
        />
        <RadioGroup
          name="access"
          label={labels.access}
          required
          errors={errors}
          options={ACCESS.map((a) => ({ value: a, label: t(ACCESS_LABEL[a]) }))}
        />
        <button type="submit" disabled={navigation.state !== "idle"}>
          {t("apiTokens.issue.submit")}
        </button>
      </Form>
      <h2>{t("apiTokens.list")}</h2>
      {tokens.length === 0 ? (
        <p>{t("apiTokens.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("apiTokens.name")}</th>
              <th scope="col">{t("apiTokens.organization")}</th>
              <th scope="col">{t("apiTokens.access")}</th>
              <th scope="col">{t("apiTokens.col.created")}</th>
              <th scope="col">{t("apiTokens.col.lastUsed")}</th>
              <th scope="col">{t("apiTokens.col.state")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>
                  {token.name} <code>{token.prefix}…</code>
                </td>
                <td>{language === "fr" ? token.organization_name_fr : token.organization_name_en}</td>
                <td>{token.scopes.join(", ")}</td>
                <td>
                  {formatDateTime(token.created_at, language)} ({token.created_by_name})
                </td>
                <td>{token.last_used_at ? formatDateTime(token.last_used_at, language) : t("apiTokens.never")}</td>
                <td>
                  {token.revoked_at ? (
                    t("apiTokens.state.revoked")
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="tokenId" value={token.id} />
                      <button type="submit" aria-label={t("apiTokens.revoke.label", { name: token.name })}>
                        {t("apiTokens.revoke")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
