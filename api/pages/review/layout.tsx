/** @jsxImportSource hono/jsx */
import { createContext, useContext, type Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { Name } from './bidi.tsx';
import { KEYBOARD_SCRIPT } from './keyboard-script.ts';

/**
 * Page shell. Styles rely on weight, borders, underlines and labels rather than colour alone,
 * so the page stays readable in greyscale and with high-contrast settings.
 */
export const CSS = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#111;background:#fff}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.5rem 1rem;border-bottom:2px solid #111}
header h1{font-size:1.1rem;margin:0}
main{max-width:70rem;margin:0 auto;padding:1rem}
nav.counts a{margin-right:.8rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:start;padding:.35rem .5rem;border-bottom:1px solid #999;vertical-align:top}
tr[data-href]{cursor:pointer}
tr[aria-selected=true] td:first-child::before{content:"▶ "}
tr[data-href]:focus{outline:3px solid #111;outline-offset:-3px;background:#f1f1f1}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.kbd-status{position:fixed;bottom:0;right:1rem;margin:0;max-width:40rem;background:#fff}
.kbd-status:not(:empty){border:2px solid #111;padding:.4rem .7rem}
.toast{border:2px solid #111;padding:.5rem;margin-bottom:1rem;font-weight:600}
.toast form{display:inline;margin-left:.6rem}
dialog dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem}dialog dd{margin:0}
header nav a{margin-right:.6rem}
.snippet-meta{font-size:.85em}
.post{white-space:pre-wrap;border:1px solid #111;padding:.8rem;font-size:1.05rem}
mark{background:#ffe58a;border-bottom:2px solid #111;font-weight:600;padding:0 .1em}
mark .tag{font-size:.7em;font-weight:400;font-variant:small-caps;margin-left:.2em}
mark .tag::before{content:"["}mark .tag::after{content:"]"}
.gloss{font-style:italic}
.keys kbd{border:1px solid #111;border-radius:3px;padding:0 .3em;font-size:.85em}
form.inline{display:inline}
button{font:inherit;padding:.3rem .7rem;border:2px solid #111;background:#fff;cursor:pointer}
button:focus,a:focus,select:focus,input:focus,textarea:focus{outline:3px dashed #111}
.flash{border:2px solid #111;padding:.5rem;margin-bottom:1rem}
.meta dt{font-weight:600}.meta dd{margin:0 0 .4rem 0}
@media (max-width:60rem){.grid{display:block}}
.grid{display:grid;grid-template-columns:2fr 1fr;gap:1.5rem}
`;

/** The pages' one inline script (security-headers.ts allows it by hash). */
export const SCRIPT = KEYBOARD_SCRIPT;

/** Every shortcut of keyboard-script.ts, for the `?` dialog. */
export const SHORTCUTS: [string, string][] = [
  ['j / k', 'move to the next / previous row of the queue (focus moves with it)'],
  ['Enter', 'open the focused row (on a link or button: what that control does)'],
  ['↑ / ↓', 'on a focused row: move to the previous / next row (also with shortcuts off)'],
  ['n', 'take the next item under the current filters'],
  ['a', 'claim the open item'],
  ['s', 'release the item you hold, or skip to the next one'],
  ['1 – 9', 'pick that reason for the next c, r, e or t'],
  ['c', 'confirm as an advert (press twice: it refers the post to its platform)'],
  ['r', 'reject'],
  ['e', 'escalate to a lead'],
  ['t', 'needs translation'],
  ['/', 'write a note for the decision'],
  ['?', 'show this list'],
];

/** `<!DOCTYPE html>` first, so every page renders in standards mode (Hono JSX does not add it). */
const DOCTYPE = raw('<!DOCTYPE html>');

function ShortcutToggle(props: { on: boolean; here: string; id: string }) {
  return (
    <form method="post" action="/review/preferences/shortcuts" class="inline">
      <input type="hidden" name="enabled" value={props.on ? '0' : '1'} />
      <input type="hidden" name="back" value={props.here} />
      <button type="submit" id={props.id} aria-describedby={`${props.id}-state`}>
        {props.on ? 'Turn single-key shortcuts off' : 'Turn single-key shortcuts on'}
      </button>{' '}
      <span id={`${props.id}-state`}>(shortcuts are {props.on ? 'on' : 'off'})</span>
    </form>
  );
}

/**
 * What the routes know about the person and request that every page's shell needs, provided once
 * around a page (`<PageSettings.Provider>`), so page components need not pass it down.
 */
export const PageSettings = createContext<{ shortcuts?: boolean | undefined; here?: string | undefined }>({});

/**
 * `shortcuts` (or PageSettings): the signed-in person's preference; pages that do not pass it get no single-key
 * shortcuts and no toggle. `here`: this page's path and query, where the toggle returns.
 */
export function Layout(props: {
  title: string;
  who?: string | undefined;
  shortcuts?: boolean | undefined;
  here?: string | undefined;
  /** Which desk the page belongs to: platform teams get their own title and links. */
  section?: 'review' | 'platform';
  children: Child;
}) {
  const platform = props.section === 'platform';
  // `who` reads "Name (role)" (whoOf in the routes); the last parenthesis is the role.
  const role = /\((\w+)\)$/.exec(props.who ?? '')?.[1];
  const lead = role === 'lead' || role === 'admin';
  const analytics = lead || role === 'analyst';
  const settings = useContext(PageSettings);
  const shortcuts = props.shortcuts ?? settings.shortcuts;
  const here = props.here ?? settings.here ?? '/review';
  return (
    <>
      {DOCTYPE}
      <html lang="en" dir="ltr">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>
            {props.title} · Tidewatch {platform ? 'for platforms' : 'review'}
          </title>
          <link rel="icon" type="image/svg+xml" href="/favicon.ico" />
          <style>{raw(CSS)}</style>
        </head>
        <body data-shortcuts={shortcuts ? 'on' : 'off'}>
          <header>
            <h1>{platform ? <a href="/platform">Tidewatch for platforms</a> : <a href="/review">Tidewatch review</a>}</h1>
            <nav aria-label="Sections">
              {platform ? (
                <a href="/platform">Referrals</a>
              ) : (
                <>
                  <a href="/review">Queue</a> <a href="/networks">Networks</a>
                  {analytics ? (
                    <>
                      {' '}
                      <a href="/analytics">Analytics</a>
                    </>
                  ) : null}
                  {lead ? (
                    <>
                      {' '}
                      <a href="/review/questions">Platform questions</a>
                    </>
                  ) : null}
                </>
              )}
            </nav>
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
            {shortcuts !== undefined ? (
              <span class="keys">
                <button type="button" id="show-shortcuts" aria-haspopup="dialog">
                  Keyboard shortcuts <kbd>?</kbd>
                </button>{' '}
                <ShortcutToggle on={shortcuts} here={here} id="shortcut-toggle" />
              </span>
            ) : null}
          </header>
          <main>{props.children}</main>
          {shortcuts !== undefined ? (
            <dialog id="shortcuts-dialog" aria-labelledby="shortcuts-title">
              <h2 id="shortcuts-title">Keyboard shortcuts</h2>
              <p>They act when no field, link or button has focus (press Escape, or click the page, to leave one).</p>
              <dl class="shortcuts">
                {SHORTCUTS.map(([k, what]) => (
                  <>
                    <dt>
                      <kbd>{k}</kbd>
                    </dt>
                    <dd>{what}</dd>
                  </>
                ))}
              </dl>
              <p>
                Shortcuts are {shortcuts ? 'on' : 'off'}; the button beside “Keyboard shortcuts” in the page header turns them{' '}
                {shortcuts ? 'off' : 'on'}.
              </p>
              <form method="dialog">
                <button type="submit">Close the shortcut list</button>
              </form>
            </dialog>
          ) : null}
          {/* Why a key did nothing, and the lease's milestones: announced politely, never every second. */}
          <p id="shortcut-status" class="kbd-status" role="status" aria-live="polite"></p>
          <p id="lease-status" class="sr-only" role="status" aria-live="polite"></p>
          <script>{raw(KEYBOARD_SCRIPT)}</script>
        </body>
      </html>
    </>
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
