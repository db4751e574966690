/** Public surface of the normaliser: see normalise.ts for why offsets are kept. */
export { normalise, toOriginalSpan, type Normalised, type ObfuscationStats } from './normalise.ts';
export { charClass, charScript, isWordChar, LETTER, MARK, DIGIT, OTHER } from './chars.ts';
export { SCRIPT_ARABIC, SCRIPT_CYRGREEK, SCRIPT_LATIN, SCRIPT_OTHER } from './chars.ts';
