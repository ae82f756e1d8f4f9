/**
 * Payloads an attacker would paste into an article body or a reader's feedback (OWASP cheat-sheet families:
 * script tags, event handlers, javascript:/data:/vbscript: URLs, SVG and MathML payloads, style/expression,
 * malformed and nested tags, entity and whitespace tricks). Test data, shared by the tests of this module.
 */
export const XSS_CORPUS: readonly string[] = [
  `<script>alert("xss-1")</script>`,
  `<SCRIPT SRC=https://evil.example/x.js></SCRIPT>`,
  `<p onclick="alert('xss-2')">bấm vào đây</p>`,
  `<img src=x onerror=alert('xss-3')>`,
  `<img src="/news/images/${"a".repeat(64)}" onerror="alert('xss-4')">`,
  `<a href="javascript:alert('xss-5')">liên kết</a>`,
  `<a href="  JaVaScRiPt:alert('xss-6')">hoa thường</a>`,
  `<a href="jav&#x09;ascript:alert('xss-7')">thực thể tab</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('xss-8')">thực thể</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzLTknKTwvc2NyaXB0Pg==">data</a>`,
  `<a href="vbscript:msgbox('xss-10')">vb</a>`,
  `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`,
  `<svg onload=alert('xss-11')><circle r="1"/></svg>`,
  `<svg><script>alert('xss-12')</script></svg>`,
  `<svg><a xlink:href="javascript:alert('xss-13')"><text>x</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-14')>`,
  `<p style="background:url(javascript:alert('xss-15'))">kiểu</p>`,
  `<div style="width: expression(alert('xss-16'))">ie</div>`,
  `<style>body{background:url("javascript:alert('xss-17')")}</style>`,
  `<<script>script>alert('xss-18')<</script>/script>`,
  `<scr<script>ipt>alert('xss-19')</scr</script>ipt>`,
  `<iframe src="javascript:alert('xss-20')"></iframe>`,
  `<object data="javascript:alert('xss-21')"></object><embed src="javascript:alert('xss-22')">`,
  `<body onload=alert('xss-23')>`,
  `<input autofocus onfocus=alert('xss-24')>`,
  `<details open ontoggle=alert('xss-25')>`,
  `<form action="javascript:alert('xss-26')"><button>gửi</button></form>`,
  `<a href="https://ok.example/" onmouseover="alert('xss-27')" style="color:red">hợp lệ</a>`,
  `<img """><script>alert('xss-28')</script>">`,
  `<noscript><p title="</noscript><img src=x onerror=alert('xss-29')>">`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert('xss-30')">`,
  `<base href="javascript:alert('xss-31')//">`,
  `<template><script>alert('xss-32')</script></template>`,
  `"><script>alert('xss-33')</script>`,
  `&lt;script&gt;alert('xss-34')&lt;/script&gt;`,
];

/**
 * What makes a page run a script or load an attacker's resource, looked for in rendered HTML. The layout's
 * own `<script src="/assets/app.js" defer>` is the only script tag allowed.
 */
export function executableFindings(html: string): string[] {
  const found: string[] = [];
  const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  for (const tag of tags) {
    const name = (/^<([a-zA-Z0-9]+)/.exec(tag)?.[1] ?? "").toLowerCase();
    if (
      name === "script" &&
      !/^<script src="\/assets\/app\.js" defer=""><\/script>$|^<script src="\/assets\/app\.js" defer="">$/.test(
        tag,
      )
    )
      found.push(`script tag: ${tag}`);
    if (["iframe", "object", "embed", "base", "math", "template", "style"].includes(name))
      found.push(`tag: ${tag}`);
    if (name === "meta" && /http-equiv/i.test(tag)) found.push(`meta refresh: ${tag}`);
    if (name === "svg" && !/role="img"/.test(tag)) found.push(`svg: ${tag}`);
    // attribute names only: what sits inside a quoted value is text (an escaped "onerror=" there is inert)
    const names = tag.replace(/"[^"]*"|'[^']*'/g, '""');
    if (/[\s/"']on[a-z]+\s*=/i.test(names)) found.push(`event handler: ${tag}`);
    if (/[\s/"']style\s*=/i.test(names)) found.push(`style attribute: ${tag}`);
    for (const m of tag.matchAll(
      /\s(?:href|src|action|data|formaction|xlink:href)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi,
    )) {
      const value = (m[2] ?? m[3] ?? m[4] ?? "")
        .replace(/&#x0*9;|&#0*9;|&tab;|&newline;/gi, "")
        .replace(/&#(\d+);/g, (_x, d: string) => String.fromCharCode(Number(d)))
        // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore these inside a scheme
        .replace(/[\u0000-\u0020]/g, "")
        .toLowerCase();
      if (/^(javascript|vbscript|data):/.test(value)) found.push(`unsafe url: ${tag}`);
    }
  }
  return found;
}
