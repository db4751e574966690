/** @jsxImportSource hono/jsx */
/** Post text in its language and direction, with phone numbers, links and handles isolated left to right. */
import { dirOf, ltrRuns } from './words.ts';

export function DirectedText(props: { text: string; lang: string | null | undefined; testid?: string; block?: boolean }) {
  const parts = ltrRuns(props.text).map((p) =>
    p.ltr ? (
      <bdi dir="ltr" class="ltr">
        {p.text}
      </bdi>
    ) : (
      p.text
    ),
  );
  const attrs = { lang: props.lang ?? undefined, dir: dirOf(props.lang), 'data-testid': props.testid };
  return props.block ? (
    <div class="post" {...attrs}>
      {parts}
    </div>
  ) : (
    <span {...attrs}>{parts}</span>
  );
}
