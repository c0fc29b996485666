import { describe, expect, it } from 'vitest';
import { parseDocument } from './registry.js';
import { encode } from './testFixtures.js';

const GUIDE = `---
title: "Exchanges guide"
owner: support-docs
---

# Exchanges at Harbor Lane

Swap a **size** or _colour_ for free within [60 days](https://help.harborlane.example/exchanges "Exchanges").
Use the \`EXCHANGE\` button on the order page.

<!-- internal: review this section
     before the spring sale -->

## How to exchange

1. Open the order page
2. Pick the new size
   and confirm it
- Keep the original tags on
* Ship it back with the prepaid label

Sizes and fit
-------------

| Size | Chest (cm) | Note |
|------|-----------:|------|
| S    | 88         | Runs *small* |
| M    | 96         | Pipe \\| inside |

\`\`\`bash
curl -X POST https://api.harborlane.example/exchanges  # **not bold**
\`\`\`

> **Tip:** exchanges ship before the return arrives.

### Snake_case stays ###

The field is order_id and 2 * 3 stays too. ![diagram](img.png) <span onclick="x()">Inline</span> HTML goes.
`;

describe('markdownParser', () => {
  it('reads front matter, ATX and setext headings, lists, tables, fenced code and quotes as blocks of plain text', async () => {
    const doc = await parseDocument({ bytes: encode(GUIDE), fileName: 'exchanges.md' });
    expect(doc.title).toBe('Exchanges guide');
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Exchanges at Harbor Lane' },
      { kind: 'paragraph', text: 'Swap a size or colour for free within 60 days. Use the EXCHANGE button on the order page.' },
      { kind: 'heading', level: 2, text: 'How to exchange' },
      { kind: 'listItem', text: '1. Open the order page' },
      { kind: 'listItem', text: '2. Pick the new size and confirm it' },
      { kind: 'listItem', text: 'Keep the original tags on' },
      { kind: 'listItem', text: 'Ship it back with the prepaid label' },
      { kind: 'heading', level: 2, text: 'Sizes and fit' },
      { kind: 'tableRow', text: 'Size: S | Chest (cm): 88 | Note: Runs small' },
      { kind: 'tableRow', text: 'Size: M | Chest (cm): 96 | Note: Pipe | inside' },
      { kind: 'code', text: 'curl -X POST https://api.harborlane.example/exchanges  # **not bold**' },
      { kind: 'paragraph', text: 'Tip: exchanges ship before the return arrives.' },
      { kind: 'heading', level: 3, text: 'Snake_case stays' },
      { kind: 'paragraph', text: 'The field is order_id and 2 * 3 stays too. diagram Inline HTML goes.' },
    ]);
  });

  it('titles by the first H1 without front matter and keeps a BOM out of the text', async () => {
    const doc = await parseDocument({ bytes: encode('\ufeff# Gift cards\n\nGift cards never expire.\n'), fileName: 'gift.md' });
    expect(doc.title).toBe('Gift cards');
    expect(doc.blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Gift cards' });
  });

  it('reads an unclosed fence to the end and survives pathological inline syntax quickly', async () => {
    const hostile = `${'[x'.repeat(20_000)} ${'**'.repeat(20_000)} ${'`'.repeat(3)}a\n\n\`\`\`\nnever closed`;
    const started = Date.now();
    const doc = await parseDocument({ bytes: encode(hostile), fileName: 'odd.md' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(doc.blocks.at(-1)).toEqual({ kind: 'code', text: 'never closed' });
  });
});
