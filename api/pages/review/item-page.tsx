/** @jsxImportSource hono/jsx */
import { raw } from 'hono/html';
import { PENDING_STATUSES } from '../../../review/filters.ts';
import type { ItemContext } from '../../../review/item-context.ts';
import type { ReviewItemView } from '../../../review/review-list.ts';
import { Name } from './bidi.tsx';
import { directionOf } from './direction.ts';
import { actorName, AuthorPosts, FiltersInput, ReferralPanel, ReverseForm, UndoToast } from './item-panels.tsx';
import { PostBody } from './post-body.tsx';
import { GlossSummary, SignalLine, tagLabel } from './item-signals.tsx';
import { NOTE_SCRIPT, UNDO_SCRIPT } from './item-scripts.ts';
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

const REASON_LABELS: Record<string, string> = {
  confirm: 'Reason to confirm',
  reject: 'Reason to reject',
  escalate: 'Reason to escalate',
  needs_translation: 'Reason for translation',
};

function DecisionForm(props: { id: string; action: string; label: string; keyHint: string; filters: string }) {
  const selectId = `reason-${props.action}`;
  return (
    <form method="post" action={`/review/items/${props.id}/decision`} id={`decide-${props.action}`}>
      <input type="hidden" name="action" value={props.action} />
      <input type="hidden" name="note" value="" />
      <FiltersInput filters={props.filters} />
      <button type="submit">
        {props.label} ({props.keyHint})
      </button>{' '}
      <label for={selectId}>{REASON_LABELS[props.action]}</label>{' '}
      <select name="reasonCode" id={selectId}>
        {REASONS[props.action]!.map((r) => (
          <option value={r}>{r.replaceAll('_', ' ')}</option>
        ))}
      </select>
    </form>
  );
}

