/**
 * Classic's displayed dates read back for ordering: the shapes Salesforce renders per locale, and
 * refusal (undefined) for anything else, since a guessed order would merge a conversation wrongly.
 */
import { describe, expect, it } from 'vitest';
import { classicDateOrder } from './salesforceDates';

const at = (year: number, month: number, day: number, hour: number, minute: number) => Date.UTC(year, month - 1, day, hour, minute);

describe('classicDateOrder', () => {
  it('reads the US format month first with a 12-hour clock', () => {
    expect(classicDateOrder('3/2/2026 8:40 AM')).toBe(at(2026, 3, 2, 8, 40));
    expect(classicDateOrder('3/2/2026 12:05 PM')).toBe(at(2026, 3, 2, 12, 5));
    expect(classicDateOrder('3/2/2026 12:05 AM')).toBe(at(2026, 3, 2, 0, 5));
    expect(classicDateOrder('12/31/2026 11:59 p.m.')).toBe(at(2026, 12, 31, 23, 59));
  });

  it('reads day-first dates with dots or slashes and year-first dates, on a 24-hour clock', () => {
    expect(classicDateOrder('05.03.2026 13:25')).toBe(at(2026, 3, 5, 13, 25));
    expect(classicDateOrder('5. 3. 2026, 08:12')).toBe(at(2026, 3, 5, 8, 12));
    expect(classicDateOrder('05/03/2026 09:40')).toBe(at(2026, 3, 5, 9, 40));
    expect(classicDateOrder('2026/03/05 10:31')).toBe(at(2026, 3, 5, 10, 31));
  });

  it('orders the same moment the same way in every locale', () => {
    expect(classicDateOrder('3/5/2026 1:25 PM')).toBe(classicDateOrder('05.03.2026 13:25'));
  });

  it('refuses what is not a date it can place', () => {
    for (const text of ['2/30/2026 8:40 AM', '13/13/2026 10:00', '3/2/2026 13:40 PM', '3/2/2026', 'yesterday', '05.03.2026 24:10', '']) {
      expect(classicDateOrder(text), text).toBeUndefined();
    }
  });
});
