/** @jsxImportSource hono/jsx */
import type { ListResult, ReviewItemView } from '../../../review/review-list.ts';
import { REVIEW_STATUSES } from '../../../review/filters.ts';
import { Name, PostSnippet } from './bidi.tsx';
import { directionOf, languageTagOf } from './direction.ts';
import { filterString, withQuery, type QueueQuery } from './queue-query.ts';
import { Layout, LANGUAGE_NAMES } from './layout.tsx';

/** Snippets stop at this many user-perceived characters (graphemes, never half an emoji). */
const SNIPPET_GRAPHEMES = 120;

const ACTION_DONE: Record<string, string> = {
  confirm: 'Confirmed as an advert',
  reject: 'Rejected',
  escalate: 'Escalated to a lead',
  needs_translation: 'Sent for translation',
};

export interface UndoOffer {
  itemId: string;
  action: string;
  /** The undo window (REVIEW_UNDO_SECONDS) in ms. */
  ms: number;
}

/** After a decision: what was done, and an Undo for the undo window that keeps the filters. */
function UndoToast(props: { undo: UndoOffer; filters: string }) {
  const done = ACTION_DONE[props.undo.action] ?? `Decision recorded: ${props.undo.action.replace('_', ' ')}`;
  return (
    <div class="toast" id="undo-toast" role="status" aria-live="polite" data-undo-ms={String(props.undo.ms)}>
      {done} (item <a href={withQuery(`/review/items/${props.undo.itemId}`, props.filters)}>{props.undo.itemId.slice(0, 8)}</a>).
      <form method="post" action={`/review/items/${props.undo.itemId}/undo`}>
        <input type="hidden" name="filters" value={props.filters} />
        <button type="submit" id="undo-button">
          Undo this decision
        </button>{' '}
        (for {Math.round(props.undo.ms / 1000)} seconds)
      </form>
    </div>
  );
}

/**
 * Whether to mark referral candidates or the others: when nearly every listed item is a candidate
 * the star says nothing, so the exceptions are marked instead.
 */
function candidateMarking(items: ReviewItemView[]): 'candidates' | 'non-candidates' {
  const n = items.filter((i) => i.referralCandidate).length;
  return n > items.length / 2 ? 'non-candidates' : 'candidates';
}

function ClaimCell(props: { item: ReviewItemView; me: string; holders: ReadonlyMap<string, string> }) {
  const claim = props.item.claim;
  if (!claim) return <>free</>;
  if (claim.holder === props.me) return <strong>held by you</strong>;
  return (
    <>
      held by <Name text={props.holders.get(claim.holder) ?? claim.holder} />
    </>
  );
}

export function QueuePage(props: {
  who: string;
  me: string;
  q: QueueQuery;
  list: ListResult;
  platforms: string[];
  holders: ReadonlyMap<string, string>;
  shortcuts: boolean;
  here: string;
  flash?: string | undefined;
  undo?: UndoOffer | undefined;
}) {
  const { q, list } = props;
  const filters = filterString(q);
  const total = REVIEW_STATUSES.reduce((n, s) => n + list.counts[s], 0);
  const marking = candidateMarking(list.items);
  return (
    <Layout title="Queue" who={props.who} shortcuts={props.shortcuts} here={props.here}>
      {props.undo ? <UndoToast undo={props.undo} filters={filters} /> : null}
      {props.flash ? (
        <p class="flash" role="status">
          {props.flash}
        </p>
      ) : null}
      <h2 class="sr-only">Review queue</h2>
      <nav class="counts" aria-label="Items per status">
        {REVIEW_STATUSES.map((s) => (
          <a
            href={withQuery('/review', filterString({ ...q, status: s }))}
            aria-current={q.status === s ? 'page' : undefined}
            data-count-status={s}
          >
            {q.status === s ? <strong>{s.replace('_', ' ')}</strong> : s.replace('_', ' ')}: <span data-count={s}>{list.counts[s]}</span>
          </a>
        ))}
        <span>(all: {total})</span>
      </nav>
      <form method="get" action="/review" aria-label="Filters">
        <input type="hidden" name="status" value={q.status} />
        <label>
          Language{' '}
          <select name="language">
            <option value="">any</option>
            {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
              <option value={code} selected={q.language === code}>
                {name} ({code})
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Platform{' '}
          <select name="platform">
            <option value="">any</option>
            {props.platforms.map((p) => (
              <option value={p} selected={q.platform === p}>
                {p}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Category <input name="category" value={q.category} size={14} />
        </label>{' '}
        <label>
          Referral candidates only <input type="checkbox" name="candidate" value="1" checked={q.candidate === '1'} />
        </label>{' '}
        <label>
          Sort{' '}
          <select name="sort">
            <option value="priority" selected={q.sort !== 'oldest'}>
              priority
            </option>
            <option value="oldest" selected={q.sort === 'oldest'}>
              oldest first
            </option>
          </select>
        </label>{' '}
        <button type="submit">Apply filters</button>
      </form>
      <form method="post" action="/review/next" id="take-next">
        <input type="hidden" name="filters" value={filters} />
        <p>
          <button type="submit">Take next item (n)</button>
        </p>
      </form>
      {list.items.length === 0 ? (
        <p>No {q.status.replace('_', ' ')} items match these filters.</p>
      ) : (
        <table>
          <caption class="sr-only">{q.status.replace('_', ' ')} items; rows open with Enter, j and k move between them</caption>
          <thead>
            <tr>
              <th scope="col">Score</th>
              <th scope="col">Post</th>
              <th scope="col">Language</th>
              <th scope="col">Platform</th>
              <th scope="col">Category</th>
              <th scope="col">Claim</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item, i) => {
              const href = withQuery(`/review/items/${item.id}`, filters);
              const tag = languageTagOf(item.post.language ?? item.language, item.classification?.languageTag);
              return (
                <tr data-href={href} tabindex={i === 0 ? 0 : -1} aria-selected="false" data-item={item.id}>
                  <td>
                    {item.score.toFixed(2)}
                    {marking === 'candidates' && item.referralCandidate ? <span class="snippet-meta"> ★ referral candidate</span> : null}
                    {marking === 'non-candidates' && !item.referralCandidate ? (
                      <span class="snippet-meta"> not a referral candidate</span>
                    ) : null}
                  </td>
                  <td lang={tag} dir={directionOf(tag)}>
                    <a href={href} data-testid="post-link">
                      <PostSnippet text={item.post.text} tag={tag} max={SNIPPET_GRAPHEMES} />
                    </a>
                  </td>
                  <td>{LANGUAGE_NAMES[item.language] ?? item.language}</td>
                  <td>{item.platform}</td>
                  <td>{item.category.replaceAll('_', ' ')}</td>
                  <td>
                    <ClaimCell item={item} me={props.me} holders={props.holders} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {list.nextCursor ? (
        <a href={withQuery('/review', `${filters}${filters ? '&' : ''}cursor=${encodeURIComponent(list.nextCursor)}`)}>Next page →</a>
      ) : null}
    </Layout>
  );
}
