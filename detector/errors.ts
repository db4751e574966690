/**
 * Typed input errors from the detector API. Callers (the classify CLI, the API, workers) turn
 * them into per-post rejections naming the field, instead of failing on an opaque message.
 */

/** Longest post text the detector accepts, in UTF-16 code units. Longer is not a social post. */
export const MAX_TEXT_CHARS = 20_000;

export class InvalidInputError extends Error {
  readonly code = 'TIDEWATCH_INVALID_INPUT';
  constructor(
    /** The offending field, e.g. `text`. */
    readonly field: string,
    /** Why, without the post id: "is empty", "is longer than 20000 characters". */
    readonly reason: string,
    /** Id of the post, when known. */
    readonly postId?: string,
  ) {
    super(`${postId !== undefined ? `post ${JSON.stringify(postId)}: ` : ''}field "${field}" ${reason}`);
    this.name = 'InvalidInputError';
  }
}

/** Any non-whitespace character; a test, unlike trim(), copies nothing on the hot path. */
const NON_SPACE = /\S/;

/** Throws InvalidInputError when `text` is missing, empty, whitespace-only or too long. */
export function validateText(text: unknown, postId?: string): asserts text is string {
  if (typeof text !== 'string') throw new InvalidInputError('text', 'is missing or not a string', postId);
  if (text.length === 0) throw new InvalidInputError('text', 'is empty', postId);
  if (!NON_SPACE.test(text)) throw new InvalidInputError('text', 'is whitespace only', postId);
  if (text.length > MAX_TEXT_CHARS) {
    throw new InvalidInputError('text', `is longer than ${MAX_TEXT_CHARS} characters (${text.length})`, postId);
  }
}
