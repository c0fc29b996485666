/**
 * Person labels as helpdesk pages render them, in several UI languages: labels, avatar initials,
 * pronouns and badges are cut from the name, the address gets its own field, and real names that
 * merely look like those things are left alone.
 */
import { describe, expect, it } from 'vitest';
import { cleanPersonName, nameWords, parsePersonLabel } from './personNames';

describe('parsePersonLabel', () => {
  it.each([
    ['Requester AB Anna Berg', 'Anna Berg'],
    ['Requester: Anna Berg', 'Anna Berg'],
    ['RequesterAB Anna Berg', 'Anna Berg'],
    ['Anfragender AB Anna Berg', 'Anna Berg'],
    ['Anfragende(r): Jörg Müller', 'Jörg Müller'],
    ['Solicitante JG José García', 'José García'],
    ['Demandeur : Chloé Martin', 'Chloé Martin'],
    ['依頼者 山田 花子', '山田 花子'],
    ['依頼者山田 花子', '山田 花子'],
    ['取引先責任者名 佐藤 健', '佐藤 健'],
    ['Contact Name Jonas Berg', 'Jonas Berg'],
    ['From: Tomasz Wielgus', 'Tomasz Wielgus'],
    ['מבקש: דנה לוי', 'דנה לוי'],
  ])('cuts the field label from %j', (label, name) => {
    expect(parsePersonLabel(label).name).toBe(name);
  });

  it.each([
    ['AB Anna Berg', 'Anna Berg'],
    ['ABAnna Berg', 'Anna Berg'],
    ['AMB Anna Maria Berg', 'Anna Maria Berg'],
    ['AB Anna Maria Berg', 'Anna Maria Berg'],
    ['P Priya', 'Priya'],
    ['PPriya', 'Priya'],
  ])('cuts avatar initials that abbreviate the name: %j', (label, name) => {
    expect(parsePersonLabel(label).name).toBe(name);
  });

  it.each(['AJ Smith', 'A Anna Berg', 'JoAnn Smith', 'McDonald Ronald', 'ANNA BERG', 'To Nguyen', 'De la Cruz', 'Van Dyke', 'Deborah Lee'])(
    'leaves a real name alone: %j',
    (name) => {
      expect(parsePersonLabel(name).name).toBe(name);
    },
  );

  it.each([
    ['Anna Berg (she/her)', 'Anna Berg'],
    ['Sam Lee (they/them/theirs)', 'Sam Lee'],
    ['Jörg Müller (er/ihm)', 'Jörg Müller'],
    ['Anna Berg she/her', 'Anna Berg'],
  ])('cuts pronouns from %j', (label, name) => {
    expect(parsePersonLabel(label).name).toBe(name);
  });

  it.each([
    ['Lea Santos Agent', 'Lea Santos', ['agent']],
    ['Lea Santos (Admin)', 'Lea Santos', ['admin']],
    ['Marco Rossi · Light agent', 'Marco Rossi', ['light-agent']],
    ['Anna Berg End user', 'Anna Berg', ['end-user']],
    ['Anna Berg Endbenutzer', 'Anna Berg', ['end-user']],
    ['Anna Berg Verified', 'Anna Berg', ['verified']],
    ['José García (Usuario final)', 'José García', ['end-user']],
    ['山田 花子 エンドユーザー', '山田 花子', ['end-user']],
    ['Priya Raman (me)', 'Priya Raman', ['self']],
    ['Agent Lea Santos', 'Lea Santos', ['agent']],
    ['Requester AB Anna Berg (she/her) · Verified', 'Anna Berg', ['verified']],
  ])('cuts badges from %j and reports them', (label, name, badges) => {
    const parsed = parsePersonLabel(label);
    expect(parsed.name).toBe(name);
    expect(parsed.badges).toEqual(badges);
  });

  it('keeps name-like badge words that are not delimited', () => {
    expect(parsePersonLabel('Ella Owner').name).toBe('Ella Owner');
    expect(parsePersonLabel('Ella Owner').badges).toEqual([]);
  });

  it.each([
    ['Anna Berg <anna.berg@example.com>', { name: 'Anna Berg', email: 'anna.berg@example.com' }],
    ['"Berg, Anna" <anna.berg@example.com>', { name: 'Berg, Anna', email: 'anna.berg@example.com' }],
    ['<anna.berg@example.com>', { email: 'anna.berg@example.com' }],
    ['anna.berg@example.com', { email: 'anna.berg@example.com' }],
    ['Anna Berg (anna.berg@example.com)', { name: 'Anna Berg', email: 'anna.berg@example.com' }],
    ['anna.berg@example.com (Anna Berg)', { name: 'Anna Berg', email: 'anna.berg@example.com' }],
    ['Requester AB Anna Berg <anna.berg@example.com>', { name: 'Anna Berg', email: 'anna.berg@example.com' }],
    ['\u200fדנה לוי\u200f <dana@example.co.il>', { name: 'דנה לוי', email: 'dana@example.co.il' }],
    ['Anna Berg <not-an-address>', { name: 'Anna Berg <not-an-address>' }],
  ])('puts the address of %j in its own field', (label, expected) => {
    const { badges: _badges, ...person } = parsePersonLabel(label);
    expect(person).toEqual(expected);
  });

  it('gives nothing for an empty or label-only text', () => {
    expect(parsePersonLabel('')).toEqual({ badges: [] });
    expect(parsePersonLabel(null)).toEqual({ badges: [] });
    expect(cleanPersonName('   ')).toBeUndefined();
    expect(cleanPersonName('Requester')).toBe('Requester');
  });

  it('bounds a hostile name', () => {
    expect(cleanPersonName('x'.repeat(5000))?.length).toBe(200);
  });
});

describe('nameWords', () => {
  it('compares names regardless of case, order and commas', () => {
    expect(nameWords('Berg, Anna')).toEqual(nameWords('anna  BERG'));
    expect(nameWords('Anna Berg')).not.toEqual(nameWords('Anna Maria Berg'));
  });
});
