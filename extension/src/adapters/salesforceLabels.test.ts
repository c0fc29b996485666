/**
 * The UI words the Salesforce reader relies on where no language-free hook exists: field labels,
 * e-mail header labels and a post's visibility, in the languages of our fixtures and beyond.
 */
import { describe, expect, it } from 'vitest';
import { EMAIL_HEADER_LABELS, fieldMeaning, normalLabel, visibilityOf } from './salesforceLabels';

describe('normalLabel', () => {
  it('ignores case, spacing, a trailing colon, full-width forms and bidi marks', () => {
    expect(normalLabel('  Contact\u00a0 Name: ')).toBe('contact name');
    expect(normalLabel('差出人：')).toBe('差出人');
    expect(normalLabel('\u200fמאת:\u200f')).toBe('מאת');
    expect(normalLabel('Ｗｅｂ メール')).toBe('web メール');
  });
});

describe('fieldMeaning', () => {
  it('knows the case fields in every UI language of the fixtures', () => {
    expect(fieldMeaning('Case Number')).toBe('caseNumber');
    expect(fieldMeaning('Kundenvorgangsnummer')).toBe('caseNumber');
    expect(fieldMeaning('Asunto')).toBe('subject');
    expect(fieldMeaning('件名')).toBe('subject');
    expect(fieldMeaning('取引先責任者名')).toBe('contactName');
    expect(fieldMeaning('שם איש קשר')).toBe('contactName');
    expect(fieldMeaning('Web-E-Mail')).toBe('suppliedEmail');
    expect(fieldMeaning('Web メール')).toBe('suppliedEmail');
    expect(fieldMeaning('ケース所有者')).toBe('owner');
  });

  it('reads no meaning into labels it does not know, nor into partial matches', () => {
    expect(fieldMeaning('Status')).toBeUndefined();
    expect(fieldMeaning('Contact Phone')).toBeUndefined();
    expect(fieldMeaning('Subject Line')).toBeUndefined();
  });
});

describe('EMAIL_HEADER_LABELS', () => {
  it('tells From lines from To lines across languages', () => {
    for (const from of ['From:', 'Von:', 'De:', '差出人:', 'מאת:'])
      expect(EMAIL_HEADER_LABELS.from.has(normalLabel(from)), from).toBe(true);
    for (const to of ['To:', 'An:', 'Para:', '宛先:', 'אל:']) expect(EMAIL_HEADER_LABELS.to.has(normalLabel(to)), to).toBe(true);
    expect(EMAIL_HEADER_LABELS.from.has(normalLabel('To:'))).toBe(false);
  });
});

describe('visibilityOf', () => {
  it('reads "<Company> Only" and its translations as internal', () => {
    for (const phrase of ['Northwind Only', 'Nur Northwind', 'Northwind のみ', 'Northwind בלבד', 'To: Internal', 'Internal']) {
      expect(visibilityOf(phrase), phrase).toBe('internal');
    }
  });

  it('reads the shared-with-everyone phrases as public', () => {
    for (const phrase of ['All with access', 'To: All', 'Alle mit Zugriff', 'Todos con acceso'])
      expect(visibilityOf(phrase), phrase).toBe('public');
  });

  it('states nothing for other text, so a post is never made internal by a guess', () => {
    for (const phrase of ['', 'Pavel Novak', '45m ago', 'Only', 'Northwind']) expect(visibilityOf(phrase), phrase).toBeUndefined();
  });
});
