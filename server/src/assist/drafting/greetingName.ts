/**
 * The name a reply greets the customer with: the first name out of whatever the helpdesk shows
 * ("MÉNDEZ, ROSARIO" → "Rosario", "dr. anna-lena schmidt" → "Anna-Lena", "Ana (via Zendesk)" →
 * "Ana"), or none when the display name is not a person's (an address, a company, a team, a
 * handle with digits): "Hello," reads better than "Hi Billing Team 2,".
 */

const TITLES = new Set(
  'mr mrs ms miss mx dr prof sir madam sr sra srta don dona dña herr frau fr m mme mlle monsieur madame sr. snr'.split(' '),
);
const NOT_A_PERSON =
  /\b(?:inc|ltd|llc|gmbh|s\.?a|sarl|corp|company|co|team|support|service|services|billing|sales|info|admin|noreply|no-reply|customer|client|store|shop|office|dept|department|helpdesk|unknown)\b/i;
/** A name word: letters with inner hyphens or apostrophes ("Anna-Lena", "O'Brien", "D’Angelo"). */
const NAME_WORD = /^\p{L}+(?:['’-]\p{L}+)*$/u;

function capitalise(word: string): string {
  // Only a name written all in one case is recased: "McDonald" and "van der Berg" stay as written.
  if (word !== word.toUpperCase() && word !== word.toLowerCase()) return word;
  return word.toLowerCase().replace(/(^|['’-])(\p{L})/gu, (_, sep: string, letter: string) => `${sep}${letter.toUpperCase()}`);
}

export function greetingName(displayName: string | undefined): string | undefined {
  if (displayName === undefined) return undefined;
  let name = displayName
    .normalize('NFC')
    .replace(/\([^)]*\)|\[[^\]]*\]|<[^>]*>|"[^"]*"/g, ' ')
    .trim();
  if (name === '' || /@|\d|https?:/i.test(name) || NOT_A_PERSON.test(name)) return undefined;
  // "Last, First" as directories and CRMs write it.
  const comma = name.split(',');
  if (comma.length === 2 && (comma[1] ?? '').trim() !== '') name = (comma[1] ?? '').trim();
  const words = name.split(/\s+/).filter((w) => !TITLES.has(w.toLowerCase().replace(/\.$/, '')) && w !== '');
  const first = words[0]?.replace(/[.,;:!]+$/, '');
  if (first === undefined || !NAME_WORD.test(first) || first.length < 2 || first.length > 30) return undefined;
  return capitalise(first);
}
