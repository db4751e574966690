/** @jsxImportSource hono/jsx */
/**
 * The item page's signal list in words: "destination: UK", "price: 3,500 USD", "WhatsApp contact",
 * and each lexicon cue as written with its English gloss, so a reviewer never reads an internal
 * code (`dest:uk`, `concept:transport`). Cues keep the post's language and direction; numbers and
 * handles are isolated left to right.
 */
import { signalWords } from '../../../detector/signal-words.ts';
import type { Signal } from '../../../detector/types.ts';
import { entityOf } from '../../../networks/entities.ts';
import { KNOWN_CONTACT } from '../../../networks/known-contacts.ts';
import type { ReviewItemView } from '../../../review/review-list.ts';
import { BenignControl } from '../networks/benign-form.tsx';
import { Name } from './bidi.tsx';
import { glossOf } from './highlight.ts';
import type { Direction } from './direction.ts';

/** A signal's kind and value in words (detector/signal-words.ts); a lexicon cue's value is the cue as written, shown beside it. */
function wordsOf(s: { type: string; value: string }): { label: string; value?: string } {
  const w = signalWords(s);
  const cue = s.type.startsWith('concept:') || s.type.startsWith('counter:');
  return cue || w.value === '' ? { label: w.label } : { label: w.label, value: w.value };
}

/** The short label a highlight carries inside the post. */
export function tagLabel(type: string): string {
  if (type === 'route') return 'place';
  if (type === 'messenger') return 'messenger contact';
  if (type === 'known_contact') return 'known contact';
  return wordsOf({ type, value: '' }).label;
}

/** Entities whose value is a number or handle: always left to right, whatever the post's direction. */
const LTR_VALUES = new Set(['phone', 'messenger', 'price']);
/** A price written in the post's own script ("۲۰۰۰ یورو") keeps the post's language and direction. */
const RTL_CHARS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

function asWritten(s: Signal, text: string): string {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end
    ? text.slice(s.start, s.end)
    : s.value;
}

/** One line of the signal list: known contacts name their network, contacts carry the lead's benign control. */
export function SignalLine(props: {
  s: Signal;
  item: ReviewItemView;
  tag: string;
  dir: Direction;
  lead: boolean;
  benign: ReadonlySet<string>;
}) {
  const { s, item } = props;
  const text = item.post.text;
  const written = asWritten(s, text);
  const cue = (
    <q>
      <bdi lang={props.tag} dir={props.dir} data-testid="cue">
        {written}
      </bdi>
    </q>
  );
  if (s.type === KNOWN_CONTACT) {
    return (
      <li data-testid="known-contact">
        Known contact: <Name text={written} /> is in network <a href={`/networks/${s.value}`}>{s.value.slice(0, 8)}</a> (
        {item.network?.vouched ?? 0} referred/confirmed post(s))
      </li>
    );
  }
  const words = wordsOf(s);
  const gloss = glossOf(s);
  const contact = s.type === 'phone' || s.type === 'messenger' ? entityOf(s, text) : undefined;
  return (
    <li data-signal-type={s.type}>
      <strong>{words.label}</strong>
      {words.value !== undefined ? (
        <>
          {': '}
          {LTR_VALUES.has(s.type) && !RTL_CHARS.test(words.value) ? (
            <bdi dir="ltr" data-testid="signal-value">
              {words.value}
            </bdi>
          ) : RTL_CHARS.test(words.value) ? (
            <bdi lang={props.tag} dir={props.dir} data-testid="signal-value">
              {words.value}
            </bdi>
          ) : (
            <span data-testid="signal-value">{words.value}</span>
          )}
        </>
      ) : null}
      {' — '}
      {LTR_VALUES.has(s.type) && !RTL_CHARS.test(written) ? <Name text={written} /> : cue}
      {gloss !== undefined ? (
        <>
          {' = '}
          <span class="gloss" lang="en" dir="ltr" data-testid="gloss">
            {gloss}
          </span>
        </>
      ) : s.type.startsWith('concept:') || s.type.startsWith('counter:') ? (
        <span class="muted"> (no English gloss yet)</span>
      ) : null}
      {s.valid === false ? <span data-testid="invalid-phone"> · not a valid number in any plan</span> : null}
      {contact ? (
        <BenignControl
          contactKey={contact.key}
          benign={props.benign.has(contact.key)}
          lead={props.lead}
          back={`/review/items/${item.id}`}
        />
      ) : null}
    </li>
  );
}

/** The glossed cues in one line, for a reviewer who does not read the language (no machine translation runs offline). */
export function GlossSummary(props: { signals: readonly Signal[] }) {
  const glosses = [...new Set(props.signals.map(glossOf).filter((g): g is string => g !== undefined))];
  return glosses.length ? (
    <span data-testid="gloss-summary" lang="en">
      What the cues say in English: {glosses.join('; ')}. (Cue glosses only: Tidewatch has no machine translation.)
    </span>
  ) : (
    <span data-testid="gloss-summary">
      No cue has an English gloss; Tidewatch has no machine translation. Press t to send it for translation.
    </span>
  );
}
