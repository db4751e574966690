/** @jsxImportSource hono/jsx */
import type { Signal } from '../../../detector/types.ts';
import { entityOf } from '../../../networks/entities.ts';
import { KNOWN_CONTACT } from '../../../networks/known-contacts.ts';
import { PENDING_STATUSES } from '../../../review/filters.ts';
import type { ReviewItemView } from '../../../review/review-list.ts';
import { BenignControl } from '../networks/benign-form.tsx';
import { Name } from './bidi.tsx';
import { glossOf, highlightRuns, signalLabel } from './highlight.ts';
import { Layout, LANGUAGE_NAMES } from './layout.tsx';

/** Reason codes offered per action; the API accepts any well-formed code. */
export const REASONS: Record<string, string[]> = {
  confirm: ['smuggling_advert', 'document_fraud', 'recruitment'],
  reject: ['not_an_advert', 'news_or_warning', 'legitimate_service', 'personal_story'],
  escalate: ['unsure', 'needs_lead'],
  needs_translation: ['needs_translation'],
};

/** "Persian (Latin letters)" for fa-Latn, "Persian" for fa. */
function languageLabel(lang: string, tag: string): string {
  const name = LANGUAGE_NAMES[lang] ?? lang;
  const script = tag.slice(lang.length + 1);
  return script === 'Latn' ? `${name} (Latin letters)` : script === 'Arab' ? `${name} (Arabic letters)` : name;
}

function DecisionForm(props: { id: string; action: string; label: string; keyHint: string; filters: string }) {
  return (
    <form method="post" action={`/review/items/${props.id}/decision`} id={`decide-${props.action}`}>
      <input type="hidden" name="action" value={props.action} />
      <input type="hidden" name="filters" value={props.filters} />
      <button type="submit">
        {props.label} ({props.keyHint})
      </button>{' '}
      <label>
        reason{' '}
        <select name="reasonCode">
          {REASONS[props.action]!.map((r) => (
            <option value={r}>{r.replaceAll('_', ' ')}</option>
          ))}
        </select>
      </label>
    </form>
  );
}

