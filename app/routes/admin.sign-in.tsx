import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { requirePermission } from "../auth/require-permission.server";
import { DataTable } from "../components/data-table";
import { ErrorSummary } from "../components/error-summary";
import { TextField } from "../components/form-fields";
import { useT } from "../hooks/use-translation";
import { listSignInSettingsViews, updateSignInSettings } from "../services/sign-in-settings.server";
import { parseForm } from "../utils/form";
import { pageTitle } from "../utils/meta";
import { oidcRedirectUri, siteOrigin } from "../utils/oidc-cookie.server";
import { readForm } from "../utils/read-form.server";
import { invalidFormResponse, refusalResponse } from "../utils/refusal-response.server";
import { settingsSchema } from "../forms/sign-in-settings.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signIn.admin.title");

// The administrator sets each organization's OpenID Connect provider (issue #22). The secret is
// write-only: the page says whether one is kept, never what it is.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, "sign_in.configure");
  const organizations = await listSignInSettingsViews(context.db);
  const selected = new URL(request.url).searchParams.get("organization");
  return {
    organizations,
    selected: organizations.find((o) => o.organizationSlug === selected) ?? null,
    redirectUri: oidcRedirectUri(request),
    logoutUri: `${siteOrigin(request)}/`,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "sign_in.configure");
  const parsed = parseForm(settingsSchema, await readForm(request));
  // What was typed is never sent back: the secret field must not echo.
  if (!parsed.ok) return invalidFormResponse(parsed, { saved: false });
  const d = parsed.data;
  const result = await updateSignInSettings({
    db: context.db,
    actor: user,
    settings: {
      organizationSlug: d.organization,
      issuer: d.issuer,
      clientId: d.clientId,
      clientSecret: d.clientSecret,
      removeSecret: d.removeSecret === "on",
      providerLabel: d.providerLabel,
      passwordsAllowed: d.passwordsAllowed === "on",
    },
    now: new Date(),
  });
  if (!result.ok) return refusalResponse(result, { saved: false });
  return { saved: true, errors: null, refused: null };
}

export default function SignInAdminPage() {
  const { organizations, selected, redirectUri, logoutUri } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  // Once saved, the typed secret leaves the page too (the fields go back to what was saved).
  useEffect(() => {
    if (result?.saved) form.current?.reset();
  }, [result]);
  const labels: Record<string, string> = {
    issuer: t("signIn.admin.issuer"),
    clientId: t("signIn.admin.clientId"),
    clientSecret: t("signIn.admin.clientSecret"),
    providerLabel: t("signIn.admin.label"),
    passwordsAllowed: t("signIn.admin.passwordsAllowed"),
  };
  return (
    <>
      <h1>{t("signIn.admin.title")}</h1>
      <p>{t("signIn.admin.intro", { redirectUri, logoutUri })}</p>
      {result?.saved ? (
        <p className="notice-success" role="status">
          {t("signIn.admin.saved")}
        </p>
      ) : null}
      {result?.refused ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{t(result.refused)}</p>
        </div>
      ) : null}
      {result?.errors ? <ErrorSummary errors={result.errors} labels={labels} /> : null}
      {selected ? (
        selected.fromEnvironment ? (
          <p>{t("signIn.admin.fromEnvironment")}</p>
        ) : (
          <Form method="post" className="stack" key={selected.organizationSlug} ref={form}>
            <h2>{selected.nameEn}</h2>
            <input type="hidden" name="organization" value={selected.organizationSlug} />
            <TextField
              name="issuer"
              label={labels.issuer!}
              defaultValue={selected.issuer ?? ""}
              errors={result?.errors ?? undefined}
            />
            <TextField
              name="clientId"
              label={labels.clientId!}
              defaultValue={selected.clientId ?? ""}
              errors={result?.errors ?? undefined}
            />
            <TextField
              name="clientSecret"
              type="password"
              autoComplete="new-password"
              label={labels.clientSecret!}
              hint={selected.hasSecret ? t("signIn.admin.secretKept") : t("signIn.admin.secretNone")}
              errors={result?.errors ?? undefined}
            />
            {selected.hasSecret ? (
              <div className="choice">
                <input type="checkbox" id="removeSecret" name="removeSecret" />
                <label htmlFor="removeSecret">{t("signIn.admin.removeSecret")}</label>
              </div>
            ) : null}
            <TextField
              name="providerLabel"
              label={labels.providerLabel!}
              defaultValue={selected.providerLabel ?? ""}
              errors={result?.errors ?? undefined}
            />
            <div className="choice">
              <input
                type="checkbox"
                id="passwordsAllowed"
                name="passwordsAllowed"
                defaultChecked={selected.passwordsAllowed}
                aria-describedby={result?.errors?.passwordsAllowed ? "passwordsAllowed-error" : undefined}
              />
              <label htmlFor="passwordsAllowed">{labels.passwordsAllowed}</label>
              {result?.errors?.passwordsAllowed ? (
                <p className="field-error" id="passwordsAllowed-error">
                  {t(result.errors.passwordsAllowed.key)}
                </p>
              ) : null}
            </div>
            <button type="submit">{t("signIn.admin.save", { organization: selected.nameEn })}</button>
          </Form>
        )
      ) : null}
      <DataTable
        caption={t("signIn.admin.title")}
        captionHidden
        rows={organizations}
        rowKey={(o) => o.organizationSlug}
        columns={[
          {
            id: "organization",
            header: t("signIn.admin.organization"),
            rowHeader: true,
            cell: (o) => <Link to={`?organization=${encodeURIComponent(o.organizationSlug)}`}>{o.nameEn}</Link>,
          },
          {
            id: "provider",
            header: t("signIn.admin.issuer"),
            cell: (o) =>
              o.issuer && o.clientId && o.hasSecret
                ? `${t("signIn.admin.configured")}: ${o.issuer}`
                : t("signIn.admin.notConfigured"),
          },
          {
            id: "passwords",
            header: t("signIn.admin.passwordsAllowed"),
            cell: (o) => (o.passwordsAllowed ? "✓" : "✗"),
          },
        ]}
      />
    </>
  );
}
