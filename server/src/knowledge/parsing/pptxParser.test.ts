import { describe, expect, it } from 'vitest';
import { parseDocument } from './registry.js';
import { buildPptx, failureCode, zipOf } from './testFixtures.js';

describe('pptxParser', () => {
  it('turns each slide, in presentation order, into a "Slide N: title" heading with its text, table rows and notes', async () => {
    const bytes = await buildPptx(
      [
        { title: 'Welcome to Harbor Lane support', bullets: ['We answer every ticket within two hours.'] },
        {
          title: 'Refund windows',
          bullets: ['Refunds go back to the original card.', 'Store credit is instant.'],
          table: [
            ['Plan', 'Window'],
            ['Plus', '60 days'],
          ],
          notes: 'Mention the holiday extension to January 31.',
        },
        { bullets: ['Questions? Ask in the team channel.'] },
      ],
      // Stored as slide1..3, but the deck shows the refund slide first.
      [1, 0, 2],
    );
    const doc = await parseDocument({ bytes, fileName: 'training.pptx' });
    expect(doc.title).toBe('Refund windows');
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Slide 1: Refund windows' },
      { kind: 'paragraph', text: 'Refunds go back to the original card.' },
      { kind: 'paragraph', text: 'Store credit is instant.' },
      { kind: 'tableRow', text: 'Plan | Window' },
      { kind: 'tableRow', text: 'Plus | 60 days' },
      { kind: 'paragraph', text: 'Mention the holiday extension to January 31.' },
      { kind: 'heading', level: 1, text: 'Slide 2: Welcome to Harbor Lane support' },
      { kind: 'paragraph', text: 'We answer every ticket within two hours.' },
      { kind: 'heading', level: 1, text: 'Slide 3' },
      { kind: 'paragraph', text: 'Questions? Ask in the team channel.' },
    ]);
  });

  it('orders slides numerically (slide2 before slide10) when the presentation lists none', async () => {
    const slide = (text: string): string =>
      `<p:sld xmlns:p="p" xmlns:a="a"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
    const bytes = await zipOf({
      'ppt/presentation.xml': '<p:presentation xmlns:p="p"/>',
      'ppt/slides/slide10.xml': slide('Tenth'),
      'ppt/slides/slide2.xml': slide('Second'),
    });
    const doc = await parseDocument({ bytes, fileName: 'deck.pptx' });
    expect(doc.blocks.filter((block) => block.kind === 'paragraph').map((block) => block.text)).toEqual(['Second', 'Tenth']);
  });

  it('reports a package without a presentation part as CORRUPT', async () => {
    expect(await failureCode(parseDocument({ bytes: await zipOf({ 'ppt/slides/slide1.xml': '<x/>' }), fileName: 'odd.pptx' }))).toBe(
      'CORRUPT',
    );
  });
});
