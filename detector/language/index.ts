/** Public surface of language identification. */
export { detectLanguage, toLanguage, type DetectedLanguage } from './detect.ts';
export { kurmanjiScore } from './kurmanji.ts';
export { arabicScriptLanguage } from './arabic-script.ts';
