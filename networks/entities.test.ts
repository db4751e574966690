import { describe, expect, it } from 'vitest';
import { extractEntities } from '../detector/extract/index.ts';
import { entitiesOf } from './entities.ts';

const keys = (text: string) => entitiesOf(extractEntities(text, { lang: 'en' }), text).map((e) => e.key);

describe('entity normalisation', () => {
  it('gives one key for every way of writing the same phone', () => {
    for (const t of [
      'WhatsApp +44 7911 123456',
      'message wa.me/447911123456',
      'WhatsApp 0044 7911 123456',
      'call 07911 123456 on whatsapp',
    ]) {
      expect(keys(`Boat to UK, ${t}`)).toEqual(['phone:+447911123456']);
    }
  });
  it('treats t.me/<handle> and @handle alike, case-insensitively', () => {
    expect(keys('Lorry to London, Telegram t.me/Dover_Trips')).toEqual(['handle:@dover_trips']);
    expect(keys('Lorry to London, message me on telegram @DOVER_trips')).toEqual(['handle:@dover_trips']);
  });
  it('keeps invite links whole, so different invites stay apart', () => {
    expect(keys('join https://chat.whatsapp.com/AbC123 or t.me/joinchat/QwE9 or t.me/+XyZ7')).toEqual([
      'link:chat.whatsapp.com/abc123',
      'link:t.me/+xyz7',
      'link:t.me/joinchat/qwe9',
    ]);
    expect(keys('t.me/joinchat/Other1')).toEqual(['link:t.me/joinchat/other1']);
  });
  it('ignores signals that are not contact points', () => {
    expect(keys('Boat to UK this week, 1500€ per person')).toEqual([]);
  });
});
