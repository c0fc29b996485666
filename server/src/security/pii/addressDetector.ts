/**
 * Street addresses: a house number and a street-type word together (either alone is ordinary
 * prose), in the orders English, Spanish, German, French and Portuguese write them: `221B Baker
 * Street`, `Calle de Alcalá 142`, `Hauptstraße 12`, `27 rue des Lilas`, `Rua das Flores, 123`.
 * The street and number are the identifying part; postcodes and cities are left alone.
 */
import { escapeRegExp, foldText, type Span } from './piiSpan.js';

const EN_STREET_TYPES = [
  'Street', 'St', 'Avenue', 'Ave', 'Road', 'Rd', 'Boulevard', 'Blvd', 'Lane', 'Ln', 'Drive', 'Dr', 'Court', 'Ct', 'Place', 'Pl',
  'Square', 'Sq', 'Terrace', 'Way', 'Parkway', 'Pkwy', 'Highway', 'Hwy', 'Close', 'Crescent', 'Alley', 'Circle',
]; // prettier-ignore
const ES_STREET_TYPES = [
  'Calle',
  'C/',
  'Avenida',
  'Avda.',
  'Av.',
  'Paseo',
  'Plaza',
  'Carrera',
  'Camino',
  'Ronda',
  'Travesía',
  'Glorieta',
  'Carretera',
];
// Glued suffixes only where no common noun ends the same way ("Sitzplatz 12" is a seat, "Ehering" a ring).
const DE_STREET_SUFFIXES = ['straße', 'strasse', 'str.', 'weg', 'allee', 'gasse', 'damm', 'chaussee'];
const DE_STREET_WORDS = ['Straße', 'Strasse', 'Str.', 'Weg', 'Allee', 'Gasse', 'Damm', 'Chaussee', 'Platz', 'Ring', 'Ufer'];
const FR_STREET_TYPES = ['rue', 'avenue', 'av.', 'boulevard', 'bd', 'place', 'chemin', 'impasse', 'allée', 'quai', 'route', 'passage'];
const PT_STREET_TYPES = ['Rua', 'R.', 'Avenida', 'Av.', 'Travessa', 'Praça', 'Alameda', 'Estrada', 'Largo', 'Rodovia', 'Beco'];

/** Either capitalisation of the first letter, the rest as written. */
function eitherCase(words: readonly string[]): string {
  return words
    .map((w) => {
      const first = w[0] as string;
      return `[${first.toUpperCase()}${first.toLowerCase()}]${escapeRegExp(w.slice(1))}`;
    })
    .join('|');
}

const SP = '[ \\u00a0]+';
const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
const ADDRESS_PATTERNS: readonly RegExp[] = [
  // 221B Baker Street, 1600 Amphitheatre Pkwy
  new RegExp(
    `(?<![\\p{L}\\p{N}])\\d{1,5}[A-Za-z]?,?${SP}(?:${NAME_WORD}${SP}){1,3}(?:${eitherCase(EN_STREET_TYPES)})(?![\\p{L}\\p{N}])`,
    'gu',
  ),
  // Calle Mayor 5, Avenida de la Constitución, 12
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${eitherCase(ES_STREET_TYPES)})[ \\u00a0]*(?:(?:de|del|la|las|los|el)${SP})*${NAME_WORD}` +
      `(?:${SP}(?:(?:de|del|la|las|los|el|y)${SP})*${NAME_WORD}){0,3},?${SP}(?:n[º°o]\\.?[ \\u00a0]*)?\\d{1,4}[A-Za-z]?(?![\\p{L}\\p{N}])`,
    'gu',
  ),
  // Hauptstraße 12, Berliner Straße 5
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:\\p{Lu}[\\p{L}-]*(?:${DE_STREET_SUFFIXES.map(escapeRegExp).join('|')})|\\p{Lu}[\\p{L}-]*${SP}(?:${DE_STREET_WORDS.map(escapeRegExp).join('|')}))[ \\u00a0]*\\d{1,4}[a-z]?(?![\\p{L}\\p{N}])`,
    'gu',
  ),
  // 12 rue de la Paix, 5 bis avenue Victor Hugo
  new RegExp(
    `(?<![\\p{L}\\p{N}])\\d{1,4}(?:[ \\u00a0]?(?:bis|ter))?,?${SP}(?:${eitherCase(FR_STREET_TYPES)})${SP}(?:(?:de|du|des|la|le|les)${SP}|[lLdD]['’])*${NAME_WORD}(?:${SP}${NAME_WORD}){0,3}`,
    'gu',
  ),
  // Rua das Flores, 123; Avenida Paulista, 1578; Travessa do Carmo 4
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${eitherCase(PT_STREET_TYPES)})[ \\u00a0]*(?:(?:da|das|do|dos|de)${SP})*${NAME_WORD}` +
      `(?:${SP}(?:(?:da|das|do|dos|de|e)${SP})*${NAME_WORD}){0,3},?${SP}(?:n[º°o]\\.?[ \\u00a0]*)?\\d{1,5}[A-Za-z]?(?![\\p{L}\\p{N}])`,
    'gu',
  ),
];

export function detectAddresses(text: string): Span[] {
  return ADDRESS_PATTERNS.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m): Span => {
      // A sentence-final period after a street name is punctuation, not an abbreviation.
      const value = m[0].replace(/\.$/, '');
      return { start: m.index, end: m.index + value.length, kind: 'ADDRESS', key: foldText(value).replace(/[\s,]+/g, ' ') };
    }),
  );
}
