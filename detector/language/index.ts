/** Public surface of language identification. */
export {
  detectLanguage,
  identifyLanguage,
  languageTag,
  textScript,
  toLanguage,
  type DetectedLanguage,
  type IdentifiedLanguage,
  type Script,
} from './detect.ts';
export { romanisedLanguage } from './romanised.ts';
export { kurmanjiScore } from './kurmanji.ts';
export { arabicScriptLanguage } from './arabic-script.ts';
