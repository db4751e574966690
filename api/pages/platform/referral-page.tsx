/** @jsxImportSource hono/jsx */
/**
 * `/platform/referrals/:id`: one referral as a platform moderator reads it — a summary line, the
 * post text (in its language and direction), the cues in words with English glosses, the evidence
 * (screenshot, download links, hashes), the question and answer if any, the history, and the
 * report buttons the referral's state allows (the same lifecycle table as the API).
 */
import { Layout } from '../review/layout.tsx';
import { Flash } from './flash.tsx';
import { Name } from '../review/bidi.tsx';
import { canTransition } from '../../../referrals/lifecycle.ts';
import type { PlatformReferralRow, ReferralPostRow } from '../../../referrals/sql.ts';
import { evidenceFileNames } from '../../../referrals/evidence-files.ts';
import { DirectedText } from './post-text.tsx';
import { signalWords } from '../../../detector/signal-words.ts';
import { directionOf } from '../review/direction.ts';
import { ACTION_WORDS, CATEGORY_WORDS, STATUS_WORDS } from './words.ts';
import type { ReferralStatus } from '../../../generated/prisma/enums.ts';

export interface HistoryEntry {
  action: string;
  actor: string;
  actorName: string | null;
  after: Record<string, unknown> | null;
  createdAt: Date;
}

interface InfoRequest {
  question: string;
  askedAt: string;
  answer?: string;
  answeredBy?: string;
  answeredAt?: string;
}

interface EvidenceView {
  capturedAt?: string;
  finalUrl?: string | null;
  httpStatus?: number | null;
  screenshotSha256?: string | null;
  htmlSha256?: string | null;
  textSha256?: string;
  error?: string | null;
}

const when = (d: Date | string) => new Date(d).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/** Who did it, in words: a key's name, "Tidewatch" for the system, the CLI user otherwise. */
function actorWords(h: HistoryEntry): string {
  if (h.actorName) return h.actorName;
  if (h.actor.startsWith('system:')) return h.actor === 'system:queue-dashboard' ? 'Tidewatch operator (queue dashboard)' : 'Tidewatch';
  if (h.actor.startsWith('cli:')) return `Tidewatch operator (${h.actor.slice(4)})`;
  return h.actor;
}

/** The words a person needs from an event: a decline's reason, the question, the answer. */
function historyDetail(h: HistoryEntry): string {
  const outcome = h.after?.outcome as { reason?: unknown } | undefined;
  const info = h.after?.infoRequest as { question?: unknown; answer?: unknown } | undefined;
  if (h.action === 'referral.declined' && typeof outcome?.reason === 'string') return ` (reason: ${outcome.reason})`;
  if (h.action === 'referral.needs_info' && typeof info?.question === 'string') return ` (“${info.question}”)`;
  if (h.action === 'referral.answer' && typeof info?.answer === 'string') return ` (“${info.answer}”)`;
  return '';
}

