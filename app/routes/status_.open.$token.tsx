import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "../hooks/use-translation";
import { caseAccessLinkIsUsable, openCaseByLink } from "../services/case-access.server";
import { FILER_ACCESS_MS } from "../services/case-lookup.server";
import { filerAccessCookie } from "../utils/filer-access.server";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "openLink.title");

// Opening the link (GET) only shows a button: mail scanners open links before people do, and must
// not use up a single-use link. Pressing the button (POST) uses it (clarifications, #18).
export async function loader({ params, context }: LoaderFunctionArgs) {
  const usable = await caseAccessLinkIsUsable(context.db, params.token ?? "", new Date());
  return data({ usable }, { status: usable ? 200 : 410 });
}

export async function action({ params, context }: ActionFunctionArgs) {
  const token = await openCaseByLink({ db: context.db, token: params.token ?? "", now: new Date() });
  if (!token) return redirect(`/status/open/${encodeURIComponent(params.token ?? "")}`);
  return redirect("/status", { headers: { "Set-Cookie": filerAccessCookie(token, FILER_ACCESS_MS / 1000) } });
}

export default function OpenByLink() {
  const { usable } = useLoaderData<typeof loader>();
  const t = useT();
  if (!usable) {
    return (
      <>
        <h1>{t("openLink.used.title")}</h1>
        <p>{t("openLink.used.text")}</p>
        <ul>
          <li>
            <Link to="/status/lost">{t("status.lost.link")}</Link>
          </li>
          <li>
            <Link to="/status">{t("openLink.useCode")}</Link>
          </li>
        </ul>
      </>
    );
  }
  return (
    <>
      <h1>{t("openLink.title")}</h1>
      <p>{t("openLink.text")}</p>
      <Form method="post" reloadDocument>
        <button type="submit">{t("openLink.submit")}</button>
      </Form>
    </>
  );
}
