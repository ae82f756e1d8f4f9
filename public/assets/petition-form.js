// The petition form: similar petitions shown while the text is typed. Progressive enhancement only — without
// this file the "Kiểm tra kiến nghị tương tự" button does the same by re-rendering the form.
(() => {
  const form = document.querySelector("form[data-similar-form]");
  if (!form) return;
  const results = form.querySelector("[data-similar-results]");
  const button = form.querySelector("[data-similar-button]");
  const title = form.querySelector("[name=title]");
  const body = form.querySelector("[name=body]");
  const village = form.querySelector("[name=villageId]");
  if (!results || !title || !body) return;
  let timer = 0;
  let lastText = "";
  let controller = null;

  async function check() {
    const text = `${title.value}\n${body.value}`.trim();
    if (text.length < 20 || text === lastText) return;
    lastText = text;
    if (controller) controller.abort();
    controller = new AbortController();
    // join=1: each similar petition comes with its "Thôn tôi cũng vậy" button (a submit button of this form).
    const params = new URLSearchParams({ text: text.slice(0, 10000), join: "1" });
    if (village?.value) params.set("village", village.value);
    try {
      const res = await fetch(`/petitions/similar?${params}`, {
        headers: { Accept: "text/html" },
        credentials: "same-origin",
        signal: controller.signal,
      });
      if (!res.ok) return;
      // The server renders the fragment (escaped by the same templates as the page).
      const html = await res.text();
      const doc = new DOMParser().parseFromString(`<div>${html}</div>`, "text/html");
      const fresh = doc.body.firstElementChild;
      if (fresh) results.replaceChildren(...fresh.childNodes);
    } catch {
      // Offline or aborted: the button still works.
    }
  }

  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 900);
  };
  title.addEventListener("input", schedule);
  body.addEventListener("input", schedule);
  body.addEventListener("blur", check);
  if (button) {
    // With the script, the check happens in place: no need to send the form (and lose chosen photos).
    button.addEventListener("click", (event) => {
      event.preventDefault();
      lastText = "";
      check();
    });
  }
})();