export function ReferralPage(props: {
  who: string;
  referral: PlatformReferralRow;
  post: ReferralPostRow;
  history: HistoryEntry[];
  textSha256: string;
  back: string;
  flash?: { kind: 'done' | 'error'; message: string } | undefined;
}) {
  const r = props.referral;
  const p = props.post;
  const status = r.status as ReferralStatus;
  const lang = p.languageTag ?? p.language ?? undefined;
  const dir = directionOf(lang);
  const category = CATEGORY_WORDS[p.category ?? ''] ?? p.category ?? 'not classified';
  const signals = [...new Map((p.signals ?? []).map((s) => [`${s.type}|${s.value}`, s])).values()];
  const ev = (r.evidence ?? null) as EvidenceView | null;
  const files = evidenceFileNames(r.evidence);
  const info = (r.infoRequest ?? null) as InfoRequest | null;
  const base = `/platform/referrals/${r.id}`;
  const can = (to: ReferralStatus) => canTransition(status, to);
  const summary = `Post ${r.platformPostId} on ${r.platform} appears to advertise migrant smuggling (${category})${
    r.automated ? ', found by automated detection' : ', confirmed by a human reviewer'
  }; ${signals.length} cue${signals.length === 1 ? '' : 's'} in the text.`;
  return (
    <Layout section="platform" title={`Referral ${r.platformPostId}`} who={props.who}>
      <p>
        <a href={props.back}>Back to the list</a>
      </p>
      <h2>
        Referral of post <bdi>{r.platformPostId}</bdi>
      </h2>
      <Flash flash={props.flash} />
      <p data-testid="summary">
        <strong>Summary:</strong> {summary}
      </p>
      <dl class="meta">
        <dt>Status</dt>
        <dd data-testid="status">{STATUS_WORDS[status] ?? status}</dd>
        <dt>Post address</dt>
        <dd>
          <a href={r.url} rel="noreferrer noopener" target="_blank">
            <bdi>{r.url}</bdi>
          </a>
        </dd>
        <dt>Account</dt>
        <dd>{p.authorHandle ? <Name text={p.authorHandle} /> : 'not known'}</dd>
        <dt>Your ticket</dt>
        <dd>{r.ticketId ? <bdi>{r.ticketId}</bdi> : 'none yet'}</dd>
      </dl>
      <div class="grid">
        <section aria-labelledby="post-h">
          <h3 id="post-h">Post text</h3>
          <DirectedText block text={p.text} lang={lang} testid="post-text" />
          <p>
            SHA-256 of the text: <code style="overflow-wrap:anywhere">{props.textSha256}</code>
          </p>
          <h3>Why it was referred</h3>
          <p>Category: {category}.</p>
          {signals.length ? (
            <ul data-testid="cues">
              {signals.map((s) => {
                // The cue in words ("destination: UK"), then as written in the post, then its English gloss.
                const w = signalWords(s);
                const lexical = s.type.startsWith('concept:') || s.type.startsWith('counter:');
                const written =
                  !lexical && s.start >= 0 && s.end <= p.text.length && s.start < s.end ? p.text.slice(s.start, s.end) : s.value;
                return (
                  <li>
                    {w.label}
                    {!lexical && w.value ? `: ${w.value}` : ''} — “
                    <bdi lang={lang} dir={s.type === 'phone' || s.type === 'messenger' ? 'ltr' : dir}>
                      {written}
                    </bdi>
                    ”{s.gloss ? <span class="gloss"> — means “{s.gloss}”</span> : null}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p>No individual cues were recorded.</p>
          )}
        </section>
        <section aria-labelledby="evidence-h">
          <h3 id="evidence-h">Evidence</h3>
          {ev ? (
            <>
              {files.includes('screenshot.png') ? (
                <img
                  src={`${base}/evidence/screenshot.png`}
                  alt={`Screenshot of post ${r.platformPostId} captured ${ev.capturedAt ? when(ev.capturedAt) : ''}`}
                  style="max-width:100%;border:1px solid #111"
                />
              ) : null}
              <ul>
                {files.map((f) => (
                  <li>
                    <a href={`${base}/evidence/${f}`} download>
                      Download {f === 'screenshot.png' ? 'the screenshot' : 'the captured page HTML'}
                    </a>
                  </li>
                ))}
              </ul>
              <dl class="meta">
                {ev.capturedAt ? (
                  <>
                    <dt>Captured</dt>
                    <dd>{when(ev.capturedAt)}</dd>
                  </>
                ) : null}
                {ev.screenshotSha256 ? (
                  <>
                    <dt>Screenshot SHA-256</dt>
                    <dd>
                      <code style="overflow-wrap:anywhere">{ev.screenshotSha256}</code>
                    </dd>
                  </>
                ) : null}
                {ev.htmlSha256 ? (
                  <>
                    <dt>HTML SHA-256</dt>
                    <dd>
                      <code style="overflow-wrap:anywhere">{ev.htmlSha256}</code>
                    </dd>
                  </>
                ) : null}
                {ev.error ? (
                  <>
                    <dt>Capture problem</dt>
                    <dd>{ev.error}</dd>
                  </>
                ) : null}
              </dl>
            </>
          ) : (
            <p>No evidence was captured for this referral.</p>
          )}
        </section>
      </div>
      {info ? (
        <section aria-labelledby="question-h">
          <h3 id="question-h">Your question</h3>
          <p data-testid="question">
            “{info.question}” (asked {when(info.askedAt)})
          </p>
          {info.answer ? (
            <p data-testid="answer">
              <strong>Answer</strong> from {info.answeredBy} ({info.answeredAt ? when(info.answeredAt) : ''}): {info.answer}
            </p>
          ) : (
            <p>Not answered yet.</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="act-h">
        <h3 id="act-h">Report what you did</h3>
        {status === 'sent' ? (
          <form method="post" action={`${base}/status`} aria-label="Acknowledge">
            <input type="hidden" name="status" value="acknowledged" />
            <label for="ack-ticket">Your ticket id{r.ticketId ? ' (leave empty to keep ' + r.ticketId + ')' : ''} </label>
            <input id="ack-ticket" name="ticketId" maxlength={200} required={!r.ticketId} /> <button type="submit">Acknowledge</button>
          </form>
        ) : null}
        {can('actioned') ? (
          <form method="post" action={`${base}/status`} aria-label="Mark as actioned">
            <input type="hidden" name="status" value="actioned" />
            <button type="submit">Mark as actioned (content removed or restricted)</button>
          </form>
        ) : null}
        {can('declined') ? (
          <form method="post" action={`${base}/status`} aria-label="Decline">
            <input type="hidden" name="status" value="declined" />
            <label for="decline-reason">Reason for declining </label>
            <br />
            <textarea id="decline-reason" name="reason" rows={2} cols={60} maxlength={2000} required />
            <br />
            <button type="submit">Decline</button>
          </form>
        ) : null}
        {can('needs_info') ? (
          <form method="post" action={`${base}/status`} aria-label="Ask for more information">
            <input type="hidden" name="status" value="needs_info" />
            <label for="info-question">Question for the referring team </label>
            <br />
            <textarea id="info-question" name="question" rows={2} cols={60} maxlength={2000} required />
            <br />
            <button type="submit">Ask for more information</button>
          </form>
        ) : null}
        {!['acknowledged', 'actioned', 'declined', 'needs_info'].some((s) => can(s as ReferralStatus)) ? (
          <p>Nothing to report in this state ({STATUS_WORDS[status] ?? status}).</p>
        ) : null}
      </section>
      <section aria-labelledby="history-h">
        <h3 id="history-h">History</h3>
        <ol data-testid="history">
          {props.history.map((h) => (
            <li>
              {when(h.createdAt)}: {ACTION_WORDS[h.action] ?? h.action}, by {actorWords(h)}
              {historyDetail(h)}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
