/** @jsxImportSource hono/jsx */
/**
 * A post's full text with the detector's cues highlighted, for the item page (and anywhere a post
 * is shown whole). The direction comes from the detected language, not from the first strong
 * character, and the English signal labels sit in their own left-to-right isolates, so a Persian
 * post that opens with a highlighted emoji still reads right to left.
 */
import { Islands } from './bidi.tsx';
import { directionOf } from './direction.ts';
import { highlightRuns, signalLabel, type Span } from './highlight.ts';

/** `label`: the words a highlight carries for its signal types (default: highlight.ts signalLabel). */
export function PostBody(props: {
  text: string;
  signals: readonly Span[];
  tag: string;
  testid?: string;
  label?: (type: string) => string;
}) {
  const label = props.label ?? signalLabel;
  const runs = highlightRuns(props.text, props.signals);
  return (
    <p class="post" lang={props.tag} dir={directionOf(props.tag)} data-testid={props.testid ?? 'post-text'}>
      {runs.map((r) =>
        r.types.length ? (
          // The gloss as a tooltip here; the signal list shows it as text.
          <mark data-signal={r.types.join(' ')} title={r.glosses.length ? r.glosses.join('; ') : undefined}>
            <Islands text={r.text} />
            <bdi class="tag" lang="en" dir="ltr">
              {[...new Set(r.types.map(label))].join(', ')}
            </bdi>
          </mark>
        ) : (
          <Islands text={r.text} />
        ),
      )}
    </p>
  );
}
