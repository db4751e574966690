/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { Name } from './bidi.tsx';

/**
 * Page shell. Styles rely on weight, borders, underlines and labels rather than colour alone,
 * so the page stays readable in greyscale and with high-contrast settings.
 */
export const CSS = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#111;background:#fff}
header{display:flex;gap:1rem;align-items:center;padding:.5rem 1rem;border-bottom:2px solid #111}
header h1{font-size:1.1rem;margin:0}
main{max-width:70rem;margin:0 auto;padding:1rem}
nav.counts a{margin-right:.8rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #999;vertical-align:top}
tr[aria-selected=true]{outline:3px solid #111;outline-offset:-3px}
tr[aria-selected=true] td:first-child::before{content:"▶ "}
.post{white-space:pre-wrap;border:1px solid #111;padding:.8rem;font-size:1.05rem}
mark{background:#ffe58a;border-bottom:2px solid #111;font-weight:600;padding:0 .1em}
mark .tag{font-size:.7em;font-weight:400;font-variant:small-caps;margin-left:.2em}
mark .tag::before{content:"["}mark .tag::after{content:"]"}
.gloss{font-style:italic}
.keys kbd{border:1px solid #111;border-radius:3px;padding:0 .3em;font-size:.85em}
form.inline{display:inline}
button{font:inherit;padding:.3rem .7rem;border:2px solid #111;background:#fff;cursor:pointer}
button:focus,a:focus{outline:3px dashed #111}
.flash{border:2px solid #111;padding:.5rem;margin-bottom:1rem}
.meta dt{font-weight:600}.meta dd{margin:0 0 .4rem 0}
@media (max-width:60rem){.grid{display:block}}
.grid{display:grid;grid-template-columns:2fr 1fr;gap:1.5rem}
`;

/** Keyboard shortcuts: j/k move, Enter opens, c/r/e decide, t needs translation, n next. */
export const SCRIPT = `
(function(){
  var rows=[].slice.call(document.querySelectorAll('tr[data-href]')),sel=0;
  function show(i){if(!rows.length)return;sel=Math.max(0,Math.min(rows.length-1,i));rows.forEach(function(r,k){r.setAttribute('aria-selected',k===sel?'true':'false')});rows[sel].scrollIntoView({block:'nearest'})}
  show(0);
  function submit(id){var f=document.getElementById(id);if(f){f.requestSubmit?f.requestSubmit():f.submit();return true}return false}
  document.addEventListener('keydown',function(e){
    if(e.ctrlKey||e.metaKey||e.altKey)return;
    var t=e.target&&e.target.tagName;if(t==='INPUT'||t==='TEXTAREA'||t==='SELECT')return;
    var k=e.key;
    if(k==='j'){show(sel+1)}else if(k==='k'){show(sel-1)}
    else if(k==='Enter'&&rows.length){location.href=rows[sel].getAttribute('data-href')}
    else if(k==='c'){submit('decide-confirm')}else if(k==='r'){submit('decide-reject')}
    else if(k==='e'){submit('decide-escalate')}else if(k==='t'){submit('decide-needs_translation')}
    else if(k==='n'){submit('take-next')}else return;
    e.preventDefault();
  });
  var lease=document.getElementById('lease');
  if(lease){var until=Date.parse(lease.getAttribute('data-expires'));var tick=function(){var s=Math.max(0,Math.round((until-Date.now())/1000));lease.textContent=s>0?Math.floor(s/60)+':'+String(s%60).padStart(2,'0')+' left':'expired'};tick();setInterval(tick,1000)}
})();
`;

export function Layout(props: { title: string; who?: string | undefined; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · Tidewatch review</title>
        <style>{raw(CSS)}</style>
      </head>
      <body>
        <header>
          <h1>
            <a href="/review">Tidewatch review</a>
          </h1>
          <a href="/networks">Networks</a>
          <a href="/review/questions">Platform questions</a>
          {props.who ? (
            <>
              <span>
                signed in as <Name text={props.who} />
              </span>
              <form method="post" action="/review/sign-out" class="inline">
                <button type="submit">Sign out</button>
              </form>
            </>
          ) : null}
          <span class="keys">
            <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>n</kbd> next · <kbd>c</kbd> confirm · <kbd>r</kbd> reject ·{' '}
            <kbd>e</kbd> escalate · <kbd>t</kbd> needs translation
          </span>
        </header>
        <main>{props.children}</main>
        <script>{raw(SCRIPT)}</script>
      </body>
    </html>
  );
}

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  fr: 'French',
  ar: 'Arabic',
  ckb: 'Sorani Kurdish',
  kmr: 'Kurmanji Kurdish',
  fa: 'Persian',
  ps: 'Pashto',
  sq: 'Albanian',
  vi: 'Vietnamese',
  tr: 'Turkish',
  und: 'undetermined',
};
