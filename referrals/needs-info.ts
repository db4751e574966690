/**
 * A platform's question about a referral (`needs_info`, reported like any other status through
 * referrals/platform-report.ts) and a lead's answer. The answer moves the referral back to where
 * it was before the question: `acknowledged` when the platform had acknowledged it, else `sent`,
 * so the platform's next report (actioned / declined) follows the normal table. The question and
 * answer stay on the referral (`infoRequest`) for the platform to read, and both moves are audited.
 */
import type { Db } from '../core/db/index.ts';
import { DomainError } from '../core/errors.ts';
import { transition, TransitionError } from './lifecycle.ts';
import { listOpenQuestions, questionState, type OpenQuestionRow } from './sql.ts';

export const ANSWER_MAX = 4_000;

export function openQuestions(db: Db): Promise<OpenQuestionRow[]> {
  return listOpenQuestions(db);
}

/** Answers the open question; throws TransitionError (404/409) or a bad_request DomainError. */
export async function answerQuestion(
  db: Db,
  input: { referralId: string; answer: string; actor: string; actorName?: string | undefined },
): Promise<{ id: string; status: 'sent' | 'acknowledged' }> {
  const answer = input.answer.trim();
  if (!answer) throw new DomainError('bad_request', 'an answer needs text', [{ in: 'body', field: 'answer', message: 'required' }]);
  if (answer.length > ANSWER_MAX)
    throw new DomainError('bad_request', `an answer is at most ${ANSWER_MAX} characters`, { field: 'answer' });
  const state = await questionState(db, input.referralId);
  if (!state) throw new TransitionError('not_found', `no referral ${input.referralId}`);
  if (state.status !== 'needs_info')
    throw new TransitionError(
      'illegal_transition',
      `referral ${input.referralId} is ${state.status}; there is no open question to answer`,
      state.status,
    );
  const back = state.acknowledgedAt ? 'acknowledged' : 'sent';
  const infoRequest = {
    ...(state.infoRequest ?? {}),
    answer,
    answeredBy: input.actorName ?? input.actor,
    answeredAt: new Date().toISOString(),
  };
  // `from` pins the move to needs_info: a platform report racing the answer makes one of them a 409.
  await transition(db, {
    referralId: input.referralId,
    to: back,
    from: ['needs_info'],
    actor: input.actor,
    action: 'referral.answer',
    data: { infoRequest },
  });
  return { id: input.referralId, status: back };
}
