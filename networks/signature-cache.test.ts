import { describe, expect, it } from 'vitest';
import { signatureOf } from './near-duplicate.ts';
import { SignatureCache } from './signature-cache.ts';

describe('SignatureCache', () => {
  it('keeps the most recent entries up to its capacity', () => {
    const cache = new SignatureCache(3);
    for (const id of ['a', 'b', 'c', 'd']) cache.set(id, signatureOf(`boat to the uk ${id}`));
    expect(cache.size).toBe(3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('d')?.minhash).toEqual(signatureOf('boat to the uk d').minhash);
  });

  it('trusts an entry only when it carries every stored band key', () => {
    const cache = new SignatureCache();
    const sig = signatureOf('Boat to UK this week, 1500€, WhatsApp +44 7911 123456');
    cache.set('p', sig);
    expect(cache.matches('p', sig.bands.slice(2, 5))).toBe(true);
    // The same id stored again with another text: its bands are not the cached ones.
    expect(cache.matches('p', signatureOf('lorry to Germany, call now').bands.slice(0, 1))).toBe(false);
    expect(cache.matches('q', sig.bands)).toBe(false);
  });
});
