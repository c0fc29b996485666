import { describe, expect, it } from 'vitest';
import { newestText } from './quotedHistory.js';
import { fastestCpuMs } from '../../testing/cpuTime.js';

describe('newestText', () => {
  it.each([
    ['Thanks, got it.\n\nOn Tue, 4 Mar 2025 at 09:12, Ann <ann@example.com> wrote:\nThis is unacceptable!'],
    ['Thanks, got it.\nOn Tue, 4 Mar 2025 at 09:12, Ann <ann@example.com>\nwrote:\nThis is unacceptable!'],
    ['Thanks, got it.\n\nEl mar, 4 mar 2025 a las 9:12, Ana <ana@example.com> escribió:\nEsto es inaceptable.'],
    ['Thanks, got it.\n\nAm 04.03.2025 um 09:12 schrieb Kunde <kunde@example.com>:\nFrechheit!'],
    ["Thanks, got it.\n\nLe lun. 3 mars 2025 à 18:20, Client <client@example.com> a écrit :\nC'est inadmissible !"],
    ['Thanks, got it.\n\n-----Original Message-----\nFrom: Support\nThis is unacceptable!'],
    ['Thanks, got it.\n\n-----Ursprüngliche Nachricht-----\nVon: Kundenservice\nFrechheit!'],
    ["Thanks, got it.\n\n-----Message d'origine-----\nDe : Service client\nC'est inadmissible !"],
    ['Thanks, got it.\n\nFrom: Support <support@example.com>\nSent: 2 April 2025 10:20\nTo: me\nThis is unacceptable!'],
    ['Thanks, got it.\n________________________________\nDe: Soporte\nEsto es inaceptable.'],
  ])('keeps only what precedes a reply header (%#)', (message) => {
    expect(newestText(message)).toEqual({ text: 'Thanks, got it.', quoted: true });
  });

  it('drops quoted lines wherever they sit', () => {
    expect(newestText('> WHERE IS MY REFUND??\n> Third time asking\nGot it now, thanks.')).toEqual({
      text: 'Got it now, thanks.',
      quoted: true,
    });
  });

  it('leaves a message without history alone', () => {
    const message = 'From: the shop in Leeds\nI ordered on Monday and nothing came. Am Montag schrieb ich Ihnen schon.';
    expect(newestText(message)).toEqual({ text: message, quoted: false });
  });

  it('reads a message that is all quote as it is, rather than as nothing', () => {
    expect(newestText('> still broken')).toEqual({ text: '> still broken', quoted: false });
  });

  it('costs its length on 20,000-character lines shaped like headers', () => {
    const time = (text: string) => fastestCpuMs(() => newestText(text), 1);
    for (const unit of ['On ', 'Am ', 'From: ', '-', ' ', '>', 'wrote: \n']) {
      const text = unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000);
      // A quadratic scan of 20,000 characters takes seconds; a linear one well under this floor on a loaded machine.
      expect(time(text)).toBeLessThan(250);
    }
  });
});
