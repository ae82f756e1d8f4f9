/**
 * A tiny browser for integration tests: it keeps cookies between requests, follows redirects like a browser
 * (303 → GET), and sends the `_csrf` token found in the last page it saw with every form it posts.
 *
 *   const b = new Browser(app);
 *   await b.login("demo-admin", "password");
 *   const res = await b.post("/admin/units/new?parent=5", { name: "Khe Tâm", type: "thon" });
 *   assert.equal(res.status, 200); assert.match(res.html, /Khe Tâm/);
 */

/** Anything with Hono's `app.request(url, init)`. */
export type RequestTarget = { request(input: string, init?: RequestInit): Response | Promise<Response> };

export type Page = {
  /** Status of the last response (after redirects, unless `redirect: "manual"`). */
  status: number;
  /** Path and query of the last request. */
  url: string;
  /** Redirect target of the last response, if it was one. */
  location: string | null;
  headers: Headers;
  html: string;
  /** Every path that redirected on the way here. */
  redirects: string[];
};

export type RequestOptions = { redirect?: "follow" | "manual"; headers?: Record<string, string> };

const BASE = "http://localhost";

export class Browser {
  readonly cookies = new Map<string, string>();
  /** The last page received. */
  last: Page | null = null;

  constructor(private readonly app: RequestTarget) {}

  /** The CSRF token of the last page seen (every form carries it). */
  csrf(): string {
    const html = this.last?.html ?? "";
    const m =
      /<input[^>]*name="_csrf"[^>]*value="([^"]+)"/.exec(html) ??
      /<input[^>]*value="([^"]+)"[^>]*name="_csrf"/.exec(html);
    if (!m?.[1]) throw new Error(`no _csrf field on the last page (${this.last?.url ?? "none yet"})`);
    return m[1];
  }

  get(path: string, options: RequestOptions = {}): Promise<Page> {
    return this.send("GET", path, undefined, options);
  }

  /**
   * Posts a form: a plain object is sent url-encoded, FormData as multipart (for uploads). The CSRF token
   * is added from the last page when the form has none; GET a page with a form first.
   */
  async post(
    path: string,
    form: Record<string, string> | FormData = {},
    options: RequestOptions = {},
  ): Promise<Page> {
    if (!this.last) await this.get("/login");
    if (form instanceof FormData) {
      if (!form.has("_csrf")) form.append("_csrf", this.csrf());
      return this.send("POST", path, form, options);
    }
    const body = new URLSearchParams({ _csrf: this.csrf(), ...form });
    return this.send("POST", path, body, options);
  }

  /** Logs in through the login form; throws unless the app redirected away from it. */
  async login(username: string, password: string): Promise<Page> {
    await this.get("/login");
    const page = await this.post("/login", { username, password });
    if (page.redirects.length === 0) throw new Error(`login failed for ${username}: ${page.status}`);
    return page;
  }

  async logout(): Promise<void> {
    await this.post("/logout", {});
    this.cookies.clear();
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keepCookies(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k = "", v = ""] = a.split("=").map((s) => s.trim());
        if (k.toLowerCase() === "max-age") return Number(v) <= 0;
        if (k.toLowerCase() === "expires") return new Date(v).getTime() <= Date.now();
        return false;
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private async send(
    method: string,
    path: string,
    body: URLSearchParams | FormData | undefined,
    options: RequestOptions,
  ): Promise<Page> {
    const redirects: string[] = [];
    let url = path;
    let currentMethod = method;
    let currentBody = body;
    for (let hop = 0; hop < 10; hop++) {
      const headers: Record<string, string> = { ...options.headers };
      const cookie = this.cookieHeader();
      if (cookie) headers.cookie = cookie;
      if (currentBody instanceof URLSearchParams)
        headers["content-type"] = "application/x-www-form-urlencoded";
      const res = await this.app.request(`${BASE}${url}`, {
        method: currentMethod,
        headers,
        body: currentBody,
        redirect: "manual",
      });
      this.keepCookies(res);
      const location = res.headers.get("location");
      if (location && res.status >= 300 && res.status < 400 && options.redirect !== "manual") {
        await res.arrayBuffer();
        redirects.push(url);
        const next = new URL(location, `${BASE}${url}`);
        url = next.pathname + next.search;
        if (res.status !== 307 && res.status !== 308) {
          currentMethod = "GET";
          currentBody = undefined;
        }
        continue;
      }
      const type = res.headers.get("content-type") ?? "";
      const html = /^(text\/|application\/json)/.test(type) || type === "" ? await res.text() : "";
      const page: Page = { status: res.status, url, location, headers: res.headers, html, redirects };
      // Keep the last HTML page so its CSRF token is at hand; a CSV download does not replace it.
      if (type.startsWith("text/html") || !this.last) this.last = page;
      return page;
    }
    throw new Error(`too many redirects from ${path}`);
  }
}

/** The text of an HTML page without tags, whitespace collapsed: for asserting what a person reads. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
