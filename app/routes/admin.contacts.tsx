import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { invalidFormResponse } from "../utils/refusal-response.server";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AdminNav } from "../components/admin-nav";
import { ErrorSummary } from "../components/error-summary";
import { TextArea, TextField } from "../components/form-fields";
import { useLanguage, useT } from "../hooks/use-translation";
import { contactsAdminView, saveSsmContacts } from "../services/ssm-organizations.server";
import { parseForm } from "../utils/form";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { requirePermission } from "../auth/require-permission.server";
import { readForm } from "../utils/read-form.server";
import { nameIn } from "../i18n/localized";
import { TEXT_LIMITS } from "../domain/text-limits";
import { contactsInputSchema } from "../forms/admin-contacts.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.nav.contacts");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "organizations.manage");
  const view = await contactsAdminView({ db: context.db, user });
  if (!view) throw notFound();
  return view;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "organizations.manage");
  const parsed = parseForm(contactsInputSchema, await readForm(request));
  if (!parsed.ok) return invalidFormResponse(parsed, { values: parsed.values, saved: false });
  if (!(await saveSsmContacts({ db: context.db, user, contacts: parsed.data, now: new Date() }))) throw notFound();
  return { errors: null, values: null, saved: true };
}

export default function ContactsPage() {
  const { area, ssm, contacts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const language = useLanguage();
  const errors = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const value = (name: keyof typeof contacts) => values[name] ?? contacts[name] ?? "";
  const labels = {
    email: t("admin.contacts.email"),
    phone: t("admin.contacts.phone"),
    address: t("admin.contacts.address"),
    inPerson: t("admin.contacts.inPerson"),
  };
  return (
    <>
      <h1>{t("admin.contacts.title", { ssm: nameIn(ssm, language) })}</h1>
      <AdminNav />
      <p>{t("admin.contacts.intro")}</p>
      {result?.saved ? (
        <p className="notice-success" role="status">
          {t("admin.contacts.done")}
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      {/* Keyed on what is stored, so a saved form shows the saved (trimmed) values. */}
      <Form method="post" noValidate className="stack" key={JSON.stringify(contacts)}>
        <TextField
          name="email"
          type="email"
          label={labels.email}
          errors={errors}
          maxLength={TEXT_LIMITS.email}
          autoComplete="off"
          defaultValue={value("email")}
        />
        <TextField
          name="phone"
          type="tel"
          label={labels.phone}
          hint={t("admin.contacts.phone.hint")}
          errors={errors}
          maxLength={TEXT_LIMITS.phone}
          autoComplete="off"
          defaultValue={value("phone")}
        />
        <TextArea
          name="address"
          label={labels.address}
          errors={errors}
          maxLength={TEXT_LIMITS.address}
          rows={3}
          defaultValue={value("address")}
        />
        <TextArea
          name="inPerson"
          label={labels.inPerson}
          hint={t("admin.contacts.inPerson.hint")}
          errors={errors}
          maxLength={TEXT_LIMITS.address}
          rows={3}
          defaultValue={value("inPerson")}
        />
        <button type="submit" disabled={navigation.state !== "idle"}>
          {t("admin.contacts.submit")}
        </button>
      </Form>
      <p>
        <Link to={`/process/${area.slug}`}>{t("admin.contacts.see")}</Link>
      </p>
    </>
  );
}
