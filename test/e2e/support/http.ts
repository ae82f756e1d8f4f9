import { SESSION_COOKIE } from "../../../src/platform/http/types.ts";

// A tiny cookie-keeping HTTP client for talking to the running app the way a browser without JavaScript
// would: GET a form, take its CSRF token, POST it back with the same cookies. Redirects are not followed, so
// a test sees the 303 that acknowledges a write.

export type HttpResponse = { status: number; location: string | null; body: string; headers: Headers };

export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private remember(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k = "", v = ""] = a.trim().split("=");
        if (k.toLowerCase() === "max-age") return Number(v) <= 0;
        if (k.toLowerCase() === "expires") return Date.parse(v) < Date.now();
        return false;
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: "GET" | "POST", path: string, form?: Record<string, string>): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: "text/html" };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    }
    let body: string | undefined;
    if (form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(form).toString();
    }
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    this.remember(res.headers);
    return {
      status: res.status,
      location: res.headers.get("location"),
      body: await res.text(),
      headers: res.headers,
    };
  }

  get(path: string): Promise<HttpResponse> {
    return this.request("GET", path);
  }

  /** GETs the page holding the form, then POSTs the fields with that page's CSRF token. */
  async submit(formPage: string, action: string, fields: Record<string, string>): Promise<HttpResponse> {
    const page = await this.get(formPage);
    if (page.status !== 200) throw new Error(`GET ${formPage} answered ${page.status}`);
    return this.request("POST", action, { _csrf: csrfToken(page.body), ...fields });
  }
}

export function csrfToken(html: string): string {
  const m = /name="_csrf"\s+value="([^"]+)"/.exec(html) ?? /value="([^"]+)"\s+name="_csrf"/.exec(html);
  if (!m?.[1]) throw new Error("no _csrf field in the page");
  return m[1];
}

/** Logs in through the form; ok means a 303 away from /login with a session cookie. */
export async function logIn(
  baseUrl: string,
  username: string,
  password: string,
): Promise<{ ok: boolean; status: number; location: string | null; session: HttpSession; body: string }> {
  const session = new HttpSession(baseUrl);
  const res = await session.submit("/login", "/login", { username, password, next: "" });
  const ok =
    res.status === 303 &&
    res.location !== null &&
    !res.location.startsWith("/login") &&
    session.cookie(SESSION_COOKIE) !== undefined;
  return { ok, status: res.status, location: res.location, session, body: res.body };
}
