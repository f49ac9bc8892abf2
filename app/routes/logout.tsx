import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "../services/auth.server";
import { clearedSessionCookie, sessionTokenOf } from "../utils/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const token = sessionTokenOf(request);
  if (token) await signOut(context.db, token, new Date());
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export async function loader() {
  return redirect("/");
}
