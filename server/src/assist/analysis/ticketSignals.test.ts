import { describe, expect, it } from 'vitest';
import { lexiconBaselineSignals } from './lexiconBaseline.js';
import { analyseTurns, frustrationLevel, ticketSignals, ticketSignalsOf } from './ticketSignals.js';

// Messages written for these tests, not taken from the labelled set.
describe.each([
  {
    language: 'en',
    calm: 'Hi, how can I change the delivery address on order #1042?',
    angry: 'THIS IS THE THIRD TIME I AM WRITING ABOUT THIS!!! STILL NOTHING. I WILL CANCEL MY SUBSCRIPTION',
    thanks: 'Thank you so much, that fixed it!',
    emergency: 'My card was stolen, please block it',
    stuck: "It still hasn't moved, I can't wait any longer.",
    sarcasm: 'Great, another week without my money. Thanks a lot.',
    deadline: 'Could you make sure the parcel arrives before Friday? It is for a wedding on Saturday.',
    noRush: 'No rush, but do you plan to sell the lamp in green?',
  },
  {
    language: 'es',
    calm: 'Hola, ¿cómo puedo cambiar la dirección de envío del pedido 1042?',
    angry: 'ES LA TERCERA VEZ QUE ESCRIBO!!! SIGUE SIN LLEGAR MI PEDIDO. ME DOY DE BAJA',
    thanks: '¡Muchas gracias, todo perfecto!',
    emergency: 'Me robaron la tarjeta ayer',
    stuck: 'Sigue sin moverse, no puedo esperar más.',
    sarcasm: 'Genial, otra semana sin mi dinero. Muchas gracias, de verdad.',
    deadline: '¿Podéis aseguraros de que el paquete llegue antes del viernes? Es para una boda el sábado.',
    noRush: 'Sin prisa: ¿vais a vender la lámpara en verde?',
  },
  {
    language: 'de',
    calm: 'Guten Tag, wie ändere ich die Lieferadresse meiner Bestellung?',
    angry: 'ICH SCHREIBE SCHON WIEDER!!! DIE BESTELLUNG IST IMMER NOCH NICHT DA. ICH KÜNDIGE',
    thanks: 'Vielen Dank, jetzt klappt alles super!',
    emergency: 'Meine Karte wurde gestohlen',
    stuck: 'Es hat sich immer noch nichts bewegt, ich kann nicht länger warten.',
    sarcasm: 'Na toll, noch eine Woche ohne mein Geld. Vielen Dank auch.',
    deadline: 'Können Sie dafür sorgen, dass das Paket bis Freitag ankommt? Es ist für eine Hochzeit am Samstag.',
    noRush: 'Keine Eile: Gibt es die Lampe auch in Grün?',
  },
  {
    language: 'fr',
    calm: 'Bonjour, comment changer l’adresse de livraison de ma commande ?',
    angry: "C'EST LA TROISIÈME FOIS QUE J'ÉCRIS !!! TOUJOURS PAS DE COLIS. JE VAIS RÉSILIER",
    thanks: 'Merci beaucoup, c’est parfait !',
    emergency: "On m'a volé ma carte bancaire",
    stuck: "Ça n'a toujours pas bougé, je ne peux pas attendre plus longtemps.",
    sarcasm: 'Génial, encore une semaine sans mon argent. Merci bien.',
    deadline: "Pouvez-vous faire en sorte que le colis arrive avant vendredi ? C'est pour un mariage samedi.",
    noRush: 'Rien ne presse : allez-vous vendre la lampe en vert ?',
  },
])('ticketSignals in $language', ({ language, calm, angry, thanks, emergency, stuck, sarcasm, deadline, noRush }) => {
  it('reads a third contact that cannot wait any longer as highly frustrated, where the lexicon read it calm', () => {
    const third = analyseTurns({ earlierCount: 2, latest: stuck }, language);
    expect(third.frustration).toBeGreaterThanOrEqual(0.7);
    expect(third.sentiment).toBe('negative');
    expect(third.urgency).toBe('high');
    expect(third.signals).toEqual(expect.arrayContaining(['earlier-contacts', 'impatience']));
    expect(lexiconBaselineSignals(stuck, language).frustration).toBeLessThan(0.7);
  });

  it('reads a calm question as neutral, calm and of normal urgency', () => {
    const result = ticketSignals(calm, language);
    expect(result).toMatchObject({ sentiment: 'neutral', urgency: 'normal', signals: [] });
    expect(frustrationLevel(result.frustration)).toBe('none');
  });

  it('reads a shouted repeat contact with a churn threat as very frustrated and pressing', () => {
    const result = ticketSignals(angry, language);
    expect(result.sentiment).toBe('negative');
    expect(result.frustration).toBeGreaterThanOrEqual(0.9);
    expect(result.urgency).toBe('high');
    expect(result.signals).toEqual(expect.arrayContaining(['all-caps', 'repeated-punctuation', 'repeat-contact', 'churn-threat']));
  });

  it('reads thanks as positive, calm and not urgent', () => {
    expect(ticketSignals(thanks, language)).toMatchObject({ sentiment: 'positive', urgency: 'low' });
    expect(ticketSignals(thanks, language).frustration).toBeLessThan(0.1);
  });

  it('reads a stolen card as critical without calling a calm report frustrated', () => {
    const result = ticketSignals(emergency, language);
    expect(result.urgency).toBe('critical');
    expect(result.frustration).toBeLessThan(0.7);
    expect(result.signals).toContain('emergency');
  });

  it('reads sarcastic praise and thanks as a frustrated complaint', () => {
    const result = ticketSignals(sarcasm, language);
    expect(result.sentiment).toBe('negative');
    expect(result.frustration).toBeGreaterThanOrEqual(0.7);
    expect(result.signals).toContain('sarcasm');
    expect(lexiconBaselineSignals(sarcasm, language).sentiment).not.toBe('negative');
  });

  it('reads a calm deadline as high urgency, not as frustration', () => {
    const result = ticketSignals(deadline, language);
    expect(result.urgency).toBe('high');
    expect(frustrationLevel(result.frustration)).toBe('none');
  });

  it('reads "no rush" as low urgency', () => {
    expect(ticketSignals(noRush, language).urgency).toBe('low');
  });
});

