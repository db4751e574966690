/** @jsxImportSource hono/jsx */
/**
 * `/review/questions`: the leads' queue of platform questions (referrals in `needs_info`), oldest
 * first, each with the post, the question and an answer form. Answering moves the referral back to
 * where it was (referrals/needs-info.ts) and shows the answer to the platform.
 */
import { Layout } from '../review/layout.tsx';
import { Flash } from './flash.tsx';
import type { OpenQuestionRow } from '../../../referrals/sql.ts';
import { DirectedText } from './post-text.tsx';
import { truncateGraphemes } from '../review/direction.ts';

const when = (d: Date | string) => new Date(d).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

export function QuestionsPage(props: {
  who: string;
  rows: OpenQuestionRow[];
  flash?: { kind: 'done' | 'error'; message: string } | undefined;
}) {
  return (
    <Layout title="Platform questions" who={props.who}>
      <h2>Questions from platforms</h2>
      <Flash flash={props.flash} />
      {props.rows.length === 0 ? (
        <p>No open questions.</p>
      ) : (
        props.rows.map((q) => {
          const id = `answer-${q.id}`;
          return (
            <article aria-labelledby={`${id}-h`} style="border:1px solid #111;padding:.6rem;margin-bottom:1rem">
              <h3 id={`${id}-h`}>
                {q.platform}, post <bdi>{q.platformPostId}</bdi>
                {q.ticketId ? (
                  <>
                    {' '}
                    (their ticket <bdi>{q.ticketId}</bdi>)
                  </>
                ) : null}
              </h3>
              <p>
                Post: <DirectedText text={truncateGraphemes(q.text, 280)} lang={q.language} />
              </p>
              <p data-testid="question">
                <strong>Question</strong>
                {q.infoRequest ? ` (asked ${when(q.infoRequest.askedAt)})` : ''}: “{q.infoRequest?.question ?? ''}”
              </p>
              <form method="post" action={`/review/questions/${q.id}/answer`}>
                <label for={id}>
                  Answer to {q.platform} about post {q.platformPostId}
                </label>
                <br />
                <textarea id={id} name="answer" rows={3} cols={70} maxlength={4000} required />
                <br />
                <button type="submit">Send answer about post {q.platformPostId}</button>
              </form>
            </article>
          );
        })
      )}
    </Layout>
  );
}
