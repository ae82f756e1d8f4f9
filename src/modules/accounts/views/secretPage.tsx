import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";

/**
 * A temporary password or an API token, shown once: it is stored only hashed and this page is not cached.
 * The advice says how to hand it over.
 */
export const SecretPage: FC<{
  ctx: PageContext;
  heading: string;
  lead: string;
  facts: [string, string][];
  secretLabel: string;
  secret: string;
  advice: string[];
  links: { href: string; label: string }[];
}> = (p) => (
  <section>
    <h1>{p.heading}</h1>
    <div class="alert ok" role="status">
      {p.lead}
    </div>
    <dl class="facts">
      {p.facts.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
    <h2 id="secret-label">{p.secretLabel}</h2>
    <pre class="secret" tabindex={0}>
      <code>{p.secret}</code>
    </pre>
    <div class="alert warn">
      <ul>
        {p.advice.map((a) => (
          <li>{a}</li>
        ))}
      </ul>
    </div>
    <div class="actions">
      {p.links.map((l, i) => (
        <a class={i === 0 ? "button" : "button secondary"} href={l.href}>
          {l.label}
        </a>
      ))}
    </div>
  </section>
);
