/**
 * Small display formatters for the panel header: language names, percentages, money and dates.
 * Each falls back to the raw value, because the values come from a server or a webhook we do not
 * control and `Intl` throws on a malformed code.
 */
export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(undefined, { type: 'language' }).of(tag);
    return name === undefined ? tag : name;
  } catch {
    return tag;
  }
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function shortDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