/** One line of the signal list: known contacts name their network, contacts carry the lead's benign control. */
function SignalLine(props: { s: Signal; item: ReviewItemView; lead: boolean; benign: ReadonlySet<string> }) {
  const { s, item } = props;
  const text = item.post.text;
  if (s.type === KNOWN_CONTACT) {
    return (
      <li data-testid="known-contact">
        Known contact: <Name text={text.slice(s.start, s.end)} /> is in network <a href={`/networks/${s.value}`}>{s.value.slice(0, 8)}</a> (
        {item.network?.vouched ?? 0} referred/confirmed post(s))
      </li>
    );
  }
  const contact = s.type === 'phone' || s.type === 'messenger' ? entityOf(s, text) : undefined;
  const gloss = glossOf(s);
  return (
    <li>
      {signalLabel(s.type)}: “<Name text={s.value} />”
      {gloss !== undefined ? (
        <>
          {' — '}
          <span class="gloss" lang="en" data-testid="gloss">
            {gloss}
          </span>
        </>
      ) : null}{' '}
      (characters {s.start}–{s.end}){s.valid === false ? <span data-testid="invalid-phone"> · not a valid number in any plan</span> : null}
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

export function ItemPage(props: {
  who: string;
  me: string;
  item: ReviewItemView;
  lead: boolean;
  benign: ReadonlySet<string>;
  error?: string | undefined;
  /** The queue's filters (URL query string, may be empty), carried by every form and link back. */
  filters?: string;
}) {
  const { item } = props;
  const filters = props.filters ?? '';
  const signals = item.classification?.signals ?? [];
  const runs = highlightRuns(item.post.text, signals);
  const lang = item.post.language ?? item.language;
  // The detector's tag carries the script when it is not the usual one: "fa-Latn" for Finglish.
  const detectedTag = item.classification?.languageTag;
  const tag = detectedTag && detectedTag.startsWith(`${lang}-`) ? detectedTag : lang;
  const mine = item.claim?.holder === props.me;
  const pending = (PENDING_STATUSES as readonly string[]).includes(item.status);
  return (
    <Layout title={`Item ${item.id.slice(0, 8)}`} who={props.who}>
      {props.error ? (
        <p class="flash" role="alert">
          {props.error}
        </p>
      ) : null}
      <p>
        <a href={filters ? `/review?${filters}` : '/review'}>← queue</a>
      </p>
      <div class="grid">
        <section aria-label="Post">
          <p class="post" lang={tag} dir="auto" data-testid="post-text">
            {runs.map((r) =>
              r.types.length ? (
                // The gloss as a tooltip here; the signal list below shows it as text.
                <mark data-signal={r.types.join(' ')} title={r.glosses.length ? r.glosses.join('; ') : undefined}>
                  {r.text}
                  <span class="tag">{r.types.map(signalLabel).join(', ')}</span>
                </mark>
              ) : (
                r.text
              ),
            )}
          </p>
          <p>
            <a href={item.post.url} rel="noreferrer noopener" target="_blank">
              Open on {item.post.platform}
            </a>
            {item.duplicates ? ` · ${item.duplicates} re-upload(s) of the same text` : ''}
            {item.network ? (
              <>
                {' · '}
                <a href={`/networks/${item.network.id}`} data-testid="network-link">
                  network of {item.network.size} post(s)
                </a>
              </>
            ) : null}
          </p>
          {item.nearDuplicateOf ? (
            <p class="flash" data-testid="near-duplicate">
              Near-duplicate ({Math.round(item.nearDuplicateOf.similarity * 100)} % similar) of{' '}
              {item.nearDuplicateOf.reviewItemId ? (
                <a href={`/review/items/${item.nearDuplicateOf.reviewItemId}`}>an earlier post</a>
              ) : (
                'an earlier post'
              )}
              {item.nearDuplicateOf.decision
                ? `, decided ${item.nearDuplicateOf.decision.action} (${item.nearDuplicateOf.decision.reasonCode}) by ${item.nearDuplicateOf.decision.actor} on ${item.nearDuplicateOf.decision.decidedAt.slice(0, 10)}`
                : ', not decided yet'}
              .
            </p>
          ) : null}
          <h2>Signals</h2>
          {signals.length ? (
            <ul>
              {signals.map((s) => (
                <SignalLine s={s} item={item} lead={props.lead} benign={props.benign} />
              ))}
            </ul>
          ) : (
            <p>The detector found no signals.</p>
          )}
        </section>
        <aside aria-label="Decision">
          <dl class="meta">
            <dt>Status</dt>
            <dd data-testid="status">{item.status.replace('_', ' ')}</dd>
            <dt>Score</dt>
            <dd>
              {item.score.toFixed(3)} {item.referralCandidate ? '(referral candidate)' : ''}
            </dd>
            <dt>Category</dt>
            <dd>{item.category}</dd>
            <dt>Language</dt>
            <dd data-testid="language">
              {languageLabel(lang, tag)} ({tag})
              {lang !== 'en' ? <div>Translation hint: not English; if you cannot read it, press t to send it for translation.</div> : null}
            </dd>
            <dt>Platform / author</dt>
            <dd>
              {item.post.platform} / {item.post.author ? <Name text={item.post.author} testid="author" /> : 'unknown'}
            </dd>
            <dt>Claim</dt>
            <dd data-testid="claim">
              {item.claim ? (
                <>
                  {mine ? 'you' : item.claim.holder} ·{' '}
                  <span id="lease" data-expires={item.claim.leaseExpiresAt}>
                    lease until {item.claim.leaseExpiresAt}
                  </span>
                </>
              ) : (
                'unclaimed'
              )}
            </dd>
          </dl>
          {pending && mine ? (
            <>
              <DecisionForm id={item.id} action="confirm" label="Confirm advert" keyHint="c" filters={filters} />
              <DecisionForm id={item.id} action="reject" label="Reject" keyHint="r" filters={filters} />
              <DecisionForm id={item.id} action="escalate" label="Escalate" keyHint="e" filters={filters} />
              <DecisionForm id={item.id} action="needs_translation" label="Needs translation" keyHint="t" filters={filters} />
            </>
          ) : pending && !item.claim ? (
            <form method="post" action={`/review/items/${item.id}/claim`} id="claim-form">
              <input type="hidden" name="filters" value={filters} />
              <button type="submit">Claim this item</button>
            </form>
          ) : null}
          <form method="post" action="/review/next" id="take-next">
            <input type="hidden" name="filters" value={filters} />
            <button type="submit">Take next item (n)</button>
          </form>
        </aside>
      </div>
    </Layout>
  );
}
