/** @jsxImportSource hono/jsx */
import type { ListResult } from '../../../review/review-list.ts';
import { REVIEW_STATUSES } from '../../../review/filters.ts';
import { PostText } from './bidi.tsx';
import { Layout, LANGUAGE_NAMES } from './layout.tsx';

export interface QueueQuery {
  status: string;
  language: string;
  platform: string;
  category: string;
  candidate: string;
  sort: string;
}

function qs(q: QueueQuery, over: Partial<QueueQuery> = {}): string {
  const merged = { ...q, ...over };
  const p = new URLSearchParams(Object.entries(merged).filter(([, v]) => v !== ''));
  return p.toString();
}

/** Hidden inputs carrying the current filters into "take next". */
function FilterFields(props: { q: QueueQuery }) {
  return (
    <>
      {Object.entries(props.q).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

export function QueuePage(props: { who: string; q: QueueQuery; list: ListResult; platforms: string[]; flash?: string | undefined }) {
  const { q, list } = props;
  const total = REVIEW_STATUSES.reduce((n, s) => n + list.counts[s], 0);
  return (
    <Layout title="Queue" who={props.who}>
      {props.flash ? (
        <p class="flash" role="status">
          {props.flash}
        </p>
      ) : null}
      <nav class="counts" aria-label="Items per status">
        {REVIEW_STATUSES.map((s) => (
          <a href={`/review?${qs(q, { status: s })}`} aria-current={q.status === s ? 'page' : undefined} data-count-status={s}>
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
        <button type="submit">Filter</button>
      </form>
      <p>
        <form method="post" action="/review/next" id="take-next" class="inline">
          <FilterFields q={q} />
          <button type="submit">Take next item (n)</button>
        </form>
      </p>
      {list.items.length === 0 ? (
        <p>No {q.status.replace('_', ' ')} items match these filters.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Score</th>
              <th>Post</th>
              <th>Language</th>
              <th>Platform</th>
              <th>Category</th>
              <th>Claim</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr data-href={`/review/items/${item.id}`} aria-selected="false">
                <td>
                  {item.score.toFixed(2)}
                  {item.referralCandidate ? ' ★ candidate' : ''}
                </td>
                <td>
                  <a href={`/review/items/${item.id}`} data-testid="post-link">
                    <PostText text={item.post.text.length > 120 ? `${item.post.text.slice(0, 117)}…` : item.post.text} />
                  </a>
                </td>
                <td>{LANGUAGE_NAMES[item.language] ?? item.language}</td>
                <td>{item.platform}</td>
                <td>{item.category}</td>
                <td>{item.claim ? `held by ${item.claim.holder}` : 'free'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.nextCursor ? <a href={`/review?${qs(q)}&cursor=${encodeURIComponent(list.nextCursor)}`}>Next page →</a> : null}
    </Layout>
  );
}
