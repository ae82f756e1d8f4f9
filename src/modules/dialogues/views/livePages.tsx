import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import type { Locale, Translate } from "../../../platform/i18n/i18n.ts";
import type { LiveState } from "../queries/liveState.ts";
import { LivePanel } from "./parts.tsx";

/**
 * The projector: its own document (no site header), large type. Without JavaScript it reloads itself every
 * 10 seconds (a meta refresh inside <noscript>, which the CSP allows); with it, SSE updates it in place.
 */
export const PresenterPage: FC<{ t: Translate; locale: Locale; s: LiveState; id: number }> = ({
  t,
  locale,
  s,
  id,
}) => (
  <html lang={locale}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${s.title} · ${t("dialogues.link.presenter")}`}</title>
      <noscript>
        <meta http-equiv="refresh" content="10" />
      </noscript>
      <link rel="stylesheet" href="/assets/app.css" />
      <script src="/assets/dialogue-live.js" defer />
    </head>
    <body class="presenter">
      <main id="main">
        <h1 class="presenter-title">{s.title}</h1>
        <LivePanel t={t} s={s} id={id} />
      </main>
    </body>
  </html>
);

/** The participants' phones: the same live panel inside the site's layout, with a refresh link for no-JS. */
export const LivePhonePage: FC<{ ctx: PageContext; s: LiveState; id: number }> = ({ ctx, s, id }) => (
  <div class="live-phone">
    <p class="muted">
      <a href={`/dialogues/${id}`}>{s.title}</a>
    </p>
    <h1>{ctx.t("dialogues.live.title")}</h1>
    <LivePanel t={ctx.t} s={s} id={id} />
    <p class="no-js-refresh">
      <a href={`/dialogues/${id}/live`}>{ctx.t("dialogues.live.refresh")}</a>
    </p>
    <script src="/assets/dialogue-live.js" defer />
  </div>
);