/** Entity values inside a post (numbers, handles, prices) read left to right whatever the post's direction. */
export function ItemPage(props: {
  who: string;
  me: string;
  item: ReviewItemView;
  lead: boolean;
  benign: ReadonlySet<string>;
  ctx?: ItemContext;
  /** The queue's filters as a query string (`status=open&language=en`), carried through every form and link. */
  filters?: string;
  error?: string | undefined;
  flash?: string | undefined;
}) {
  const { item } = props;
  const filters = props.filters ?? '';
  const ctx: ItemContext = props.ctx ?? { names: new Map(), authorPosts: [], referral: null, lastDecision: null, undoLeftMs: 0 };
  const signals = item.classification?.signals ?? [];
  const lang = item.post.language ?? item.language;
  // The detector's tag carries the script when it is not the usual one: "fa-Latn" for Finglish.
  const detectedTag = item.classification?.languageTag;
  const tag = detectedTag && detectedTag.startsWith(`${lang}-`) ? detectedTag : lang;
  const dir = directionOf(tag);
  const mine = item.claim?.holder === props.me;
  const pending = (PENDING_STATUSES as readonly string[]).includes(item.status);
  const last = ctx.lastDecision;
  const holderFree = !item.claim || mine;
  return (
    <Layout title={`Item ${item.id.slice(0, 8)}`} who={props.who}>
      {props.error ? (
        <p class="flash" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.flash ? (
        <p class="flash" role="status" data-testid="flash">
          {props.flash}
        </p>
      ) : null}
      {last && last.action !== 'reverse' && ctx.undoLeftMs > 0 ? (
        <UndoToast itemId={item.id} action={last.action} leftMs={ctx.undoLeftMs} filters={filters} />
      ) : null}
      <p>
        <a href={filters ? `/review?${filters}` : '/review'}>← queue</a>
      </p>
      <div class="grid">
        <section aria-label="Post">
          <PostBody text={item.post.text} signals={signals} tag={tag} label={tagLabel} />
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
                <a href={`/review/items/${item.nearDuplicateOf.reviewItemId}${filters ? `?${filters}` : ''}`}>an earlier post</a>
              ) : (
                'an earlier post'
              )}
              {item.nearDuplicateOf.decision
                ? `, decided ${item.nearDuplicateOf.decision.action} (${item.nearDuplicateOf.decision.reasonCode.replaceAll('_', ' ')}) by ${actorName(item.nearDuplicateOf.decision.actor, ctx.names, props.me)} on ${item.nearDuplicateOf.decision.decidedAt.slice(0, 10)}`
                : ', not decided yet'}
              .
            </p>
          ) : null}
          <h2>Signals</h2>
          {signals.length ? (
            <ul data-testid="signals">
              {signals.map((s) => (
                <SignalLine s={s} item={item} tag={tag} dir={dir} lead={props.lead} benign={props.benign} />
              ))}
            </ul>
          ) : (
            <p>The detector found no signals.</p>
          )}
          <h2>Other posts by this author</h2>
          <AuthorPosts posts={ctx.authorPosts} author={item.post.author} filters={filters} />
          {ctx.referral ? <ReferralPanel referral={ctx.referral} itemId={item.id} names={ctx.names} me={props.me} /> : null}
        </section>
        <aside aria-label="Decision">
          <dl class="meta">
            <dt>Status</dt>
            <dd data-testid="status">{item.status.replace('_', ' ')}</dd>
            {last ? (
              <>
                <dt>Last decision</dt>
                <dd data-testid="last-decision">
                  {last.action === 'reverse' ? 'reversed' : last.action.replace('_', ' ')} ({last.reasonCode.replaceAll('_', ' ')}) by{' '}
                  {actorName(last.actor, ctx.names, props.me)}, <time datetime={last.at}>{last.at.slice(0, 16).replace('T', ' ')} UTC</time>
                </dd>
              </>
            ) : null}
            <dt>Score</dt>
            <dd>
              {item.score.toFixed(3)} {item.referralCandidate ? '(referral candidate)' : ''}
            </dd>
            <dt>Category</dt>
            <dd>{item.category.replaceAll('_', ' ')}</dd>
            <dt>Language</dt>
            <dd data-testid="language">
              {languageLabel(lang, tag)} ({tag})
              {lang !== 'en' ? (
                <div>
                  <GlossSummary signals={signals} />
                </div>
              ) : null}
            </dd>
            <dt>Platform / author</dt>
            <dd>
              {item.post.platform} / {item.post.author ? <Name text={item.post.author} testid="author" /> : 'unknown'}
            </dd>
            <dt>Claim</dt>
            <dd data-testid="claim">
              {item.claim ? (
                <>
                  <bdi data-testid="claim-holder">{actorName(item.claim.holder, ctx.names, props.me)}</bdi> ·{' '}
                  <span id="lease" data-expires={item.claim.leaseExpiresAt}>
                    lease until {item.claim.leaseExpiresAt}
                  </span>
                  {mine ? (
                    <>
                      <form method="post" action={`/review/items/${item.id}/renew`} id="renew-form" class="inline">
                        <FiltersInput filters={filters} /> <button type="submit">Renew lease</button>
                      </form>{' '}
                      <form method="post" action={`/review/items/${item.id}/release`} id="release-form" class="inline">
                        <FiltersInput filters={filters} />
                        <button type="submit">Release claim</button>
                      </form>
                    </>
                  ) : null}
                </>
              ) : (
                'unclaimed'
              )}
            </dd>
          </dl>
          {pending && mine ? (
            <>
              <p>
                <label for="note">Note (optional)</label>
                <br />
                <textarea id="note" rows={2} cols={30} maxlength={2000} />
              </p>
              <DecisionForm id={item.id} action="confirm" label="Confirm advert" keyHint="c" filters={filters} />
              <DecisionForm id={item.id} action="reject" label="Reject" keyHint="r" filters={filters} />
              <DecisionForm id={item.id} action="escalate" label="Escalate" keyHint="e" filters={filters} />
              <DecisionForm id={item.id} action="needs_translation" label="Needs translation" keyHint="t" filters={filters} />
              <script>{raw(NOTE_SCRIPT)}</script>
            </>
          ) : pending && !item.claim ? (
            <form method="post" action={`/review/items/${item.id}/claim`} id="claim-form">
              <FiltersInput filters={filters} />
              <button type="submit">Claim this item (a)</button>
            </form>
          ) : null}
          {props.lead && item.status !== 'open' && holderFree ? <ReverseForm itemId={item.id} filters={filters} /> : null}
          <form method="post" action="/review/next" id="take-next">
            <input type="hidden" name="status" value="open" />
            <FiltersInput filters={filters} />
            <button type="submit">Take next item (n)</button>
          </form>
        </aside>
      </div>
      {ctx.undoLeftMs > 0 ? <script>{raw(UNDO_SCRIPT)}</script> : null}
    </Layout>
  );
}
