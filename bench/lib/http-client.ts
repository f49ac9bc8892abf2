import { Agent, request } from "node:http";

// A keep-alive HTTP client on node:http: fetch's pool adds its own queueing, and the load test needs
// exactly N sockets for N clients.

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

export function httpRequest(
  agent: Agent,
  url: string,
  options: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

/** Signs in through the real form and returns the session cookie to send back. */
export async function signIn(agent: Agent, baseUrl: string, email: string, password: string): Promise<string> {
  const res = await httpRequest(agent, `${baseUrl}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ email, password }).toString(),
  });
  const setCookie = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  const session = setCookie.map((c) => c.split(";")[0]!).find((c) => c.includes("recourse_session="));
  if (res.status !== 302 || !session)
    throw new Error(`Sign-in as ${email} failed: ${res.status} ${res.body.slice(0, 300)}`);
  return session;
}
