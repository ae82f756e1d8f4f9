import type { Context } from "hono";
import { CommandError, runCommand } from "../../platform/commands.ts";
import { FileRejected, storeFile } from "../../platform/files/store.ts";
import { errorResponse, notFound } from "../../platform/http/errors.tsx";
import { allowed } from "../../platform/http/guards.ts";
import { page } from "../../platform/http/render.tsx";
import { intParam } from "../../platform/http/request.ts";
import type { Actor, App, AppEnv } from "../../platform/http/types.ts";
import { parseArticleForm, parseLocalDateTime } from "./articleForm.ts";
import { changeArticleState } from "./commands/changeArticleState.ts";
import { createArticle, updateArticle } from "./commands/saveArticle.ts";
import { canEditNews } from "./policy.ts";
import { type Article, articleById, listForEditors, revisionsOf, viewsOf } from "./queries/articles.ts";
import { requireSecondEditor } from "./settings.ts";
import type { ArticleAction } from "./states.ts";
import { ArticleForm, type ArticleFormState, EditorList, EditPage } from "./views/editorPages.tsx";

const ACTIONS: readonly ArticleAction[] = ["publish", "schedule", "unschedule", "unpublish", "to_draft"];
const DONE = new Set([
  "created",
  "saved",
  "publish",
  "requested",
  "schedule",
  "unschedule",
  "unpublish",
  "to_draft",
]);

const cmd = (c: Context<AppEnv>, actor: Actor) => ({
  pool: c.get("deps").pool,
  clock: c.get("deps").clock,
  actorId: actor.id,
});

/** A multipart body: the strings, and the uploaded file of `fileField` if one was chosen. */
async function multipart(
  c: Context<AppEnv>,
  fileField: string,
): Promise<{ values: Record<string, string>; file: File | null }> {
  const body = await c.req.parseBody();
  const values: Record<string, string> = {};
  let file: File | null = null;
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string") values[k] = v;
    else if (k === fileField && v instanceof File && v.size > 0) file = v;
  }
  return { values, file };
}

/** Stores an uploaded photo (checked by content and size) and registers it as a news image. */
async function storeImage(c: Context<AppEnv>, actor: Actor, file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return runCommand(cmd(c, actor), "news.image.upload", async (client) => {
    const stored = await storeFile(client, bytes, ["photo"]);
    if (stored.mime === "image/heic") throw new FileRejected("files.error.type"); // browsers cannot show it
    await client.query(
      "INSERT INTO news_images (key, mime, uploaded_by) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING",
      [stored.key, stored.mime, actor.id],
    );
    return { result: stored.key, subjectType: "news_image", subjectId: stored.key };
  });
}

function valuesOf(a: Article): Record<string, string> {
  return {
    title: a.title,
    summary: a.summary,
    body: a.body_html,
    category: a.category,
    tags: a.tags.join(", "),
    coverCaption: a.cover_caption ?? "",
    dialogueId: a.dialogue_id ? String(a.dialogue_id) : "",
    directiveId: a.directive_id ? String(a.directive_id) : "",
    clusterId: a.cluster_id ? String(a.cluster_id) : "",
    revision: String(a.revision),
  };
}

async function editPage(
  c: Context<AppEnv>,
  article: Article,
  opts: {
    form?: ArticleFormState;
    schedule?: ArticleFormState;
    error?: string | null;
    uploaded?: string | null;
    status?: 200 | 409 | 422;
  },
) {
  const deps = c.get("deps");
  const [revisions, views] = await Promise.all([
    revisionsOf(deps.pool, article.id),
    viewsOf(deps.pool, article.id),
  ]);
  const done = c.req.query("done") ?? "";
  return page(
    c,
    c.get("t")("news.editor.edit", { title: article.title }),
    (ctx) => (
      <EditPage
        ctx={ctx}
        article={article}
        form={opts.form ?? { values: valuesOf(article), errors: {} }}
        schedule={opts.schedule ?? { values: {}, errors: {} }}
        done={DONE.has(done) ? `news.done.${done}` : null}
        error={opts.error ?? null}
        uploaded={opts.uploaded ?? null}
        revisions={revisions}
        views={views}
      />
    ),
    { status: opts.status ?? 200 },
  );
}

function newPage(c: Context<AppEnv>, form: ArticleFormState, status: 200 | 422 = 200) {
  const t = c.get("t");
  return page(
    c,
    t("news.editor.new"),
    (ctx) => (
      <>
        <h1>{t("news.editor.new")}</h1>
        <ArticleForm
          ctx={ctx}
          action="/tin-tuc/quan-tri/moi"
          form={form}
          article={null}
          submit={t("news.editor.create")}
        />
      </>
    ),
    { status },
  );
}

