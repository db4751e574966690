/** @jsxImportSource hono/jsx */
/**
 * The item page's side panels: the author's other posts, the referral's live state (with the
 * evidence screenshot), the undo toast and the lead's reverse form. Every form carries the queue
 * filters so the reviewer lands back in the same queue.
 */
import type { AuthorPostRow } from '../../../review/sql.ts';
import type { ReferralState } from '../../../review/item-context.ts';
import { Islands } from './bidi.tsx';
import { directionOf, truncateGraphemes } from './direction.ts';

/** A key id as a person reads it: "you", the key's name, or what a system actor is. */
export function actorName(id: string, names: ReadonlyMap<string, string>, me: string): string {
  if (id === me) return 'you';
  const name = names.get(id);
  if (name) return name;
  if (id.startsWith('cli:')) return `${id.slice(4)} (command line)`;
  if (id.startsWith('system:')) return `Tidewatch (${id.slice(7)} stage)`;
  return `key ${id}`;
}

/** The queue filters, carried through every form. */
export const FiltersInput = (props: { filters: string }) => <input type="hidden" name="filters" value={props.filters} />;

const OUTCOME_WORDS: Record<string, string> = {
  pending: 'not classified yet',
  dismissed: 'dismissed (low score)',
  review: 'sent to review',
  referral_candidate: 'referral candidate',
  duplicate: 're-upload of an earlier post',
};

/** A short post excerpt in its own language and direction. */
const Snippet = (props: { text: string; lang: string | null }) => (
  <bdi lang={props.lang ?? 'und'} dir={directionOf(props.lang)}>
    <Islands text={truncateGraphemes(props.text, 90)} />
  </bdi>
);

export function AuthorPosts(props: { posts: AuthorPostRow[]; author: string | null; filters: string }) {
  if (!props.author) return <p>The author is unknown, so no other posts can be linked.</p>;
  if (!props.posts.length) return <p data-testid="author-posts">No other posts by this author on this platform.</p>;
  const q = props.filters ? `?${props.filters}` : '';
  return (
    <ul data-testid="author-posts">
      {props.posts.map((p) => (
        <li data-post={p.postId}>
          <time datetime={p.at}>{p.at.slice(0, 10)}</time> · {OUTCOME_WORDS[p.outcome] ?? p.outcome}
          {p.itemStatus ? ` · review: ${p.itemStatus.replace('_', ' ')}` : ''} ·{' '}
          {p.itemId ? (
            <a href={`/review/items/${p.itemId}${q}`}>
              <Snippet text={p.text} lang={p.language} />
            </a>
          ) : (
            <Snippet text={p.text} lang={p.language} />
          )}
        </li>
      ))}
    </ul>
  );
}

const STATUS_WORDS: Record<string, string> = {
  queued: 'queued: not sent yet',
  sent: 'sent to the platform',
  acknowledged: 'acknowledged by the platform',
  actioned: 'actioned: the platform removed or restricted it',
  declined: 'declined by the platform',
  needs_info: 'the platform asked a question (a lead answers it)',
  answer: 'a lead answered the platform’s question',
  redeliver: 'queued to be sent again (re-delivery)',
  confirmed_offline: 'confirmed offline',
  still_online: 'still online after the platform’s decision',
  reappeared: 'reappeared online',
  failed: 'delivery failed',
  create: 'referral created',
  cancel: 'referral cancelled before sending (decision undone)',
};
const statusWords = (s: string) => STATUS_WORDS[s] ?? s.replace('_', ' ');
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export function ReferralPanel(props: { referral: ReferralState; itemId: string; names: ReadonlyMap<string, string>; me: string }) {
  const r = props.referral;
  const declined = r.events.findLast((e) => e.action === 'referral.declined');
  return (
    <section aria-labelledby="referral-heading" data-testid="referral">
      <h2 id="referral-heading">Referral to {r.platform}</h2>
      <p>
        Status: <strong data-testid="referral-status">{statusWords(r.status)}</strong>
        {r.ticketId ? (
          <>
            {' · ticket '}
            <bdi dir="ltr">{r.ticketId}</bdi>
          </>
        ) : null}
        {declined?.reason ? (
          <>
            {' · reason: '}
            <bdi data-testid="declined-reason">{declined.reason}</bdi>
          </>
        ) : null}
      </p>
      {r.status === 'failed' || (r.lastError && r.status === 'queued') ? (
        <p data-testid="referral-error">
          Last error after {r.attempts} attempt(s): <bdi>{r.lastError ?? 'unknown'}</bdi>
        </p>
      ) : null}
      <ol data-testid="referral-history">
        {r.events.map((e) => (
          <li>
            <time datetime={e.at}>{when(e.at)}</time> · {statusWords(e.action.replace(/^referral\./, ''))} · by{' '}
            {actorName(e.actor, props.names, props.me)}
            {e.ticketId ? ` · ticket ${e.ticketId}` : ''}
            {e.reason && e.action !== 'referral.declined' ? ` · ${e.reason}` : ''}
          </li>
        ))}
      </ol>
      {r.hasScreenshot ? (
        <figure>
          <img
            src={`/review/items/${props.itemId}/evidence/screenshot.png`}
            alt={`Evidence screenshot of the post's page on ${r.platform}, captured before the notice was sent`}
            width={600}
            data-testid="evidence-screenshot"
          />
          <figcaption>Evidence captured for the notice.</figcaption>
        </figure>
      ) : null}
    </section>
  );
}

/** After the viewer's own decision: an Undo button while the window lasts (the script hides it when it ends). */
export function UndoToast(props: { itemId: string; action: string; leftMs: number; filters: string }) {
  const seconds = Math.ceil(props.leftMs / 1000);
  return (
    <div class="flash toast" role="status" aria-live="polite" data-testid="undo-toast" data-undo-until={String(Date.now() + props.leftMs)}>
      Decision recorded: {props.action.replace('_', ' ')}.{' '}
      <form method="post" action={`/review/items/${props.itemId}/undo`} class="inline" id="undo-form">
        <FiltersInput filters={props.filters} />
        <button type="submit">Undo</button>
      </form>{' '}
      <span class="undo-left">{seconds} s to undo</span>
    </div>
  );
}

/** Leads reverse a decided item with a reason (the same rules as the API's reverse). */
export function ReverseForm(props: { itemId: string; filters: string }) {
  return (
    <form method="post" action={`/review/items/${props.itemId}/reverse`} id="reverse-form" data-testid="reverse-form">
      <FiltersInput filters={props.filters} />
      <p>
        <label for="reverse-reason">Reason to reverse (required)</label>
        <br />
        <select id="reverse-reason" name="reasonCode" required>
          <option value="">— choose —</option>
          <option value="wrong_decision">wrong decision</option>
          <option value="new_information">new information</option>
          <option value="platform_feedback">platform feedback</option>
          <option value="policy_change">policy change</option>
        </select>
      </p>
      <p>
        <label for="reverse-note">Reversal note (optional)</label>
        <br />
        <textarea id="reverse-note" name="note" rows={2} cols={30} maxlength={2000} />
      </p>
      <button type="submit">Reverse decision</button>
    </form>
  );
}
