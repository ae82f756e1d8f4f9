// Dialogues: the presenter screen and the participants' phones follow the moderator live (Server-Sent Events).
// Without this script the pages still work: they carry a refresh link (and the presenter screen reloads itself).
(() => {
  var root = document.querySelector("[data-live-source]");
  if (!root || typeof EventSource === "undefined") return;
  var states = {};
  try {
    states = JSON.parse(root.getAttribute("data-t-state") || "{}");
  } catch (_e) {
    states = {};
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (m, k) => (values[k] === undefined ? m : values[k]));
  }
  function part(name) {
    return root.querySelector(`[data-live="${name}"]`);
  }
  function para(cls, text, name) {
    var p = document.createElement("p");
    p.className = cls;
    p.textContent = text;
    if (name) p.setAttribute("data-live", name);
    return p;
  }
  function count(a) {
    var present = part("present");
    if (present) present.textContent = String(a.present);
    var invited = part("invited");
    if (invited) invited.textContent = String(a.invited);
  }
  function applyAttendance(a) {
    document.documentElement.setAttribute("data-live-version", String(a.version));
    count(a.attendance);
  }
  function render(s) {
    document.documentElement.setAttribute("data-live-version", String(s.version));
    var st = part("state");
    if (st) st.textContent = states[s.state] || s.state;
    count(s.attendance);
    var current = part("current");
    if (current) {
      current.textContent = "";
      if (s.current) {
        current.appendChild(para("live-text", s.current.text, "current-text"));
        current.appendChild(
          para(
            "live-who",
            fill(root.getAttribute("data-t-asked-by") || "", {
              village: s.current.village,
              asker: s.current.asker || "—",
            }),
            "current-who",
          ),
        );
        if (s.current.answer)
          current.appendChild(
            para(
              "live-answer",
              fill(root.getAttribute("data-t-answer") || "", {
                answer: s.current.answer,
                by: s.current.answeredBy,
              }),
              "current-answer",
            ),
          );
      } else {
        current.appendChild(para("live-text muted", root.getAttribute("data-t-none") || ""));
      }
    }
    var next = part("next");
    if (next) {
      next.textContent = "";
      s.next.forEach((q) => {
        var li = document.createElement("li");
        li.appendChild(document.createTextNode(`${q.text} `));
        var who = document.createElement("span");
        who.className = "muted";
        who.textContent = `— ${q.village}`;
        li.appendChild(who);
        next.appendChild(li);
      });
    }
  }
  var status = part("status");
  var source = new EventSource(root.getAttribute("data-live-source"));
  source.addEventListener("state", (ev) => {
    try {
      render(JSON.parse(ev.data));
      if (status) status.textContent = "";
    } catch (_e) {
      // a malformed event: keep what is shown; the next one carries the whole state again
    }
  });
  // after check-ins the server sends the count alone: { version, attendance: { present, invited } }
  source.addEventListener("attendance", (ev) => {
    try {
      applyAttendance(JSON.parse(ev.data));
      if (status) status.textContent = "";
    } catch (_e) {
      // a malformed event: keep what is shown; the next one carries the count again
    }
  });
  source.addEventListener("error", () => {
    if (status) status.textContent = root.getAttribute("data-t-reconnecting") || "…";
  });
  document.documentElement.classList.add("live-js");
})();
