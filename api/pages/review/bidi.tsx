/** @jsxImportSource hono/jsx */
/**
 * Text that comes from outside (author names and handles, post text, key names) is shown inside
 * its own bidirectional isolate (`<bdi>`: `unicode-bidi: isolate`, direction from its own first
 * strong character), so right-to-left text or an override in it cannot reorder the page around
 * it. In names and handles, which have no reason to carry them, the explicit embedding, override
 * and isolate controls (U+202A–U+202E, U+2066–U+2069) are also shown as `[U+202E]`, so
 * "\u202Egnp.exe" reads as "[U+202E]gnp.exe", not "exe.png". Post text keeps them (it is the
 * evidence under review) but stays isolated.
 */
import { directionOf, truncateGraphemes } from './direction.ts';
import { ltrIslands } from './highlight.ts';

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export const showBidiControls = (text: string) =>
  text.replace(BIDI_CONTROLS, (ch) => `[U+${ch.codePointAt(0)!.toString(16).toUpperCase()}]`);

/** A name or handle: isolated, with its bidi controls made visible. */
export function Name(props: { text: string; testid?: string }) {
  return <bdi data-testid={props.testid}>{showBidiControls(props.text)}</bdi>;
}

/** Post text inline (a list cell, a link): isolated, shown as written. */
export function PostText(props: { text: string; lang?: string | undefined }) {
  return (
    <bdi dir="auto" lang={props.lang}>
      {props.text}
    </bdi>
  );
}

/**
 * Text with its links, handles and phone numbers isolated left to right (`<bdi dir="ltr">`), so
 * "+44 7911 123456" reads in order inside right-to-left text.
 */
export function Islands(props: { text: string }) {
  return (
    <>
      {ltrIslands(props.text).map((p) =>
        p.kind === 'text' ? (
          p.text
        ) : (
          <bdi dir="ltr" data-kind={p.kind}>
            {p.text}
          </bdi>
        ),
      )}
    </>
  );
}

/** A queue snippet: cut by grapheme, its language and direction from the detected tag. */
export function PostSnippet(props: { text: string; tag: string; max: number }) {
  return (
    <bdi lang={props.tag} dir={directionOf(props.tag)} data-testid="snippet">
      <Islands text={truncateGraphemes(props.text, props.max)} />
    </bdi>
  );
}
