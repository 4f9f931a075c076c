/*
 * Stored-XSS payloads and the check for what of them became markup, shared by the
 * browser tests that store them in entries, courses and the dialogue.
 */

/**
 * Abuse: stored XSS. Twenty payloads, each of which would bump `window.__xss` or open a
 * dialog if it ever ran, are stored in every text field of an entry (and of a course)
 * through the API, then rendered on every page that shows them in Chromium, as the new
 * hire. Nothing may run, and nothing from the text may become a script, a frame, an
 * event-handler attribute or a `javascript:`/`data:` link.
 *
 * Links the payloads make carry the text `xss-link`, so the test can hover and click them.
 */
export const PAYLOADS: string[] = [
  // Script tags.
  '<script>__xss++</script><SCRIPT SRC=data:,__xss++></SCRIPT>',
  // Event-handler attributes.
  '<img src=x onerror=__xss++><body onload=__xss++>',
  '<details open ontoggle=__xss++><summary>d</summary></details>',
  '<input autofocus onfocus=__xss++ onclick=__xss++ value=xss-link>',
  // SVG, iframe, srcdoc, object.
  '<svg onload=__xss++><a xlink:href="javascript:__xss++"><text y=20>xss-link</text></a></svg>',
  '<iframe srcdoc="<script>parent.__xss++</script>"></iframe>',
  '<iframe src="javascript:parent.__xss++"></iframe><object data="javascript:__xss++">',
  // javascript: and data: links in Markdown, plain and encoded.
  '[xss-link](javascript:__xss++)',
  '[xss-link](JaVaScRiPt:alert(1) "t")',
  '[xss-link](&#106;avascript&#58;alert(1)) [xss-link](%6Aavascript:alert(1))',
  '[xss-link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  // Autolinks and reference links.
  '<javascript:alert(1)> <data:text/html,<script>alert(1)</script>>',
  '[xss-link][r]\n\n[r]: javascript:__xss++ "t"',
  // Markdown image tricks.
  '![a" onerror="__xss++](x) ![xss-link](javascript:__xss++)',
  // <a href> in Markdown, plain and entity-encoded.
  '<a href="javascript:__xss++" onmouseover=__xss++>xss-link</a>',
  '<a href="&#x6A;avascript&colon;__xss++">xss-link</a> <a href=" &#14; javascript:__xss++">xss-link</a>',
  // Style and expression().
  '<div style="background:url(javascript:__xss++);width:expression(__xss++)">s</div><style>*{x:expression(__xss++)}</style>',
  // Template syntax.
  "{{constructor.constructor('__xss++')()}} ${__xss++} <%= __xss++ %>",
  // Text that already is HTML entities, and percent-encoded markup.
  '&lt;img src=x onerror=__xss++&gt; %3Cscript%3E__xss++%3C/script%3E',
  // Mutation XSS through a foreign-content parse.
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss++>',
];

/** What in the page came from text as markup: handlers, script URLs, scripts, frames. */
export function findInjected(): string[] {
  const marker = /__xss|alert\(|xss-link|XSS\d\d/i;
  const badScheme = /^(javascript|data|vbscript):$/i;
  const problems: string[] = [];
  const describe = (el: Element) => el.outerHTML.slice(0, 160);
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name))
        problems.push(`${attr.name} attribute: ${describe(el)}`);
      if (attr.name === 'srcdoc')
        problems.push(`srcdoc attribute: ${describe(el)}`);
      if (attr.name === 'style' && marker.test(attr.value))
        problems.push(`style from text: ${describe(el)}`);
      const linkLike =
        /(^|:)href$/i.test(attr.name) ||
        (/^(src|data|action|formaction)$/i.test(attr.name) &&
          /^(iframe|frame|object|embed|form|button|input|script)$/i.test(
            el.tagName,
          ));
      if (linkLike) {
        let protocol = '';
        try {
          protocol = new URL(attr.value, document.baseURI).protocol;
        } catch {
          protocol = '';
        }
        if (
          badScheme.test(protocol) ||
          /^\s*(javascript|vbscript):/i.test(attr.value)
        )
          problems.push(`${protocol} ${attr.name}: ${describe(el)}`);
      }
    }
  }
  for (const el of document.querySelectorAll(
    'script, iframe, frame, object, embed, style, base, meta[http-equiv]',
  )) {
    const content = `${el.outerHTML.slice(0, 2000)} ${el.textContent ?? ''}`;
    if (marker.test(content))
      problems.push(`${el.tagName} with a marker: ${describe(el)}`);
    if (/^(iframe|frame|object|embed|base)$/i.test(el.tagName))
      problems.push(`${el.tagName} element: ${describe(el)}`);
  }
  return problems;
}
