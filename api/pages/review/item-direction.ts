/**
 * Text direction from a language tag, not from the text's first strong character (`dir="auto"`
 * turns a Persian post that starts with an emoji or a Latin label left to right). Arabic-script
 * languages are right to left unless the tag names another script (`fa-Latn`, Finglish).
 * (The queue page has the same helper in direction.ts; the two are one when merged.)
 */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'ps', 'ckb', 'ur', 'he', 'yi', 'dv', 'sd', 'ug']);

export function directionOf(tag: string | null | undefined): 'rtl' | 'ltr' {
  if (!tag) return 'ltr';
  const [lang, ...rest] = tag.split('-');
  if (!RTL_LANGUAGES.has(lang!.toLowerCase())) return 'ltr';
  const script = rest.find((p) => p.length === 4);
  return script === undefined || script.toLowerCase() === 'arab' || script.toLowerCase() === 'hebr' ? 'rtl' : 'ltr';
}