describe('ticketSignals', () => {
  it('scores the newest text, not the history quoted under it', () => {
    const calm = 'Thanks, that works now.';
    const angry = 'THIS IS UNACCEPTABLE. THIRD TIME I WRITE!!! I WANT A REFUND NOW.';
    const quotedAngry = `${calm}\n\nOn Tue, 4 Mar 2025 at 09:12, Ann <ann@example.com> wrote:\n> ${angry}`;
    const { signals, ...withQuote } = ticketSignals(quotedAngry, 'en');
    const { signals: _alone, ...alone } = ticketSignals(calm, 'en');
    expect(signals).toEqual(['quoted-history']);
    expect(withQuote.sentiment).toBe('positive');
    expect(withQuote.urgency).toBe(alone.urgency);
    expect(Math.abs(withQuote.frustration - alone.frustration)).toBeLessThan(0.15);
    // The angry text on its own is what the quote held back.
    expect(ticketSignals(angry, 'en').frustration).toBeGreaterThanOrEqual(0.7);
  });

  it('reads the same message as more frustrated on a later contact', () => {
    const latest = 'Any news about my refund? Please let me know.';
    const first = analyseTurns({ earlierCount: 0, latest }, 'en').frustration;
    const third = analyseTurns({ earlierCount: 2, latest }, 'en').frustration;
    expect(third).toBeGreaterThan(first + 0.2);
  });

  it('reads joyful shouting as joy, not anger', () => {
    const result = ticketSignals('THANK YOU SO MUCH!!! IT WORKS PERFECTLY', 'en');
    expect(result.sentiment).toBe('positive');
    expect(result.frustration).toBeLessThan(0.1);
  });

  it('lets a complaint after "but" outweigh the thanks before it', () => {
    expect(ticketSignals('Thanks for the quick reply, but the code you sent does not work either.', 'en').sentiment).toBe('negative');
  });

  it('reads a language without its own cues with all of them', () => {
    expect(ticketSignals('THIS IS THE THIRD TIME I WRITE!!! STILL NOTHING', 'pt').frustration).toBeGreaterThanOrEqual(0.7);
  });

  it('keeps every score in range and the level boundaries where the guide puts them', () => {
    for (const text of ['', '!!!', '??', 'ok', 'A'.repeat(500), '😡'.repeat(50), 'thanks '.repeat(300)]) {
      const result = ticketSignals(text, 'en');
      expect(result.frustration).toBeGreaterThanOrEqual(0);
      expect(result.frustration).toBeLessThanOrEqual(1);
      expect(result.score).toBeGreaterThanOrEqual(-1);
      expect(result.score).toBeLessThanOrEqual(1);
    }
    expect([0.29, 0.3, 0.69, 0.7].map(frustrationLevel)).toEqual(['none', 'some', 'some', 'high']);
  });

  it('costs its length: a 20,000-character message of any shape reads fast', () => {
    for (const unit of ['a', 'A ', '!?.', 'still ', 'great, ', "it still hasn't moved. ", '> quoted\n', '7 ']) {
      const text = unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000);
      const start = performance.now();
      ticketSignals(text, 'en');
      // Quadratic work over 20,000 characters takes seconds; the floor leaves room for a loaded machine.
      expect(performance.now() - start, unit).toBeLessThan(250);
    }
  });
});

describe('ticketSignalsOf', () => {
  const ticket = (bodies: [string, string][]) => ({
    subject: 'Order 61220',
    messages: bodies.map(([role, body]) => ({ authorRole: role as 'customer' | 'agent', body })),
  });

  it('reads the newest customer message and counts the earlier ones', () => {
    const result = ticketSignalsOf(
      ticket([
        ['customer', 'Hi, my order 61220 has not arrived. Can you check?'],
        ['agent', 'We are looking into it, sorry for the wait!'],
        ['customer', 'Hello again, the tracking has not changed for a week.'],
        ['customer', "It still hasn't moved, I can't wait any longer."],
      ]),
      'en',
    );
    expect(result.frustration).toBeGreaterThanOrEqual(0.7);
    expect(result.signals).toContain('earlier-contacts');
  });

  it('does not count an agent reply as a contact, nor read it', () => {
    const result = ticketSignalsOf(
      ticket([
        ['agent', 'THIS IS UNACCEPTABLE!!! (a quote from another ticket)'],
        ['customer', 'Thanks, that fixed it!'],
      ]),
      'en',
    );
    expect(result.sentiment).toBe('positive');
    expect(result.signals).not.toContain('earlier-contacts');
  });
});
