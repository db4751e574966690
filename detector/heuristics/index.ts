/** Public surface of the heuristic feature extractor. */
export { analyse, FEATURE_NAMES, type Analysis } from './analyse.ts';
export { tokenize, type Tokens } from './tokenize.ts';
export { PhraseMatcher, type Match } from './matcher.ts';
export { CONCEPTS, lexiconMatcher, type Concept, type LexEntry } from './lexicon.ts';
export { heuristicScore, guessCategory, type ScoreInput } from './score.ts';
