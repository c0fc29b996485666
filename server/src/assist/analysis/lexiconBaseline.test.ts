import { describe, expect, it } from 'vitest';
import { lexiconBaselineSignals as ticketSignals } from './lexiconBaseline.js';

describe('ticketSignals', () => {
  describe.each([
    {
      language: 'en',
      calm: 'Hi, how can I change the delivery address on order #1042?',
      angry: 'THIS IS THE THIRD TIME I AM WRITING ABOUT THIS!!! STILL NOTHING. I WILL CANCEL MY SUBSCRIPTION',
      thanks: 'Thank you so much, that fixed it!',
      emergency: 'My card was stolen, please block it',
      flipped: 'I am not happy with the replacement',
    },
    {
      language: 'es',
      calm: 'Hola, ¿cómo puedo cambiar la dirección de envío del pedido 1042?',
      angry: 'ES LA TERCERA VEZ QUE ESCRIBO!!! SIGUE SIN LLEGAR MI PEDIDO. ME DOY DE BAJA',
      thanks: '¡Muchas gracias, todo perfecto!',
      emergency: 'Me robaron la tarjeta ayer',
      flipped: 'No estoy contenta con el cambio',
    },
    {
      language: 'de',
      calm: 'Guten Tag, wie ändere ich die Lieferadresse meiner Bestellung?',
      angry: 'ICH SCHREIBE SCHON WIEDER!!! DIE BESTELLUNG IST IMMER NOCH NICHT DA. ICH KÜNDIGE',
      thanks: 'Vielen Dank, jetzt klappt alles super!',
      emergency: 'Meine Karte wurde gestohlen',
      flipped: 'Ich bin mit dem Ersatz nicht zufrieden',
    },
    {
      language: 'fr',
      calm: 'Bonjour, comment changer l’adresse de livraison de ma commande ?',
      angry: "C'EST LA TROISIÈME FOIS QUE J'ÉCRIS !!! TOUJOURS PAS DE COLIS. JE VAIS RÉSILIER",
      thanks: 'Merci beaucoup, c’est parfait !',
      emergency: "On m'a volé ma carte bancaire",
      flipped: 'Je ne suis pas content du remplacement',
    },
  ])('in $language', ({ language, calm, angry, thanks, emergency, flipped }) => {
    it('reads a calm question as neutral, calm and of normal urgency', () => {
      expect(ticketSignals(calm, language)).toEqual({ sentiment: 'neutral', score: 0, frustration: 0, urgency: 'normal', signals: [] });
    });

    it('reads a shouted repeat contact with a churn threat as very frustrated', () => {
      const result = ticketSignals(angry, language);
      expect(result.sentiment).toBe('negative');
      expect(result.frustration).toBeGreaterThanOrEqual(0.7);
      expect(result.urgency).toBe('high');
      expect(result.signals).toEqual(expect.arrayContaining(['all-caps', 'repeated-punctuation', 'repeat-contact', 'churn-threat']));
    });

    it('reads thanks as positive and not urgent', () => {
      const result = ticketSignals(thanks, language);
      expect(result.sentiment).toBe('positive');
      expect(result.frustration).toBe(0);
      expect(result.urgency).toBe('low');
    });

    it('reads a stolen card as critical', () => {
      const result = ticketSignals(emergency, language);
      expect(result.urgency).toBe('critical');
      expect(result.signals).toContain('emergency');
    });

    it('flips a negated positive word to negative', () => {
      const result = ticketSignals(flipped, language);
      expect(result.sentiment).toBe('negative');
      expect(result.signals).toContain('negation-flipped');
    });
  });

  it.each([
    ['en', 'The new tent is not bad at all'],
    ['en', 'No problem, I can wait'],
    ['es', 'La verdad es que no está mal'],
    ['de', 'Das Zelt ist nicht schlecht'],
    ['fr', "Ce n'est pas mal du tout"],
  ])('does not read a negated complaint as negative (%s: %s)', (language, text) => {
    const result = ticketSignals(text, language);
    expect(result.sentiment).not.toBe('negative');
    expect(result.score).toBeGreaterThan(0);
    expect(result.signals).toContain('negation-flipped');
  });

  it.each([
    ['en', 'The zipper is broken'],
    ['es', 'La aplicación no funciona'],
    ['de', 'Die App funktioniert nicht'],
    ['fr', 'L’application ne fonctionne pas'],
  ])('reads a plain complaint as negative (%s: %s)', (language, text) => {
    expect(ticketSignals(text, language).sentiment).toBe('negative');
  });

  it('makes an intensified complaint more negative and names the intensifier', () => {
    const plain = ticketSignals('The delivery was disappointing', 'en');
    const strong = ticketSignals('The delivery was extremely disappointing', 'en');
    expect(strong.score).toBeLessThan(plain.score);
    expect(strong.frustration).toBeGreaterThan(plain.frustration);
    expect(strong.signals).toContain('intensifier');
    expect(plain.signals).not.toContain('intensifier');
  });

  it('weighs what follows "but" more than what precedes it', () => {
    expect(ticketSignals('Thanks for the quick reply, but the replacement is broken too', 'en').sentiment).toBe('negative');
    expect(ticketSignals('The first one was broken, but the replacement is great', 'en').sentiment).toBe('positive');
  });

  it('treats thanks closing a question as politeness', () => {
    expect(ticketSignals('How do I reset my password? Thanks!', 'en').sentiment).toBe('neutral');
    expect(ticketSignals('¿Cómo cambio mi contraseña? Gracias de antemano', 'es').sentiment).toBe('neutral');
  });

  it('does not count sign-offs as sentiment', () => {
    expect(ticketSignals('Where do I find my invoice?\n\nBest regards,\nSam', 'en').score).toBe(0);
    expect(ticketSignals('Wo finde ich meine Rechnung?\nMit freundlichen Grüßen', 'de').score).toBe(0);
  });

  it('reads joyful shouting as joy, not frustration', () => {
    const result = ticketSignals('THANK YOU SO MUCH!!! IT WORKS PERFECTLY', 'en');
    expect(result.sentiment).toBe('positive');
    expect(result.frustration).toBe(0);
    expect(result.signals).toContain('all-caps');
  });

  it('reads shouting without angry words as frustrated', () => {
    const result = ticketSignals('WHERE IS MY ORDER???', 'en');
    expect(result.sentiment).toBe('negative');
    expect(result.frustration).toBeGreaterThan(0.3);
    expect(result.signals).toEqual(['all-caps', 'repeated-punctuation']);
  });

  it('ignores short acronyms when looking for shouting', () => {
    expect(ticketSignals('My USB cable and the PDF from the FAQ do not match the SKU', 'en').signals).not.toContain('all-caps');
  });

  it('notices repeat contact without capitals', () => {
    const result = ticketSignals('I have already contacted you several times and I am still waiting for the refund', 'en');
    expect(result.signals).toContain('repeat-contact');
    expect(result.frustration).toBeGreaterThan(0.3);
  });

  it.each([
    ['en', 'If the refund is not here by Friday I will file a chargeback and call my lawyer'],
    ['es', 'Si no me devuelven el dinero acudiré a un abogado'],
    ['de', 'Sonst schalte ich meinen Anwalt ein'],
    ['fr', 'Sinon je vais porter plainte'],
  ])('reads legal threats as high urgency (%s)', (language, text) => {
    const result = ticketSignals(text, language);
    expect(result.signals).toContain('legal-threat');
    expect(result.urgency).toBe('high');
    expect(result.sentiment).toBe('negative');
  });

  it('does not take a refused cancellation for a churn threat', () => {
    const result = ticketSignals('I do not want to cancel my subscription, only pause it for a month', 'en');
    expect(result.signals).not.toContain('churn-threat');
    expect(result.frustration).toBe(0);
  });

  it('does not take cancelling an order for a churn threat', () => {
    expect(ticketSignals('Please cancel my order #1042, I ordered the wrong size', 'en').signals).not.toContain('churn-threat');
  });

  it.each([
    ['en', 'I need the invoice by tomorrow, it is urgent'],
    ['en', 'Please fix this ASAP'],
    ['es', 'Necesito la factura lo antes posible'],
    ['de', 'Ich brauche die Rechnung dringend'],
    ['fr', "J'ai besoin de la facture d'ici demain"],
  ])('reads deadlines as high urgency (%s: %s)', (language, text) => {
    const result = ticketSignals(text, language);
    expect(result.urgency).toBe('high');
    expect(result.signals).toContain('deadline');
  });

  it.each([
    ['en', 'There is an unauthorized charge on my account'],
    ['en', 'I am locked out of my account and someone changed my email'],
    ['en', 'I do not recognize this charge'],
    ['es', 'Tengo un cargo no autorizado en mi cuenta'],
    ['de', 'Mein Konto wurde gehackt'],
    ['fr', 'Il y a une transaction frauduleuse sur mon compte'],
  ])('reads emergencies as critical (%s: %s)', (language, text) => {
    expect(ticketSignals(text, language).urgency).toBe('critical');
  });

  it('does not read a denied theft as an emergency', () => {
    expect(ticketSignals('My card was not stolen, I only forgot my PIN', 'en').urgency).not.toBe('critical');
  });

  it.each([
    ['en', 'Not urgent, but could you update my invoice address when you have time?'],
    ['es', 'No es urgente, ¿podrían cambiar la dirección de la factura?'],
    ['de', 'Es eilt nicht, können Sie die Rechnungsadresse ändern?'],
    ['fr', "Ce n'est pas urgent, pouvez-vous changer l'adresse de facturation ?"],
  ])('reads "no rush" as low urgency (%s)', (language, text) => {
    const result = ticketSignals(text, language);
    expect(result.urgency).toBe('low');
    expect(result.signals).toContain('no-rush');
    expect(result.signals).not.toContain('deadline');
  });

  it('lets a real deadline win over "no rush" elsewhere', () => {
    expect(ticketSignals('No rush on the invoice, but I need the tent by tomorrow', 'en').urgency).toBe('high');
  });

  it('counts emoji in every language', () => {
    expect(ticketSignals('Pedido recibido 😍🙏', 'es').sentiment).toBe('positive');
    expect(ticketSignals('Paket immer noch nicht da 😡', 'de').sentiment).toBe('negative');
  });

  it('uses every lexicon for a language it has none for, and reads region subtags', () => {
    expect(ticketSignals('Muchas gracias, todo perfecto', 'und').sentiment).toBe('positive');
    expect(ticketSignals('Ich bin nicht zufrieden', 'it').sentiment).toBe('negative');
    expect(ticketSignals('Me robaron la tarjeta', 'es-MX').urgency).toBe('critical');
    expect(ticketSignals('Ma carte a été volée', 'FR_ca').urgency).toBe('critical');
  });

  it('keeps frustration within 0..1 however many cues fire', () => {
    const result = ticketSignals(
      'THIRD TIME!!! STILL BROKEN, USELESS, RIDICULOUS!!! I WILL CANCEL MY SUBSCRIPTION, FILE A CHARGEBACK AND CALL MY LAWYER 😡😡😡',
      'en',
    );
    expect(result.frustration).toBeLessThanOrEqual(1);
    expect(result.frustration).toBeGreaterThan(0.95);
    expect(result.score).toBeGreaterThanOrEqual(-1);
  });

  it('handles empty text', () => {
    expect(ticketSignals('', 'en')).toEqual({ sentiment: 'neutral', score: 0, frustration: 0, urgency: 'normal', signals: [] });
  });
});