/** The editors' pages: list, write, edit (each save a revision), upload pictures, publish. */
export function newsEditorRoutes(app: App): void {
  app.get(
    "/tin-tuc/quan-tri",
    allowed(canEditNews, async (c) => {
      const state = c.req.query("state") ?? "";
      const valid = ["draft", "scheduled", "published", "unpublished"].includes(state) ? state : "";
      const p = Math.min(1000, intParam(c.req.query("page")) ?? 1) || 1;
      const rows = await listForEditors(c.get("deps").pool, {
        state: valid || undefined,
        limit: 31,
        offset: (p - 1) * 30,
      });
      const done = c.req.query("done") ?? "";
      return page(
        c,
        c.get("t")("news.editor.title"),
        (ctx) => (
          <EditorList
            ctx={ctx}
            rows={rows.slice(0, 30)}
            state={valid}
            page={p}
            hasNext={rows.length > 30}
            done={DONE.has(done) ? `news.done.${done}` : null}
          />
        ),
        { wide: true },
      );
    }),
  );

  app.get(
    "/tin-tuc/quan-tri/moi",
    allowed(canEditNews, (c) => newPage(c, { values: { category: "doi-thoai" }, errors: {} })),
  );

  app.post(
    "/tin-tuc/quan-tri/moi",
    allowed(canEditNews, async (c, actor) => {
      const { values, file } = await multipart(c, "cover");
      const parsed = parseArticleForm(values);
      if (!parsed.ok) return newPage(c, { values, errors: parsed.errors }, 422);
      let coverKey: string | null = null;
      if (file) {
        try {
          coverKey = await storeImage(c, actor, file);
        } catch (err) {
          if (err instanceof FileRejected)
            return newPage(c, { values, errors: { cover: "news.error.image" } }, 422);
          throw err;
        }
      }
      const created = await createArticle(cmd(c, actor), { ...parsed.fields, coverKey });
      return c.redirect(`/tin-tuc/quan-tri/${created.id}?done=created`, 303);
    }),
  );

  app.get(
    "/tin-tuc/quan-tri/:id{[0-9]+}",
    allowed(canEditNews, async (c) => {
      const id = intParam(c.req.param("id"));
      const a = id ? await articleById(c.get("deps").pool, id) : null;
      return a ? editPage(c, a, {}) : notFound(c);
    }),
  );

  app.post(
    "/tin-tuc/quan-tri/:id{[0-9]+}",
    allowed(canEditNews, async (c, actor) => {
      const id = intParam(c.req.param("id"));
      const a = id ? await articleById(c.get("deps").pool, id) : null;
      if (!a) return notFound(c);
      const { values, file } = await multipart(c, "cover");
      const parsed = parseArticleForm(values);
      if (!parsed.ok) return editPage(c, a, { form: { values, errors: parsed.errors }, status: 422 });
      let coverKey: string | null = null;
      if (file) {
        try {
          coverKey = await storeImage(c, actor, file);
        } catch (err) {
          if (err instanceof FileRejected)
            return editPage(c, a, { form: { values, errors: { cover: "news.error.image" } }, status: 422 });
          throw err;
        }
      }
      try {
        await updateArticle(cmd(c, actor), a.id, intParam(values.revision) ?? -1, {
          ...parsed.fields,
          coverKey,
        });
      } catch (err) {
        if (err instanceof CommandError)
          return editPage(c, a, {
            form: { values, errors: { [err.field ?? "title"]: err.messageKey } },
            status: 409,
          });
        throw err;
      }
      return c.redirect(`/tin-tuc/quan-tri/${a.id}?done=saved`, 303);
    }),
  );

  app.post(
    "/tin-tuc/quan-tri/:id{[0-9]+}/anh",
    allowed(canEditNews, async (c, actor) => {
      const id = intParam(c.req.param("id"));
      const a = id ? await articleById(c.get("deps").pool, id) : null;
      if (!a) return notFound(c);
      const { file } = await multipart(c, "image");
      if (!file) return editPage(c, a, { error: "news.error.image", status: 422 });
      try {
        const key = await storeImage(c, actor, file);
        return editPage(c, a, { uploaded: `/news/images/${key}` });
      } catch (err) {
        if (err instanceof FileRejected) return editPage(c, a, { error: "news.error.image", status: 422 });
        throw err;
      }
    }),
  );

  app.post(
    "/tin-tuc/quan-tri/:id{[0-9]+}/:action{[a-z_]+}",
    allowed(canEditNews, async (c, actor) => {
      const id = intParam(c.req.param("id"));
      const action = c.req.param("action") as ArticleAction;
      if (!id || !ACTIONS.includes(action)) return notFound(c);
      const a = await articleById(c.get("deps").pool, id);
      if (!a) return notFound(c);
      let scheduledAt: Date | undefined;
      if (action === "schedule") {
        const body = await c.req.parseBody();
        const text = typeof body.scheduledAt === "string" ? body.scheduledAt : "";
        scheduledAt = parseLocalDateTime(text);
        if (!scheduledAt)
          return editPage(c, a, {
            schedule: { values: { scheduledAt: text }, errors: { scheduledAt: "news.error.scheduleFuture" } },
            status: 422,
          });
      }
      try {
        const result = await changeArticleState(cmd(c, actor), a.id, action, {
          requireSecondEditor: requireSecondEditor(),
          scheduledAt,
        });
        return c.redirect(
          `/tin-tuc/quan-tri/${a.id}?done=${result === "requested" ? "requested" : action}`,
          303,
        );
      } catch (err) {
        if (err instanceof CommandError && err.field === "scheduledAt")
          return editPage(c, a, {
            schedule: { values: {}, errors: { scheduledAt: err.messageKey } },
            status: 422,
          });
        if (err instanceof CommandError) return editPage(c, a, { error: err.messageKey, status: 409 });
        throw err;
      }
    }),
  );

  // editors reach drafts through the public address too (a preview), others get a 404 there
  app.get(
    "/tin-tuc/quan-tri/:id{[0-9]+}/xem",
    allowed(canEditNews, async (c) => {
      const id = intParam(c.req.param("id"));
      const a = id ? await articleById(c.get("deps").pool, id) : null;
      return a ? c.redirect(`/tin-tuc/${a.slug}`, 303) : errorResponse(c, 404);
    }),
  );
}
