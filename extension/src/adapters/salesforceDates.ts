/**
 * Classic's related lists show dates in the user's locale and no machine-readable time, so merging
 * case comments and e-mails into one conversation needs the displayed dates read back. Only the
 * shapes Salesforce renders are accepted: "3/2/2026 8:40 AM" (US, month first, 12-hour clock),
 * "05.03.2026 08:12" (day first with dots), "2026/03/05 10:31" (year first) and "05/03/2026 08:12"
 * (day first: a 24-hour clock with slashes is never the US locale). Anything else is undefined,
 * and the reader then refuses rather than guess an order. The result orders dates; it is local
 * time, not an instant, so it is never reported as a message's time.
 */

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function validParts(parts: DateParts): DateParts | undefined {
  const { year, month, day, hour, minute } = parts;
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (hour > 23 || minute > 59) return undefined;
  return parts;
}

const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})\s*([AaPp])\.?[Mm]\.?$/;
const DOTTED = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}),?\s+(\d{1,2}):(\d{2})$/;
const YEAR_FIRST = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2}),?\s+(\d{1,2}):(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})$/;

function partsOf(text: string): DateParts | undefined {
  const us = US.exec(text);
  if (us !== null) {
    const [, month, day, year, hour, minute, meridiem] = us.map((part) => part ?? '');
    const clock = Number(hour);
    if (clock < 1 || clock > 12) return undefined;
    const hour24 = (clock % 12) + (meridiem?.toLowerCase() === 'p' ? 12 : 0);
    return validParts({ year: Number(year), month: Number(month), day: Number(day), hour: hour24, minute: Number(minute) });
  }
  for (const [pattern, order] of [
    [DOTTED, 'dmy'],
    [YEAR_FIRST, 'ymd'],
    [DAY_FIRST, 'dmy'],
  ] as const) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const [, a = '', b = '', c = '', hour = '', minute = ''] = match;
    const [year, month, day] = order === 'ymd' ? [a, b, c] : [c, b, a];
    return validParts({ year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute) });
  }
  return undefined;
}

/** A sortable number for a displayed Classic date-time, or undefined when it is not one we read. */
export function classicDateOrder(text: string): number | undefined {
  const parts = partsOf(text.replace(/\s+/g, ' ').trim());
  return parts === undefined ? undefined : Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
}
