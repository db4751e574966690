/** @jsxImportSource hono/jsx */
import type { NetworkDetail, NetworkSummary } from '../../../networks/read.ts';
import { Islands, Name } from '../review/bidi.tsx';
import { directionOf } from '../review/direction.ts';
import { Layout } from '../review/layout.tsx';
import { BenignControl } from './benign-form.tsx';

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

const day = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** Networks largest first, one row each. */
export function NetworkListPage(props: { who: string; networks: NetworkSummary[]; nextCursor: string | null }) {
  return (
    <Layout title="Networks" who={props.who}>
      <h2>Networks</h2>
      <p>Posts that share a phone number, messenger handle or contact link, largest first.</p>
      {props.networks.length ? (
        <table data-testid="networks">
          <thead>
            <tr>
              <th scope="col">Posts</th>
              <th scope="col">Contact points</th>
              <th scope="col">Platforms</th>
              <th scope="col">Languages</th>
              <th scope="col">First seen</th>
              <th scope="col">Last seen</th>
              <th scope="col">Removed</th>
              <th scope="col">Confirmed</th>
            </tr>
          </thead>
          <tbody>
            {props.networks.map((n) => (
              <tr data-network={n.id}>
                <td>
                  <a href={`/networks/${n.id}`}>{n.size} posts</a>
                </td>
                <td>{n.entityCount}</td>
                <td>{n.platforms.join(', ')}</td>
                <td>{n.languages.join(', ')}</td>
                <td>{day(n.firstSeenAt)}</td>
                <td>{day(n.lastSeenAt)}</td>
                <td>{pct(n.shareRemoved)}</td>
                <td>{n.confirmedAt ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No networks yet.</p>
      )}
      {props.nextCursor ? <a href={`/networks?cursor=${encodeURIComponent(props.nextCursor)}`}>Next page</a> : null}
    </Layout>
  );
}

/** One network: its figures, contact points and posts. */
export function NetworkPage(props: { who: string; network: NetworkDetail; lead: boolean; flash?: string | undefined }) {
  const n = props.network;
  return (
    <Layout title={`Network of ${n.size}`} who={props.who}>
      <p>
        <a href="/networks">All networks</a>
      </p>
      {n.mergedFrom ? <p class="flash">Network {n.mergedFrom} was merged into this one.</p> : null}
      {props.flash ? (
        <p class="flash" role="alert">
          {props.flash}
        </p>
      ) : null}
      <h2>
        Network of <span data-testid="size">{n.size}</span> posts
      </h2>
      <dl class="meta">
        <dt>Platforms</dt>
        <dd data-testid="platforms">{n.platforms.join(', ')}</dd>
        <dt>Languages</dt>
        <dd data-testid="languages">{n.languages.join(', ')}</dd>
        <dt>First seen / last seen</dt>
        <dd>
          {day(n.firstSeenAt)} / {day(n.lastSeenAt)}
        </dd>
        <dt>Referred or confirmed</dt>
        <dd data-testid="vouched">
          {n.vouched} post(s){n.vouched ? ': its contacts raise new posts naming them (known contact)' : ''}
        </dd>
        <dt>Removed</dt>
        <dd data-testid="removed">
          {n.removed} of {n.size} ({pct(n.shareRemoved)})
        </dd>
      </dl>
      <h3>Contact points</h3>
      <ul data-testid="entities">
        {n.entities.map((e) => (
          <li data-entity={e.key}>
            {e.kind}:{' '}
            <code>
              <Name text={e.key.slice(e.key.indexOf(':') + 1)} />
            </code>{' '}
            in {e.posts} post(s)
            <BenignControl contactKey={e.key} benign={e.benign} lead={props.lead} back={`/networks/${n.id}`} />
          </li>
        ))}
      </ul>
      <h3>Posts</h3>
      <table data-testid="posts">
        <thead>
          <tr>
            <th scope="col">Seen</th>
            <th scope="col">Platform</th>
            <th scope="col">Text</th>
            <th scope="col">Review</th>
            <th scope="col">Removed</th>
          </tr>
        </thead>
        <tbody>
          {n.posts.map((p) => (
            <tr data-post={p.id}>
              <td>{day(p.seenAt)}</td>
              <td>
                <a href={p.url} rel="noreferrer noopener" target="_blank">
                  {p.platform}
                </a>
              </td>
              {p.text === null ? (
                <td>(purged)</td>
              ) : (
                <td dir={directionOf(p.language)} lang={p.language ?? 'und'} data-testid="member-text">
                  <Islands text={p.text} />
                </td>
              )}
              <td>{p.reviewItemId ? <a href={`/review/items/${p.reviewItemId}`}>{p.reviewStatus}</a> : p.outcome}</td>
              <td>{p.removed ? 'removed' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
