/** @jsxImportSource hono/jsx */
/** Post text in its language and direction, with phone numbers, links and handles isolated left to right. */
import { Islands } from '../review/bidi.tsx';
import { directionOf } from '../review/direction.ts';

export function DirectedText(props: { text: string; lang: string | null | undefined; testid?: string; block?: boolean }) {
  const parts = <Islands text={props.text} />;
  const attrs = { lang: props.lang ?? undefined, dir: directionOf(props.lang), 'data-testid': props.testid };
  return props.block ? (
    <div class="post" {...attrs}>
      {parts}
    </div>
  ) : (
    <span {...attrs}>{parts}</span>
  );
}
