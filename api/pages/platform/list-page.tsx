/** @jsxImportSource hono/jsx */
/** `/platform`: the referrals sent to the signed-in platform, newest first, filtered by status and date. */
import { Layout } from '../review/layout.tsx';
import { ReferralStatus } from '../../../generated/prisma/enums.ts';
import type { PlatformReferralRow } from '../../../referrals/sql.ts';
import { DirectedText } from './post-text.tsx';
import { truncateGraphemes } from '../review/direction.ts';
import { STATUS_WORDS } from './words.ts';

export interface PlatformListQuery {
  status: string;
  from: string;
  to: string;
}

export const queryString = (q: PlatformListQuery, extra: Record<string, string> = {}) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...extra })) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
};

const day = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

export function PlatformListPage(props: {
  who: string;
  platform: string;
  query: PlatformListQuery;
  rows: PlatformReferralRow[];
  nextCursor: string | null;
  flash?: string | undefined;
}) {
  const { query: q } = props;
  return (
    <Layout section="platform" title={`Referrals to ${props.platform}`} who={props.who}>
      <h2>Referrals to {props.platform}</h2>
      <div role="status" aria-live="polite">
        {props.flash ? <p class="flash">{props.flash}</p> : null}
      </div>
      <form method="get" action="/platform" aria-label="Filter referrals">
        <label for="f-status">Status </label>
        <select id="f-status" name="status">
          <option value="">any status</option>
          {Object.values(ReferralStatus).map((s) => (
            <option value={s} selected={q.status === s}>
              {STATUS_WORDS[s] ?? s}
            </option>
          ))}
        </select>{' '}
        <label for="f-from">Created from </label>
        <input id="f-from" type="date" name="from" value={q.from} /> <label for="f-to">to (inclusive) </label>
        <input id="f-to" type="date" name="to" value={q.to} /> <button type="submit">Apply filters</button>{' '}
        <a href="/platform">Clear filters</a>
      </form>
      {props.rows.length === 0 ? (
        <p>No referrals match these filters.</p>
      ) : (
        <table>
          <caption>Referrals, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
              <th scope="col">Post</th>
              <th scope="col">Your ticket</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td>{day(r.createdAt)}</td>
                <td>
                  <strong>{STATUS_WORDS[r.status] ?? r.status}</strong>
                </td>
                <td>
                  <a href={`/platform/referrals/${r.id}${queryString(q)}`}>
                    Post <bdi>{r.platformPostId}</bdi>
                  </a>
                  : <DirectedText text={truncateGraphemes(r.text, 120)} lang={r.language} />
                </td>
                <td>{r.ticketId ? <bdi>{r.ticketId}</bdi> : 'none yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.nextCursor ? (
        <p>
          <a href={`/platform${queryString(q, { cursor: props.nextCursor })}`}>Older referrals</a>
        </p>
      ) : null}
    </Layout>
  );
}
