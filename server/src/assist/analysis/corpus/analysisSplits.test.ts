import { describe, expect, it } from 'vitest';
import type { AnalysisMessage } from './analysisCorpus.js';
import { assignAnalysisSplits } from './analysisSplits.js';

const message = (id: string, over: Partial<AnalysisMessage> = {}): AnalysisMessage => ({
  id,
  language: id.slice(0, 2) as AnalysisMessage['language'],
  text: `message ${id}`,
  sentiment: 'neutral',
  frustration: 'none',
  urgency: 'normal',
  intent: 'other',
  traits: [],
  ...over,
});

describe('assignAnalysisSplits', () => {
  const many = Array.from({ length: 40 }, (_, i) => message(`en-${String(i + 1).padStart(3, '0')}`));

  it('deals 5 : 2 : 3 and gives the same answer every time', () => {
    const splits = assignAnalysisSplits(many);
    const counts = { train: 0, dev: 0, test: 0 };
    for (const s of splits.values()) counts[s]++;
    expect(counts).toEqual({ train: 20, dev: 8, test: 12 });
    expect(assignAnalysisSplits(many)).toEqual(splits);
  });

  it('keeps a recorded split and deals only new messages', () => {
    const recorded = many.map((m) => ({ ...m, split: 'test' as const }));
    const added = message('en-900');
    const splits = assignAnalysisSplits([...recorded, added]);
    expect(many.every((m) => splits.get(m.id) === 'test')).toBe(true);
    expect(splits.has('en-900')).toBe(true);
  });

  it('puts a translation in the split of the message it was adapted from', () => {
    const translations = many.map((m) => message(`es-${m.id.slice(3)}`, { sameStoryAs: m.id }));
    const splits = assignAnalysisSplits([...many, ...translations]);
    for (const t of translations) expect(splits.get(t.id)).toBe(splits.get(t.sameStoryAs ?? ''));
  });

  it('spreads a rare label over the splits', () => {
    const rare = Array.from({ length: 10 }, (_, i) => message(`de-${String(i + 1).padStart(3, '0')}`, { urgency: 'critical' }));
    const splits = assignAnalysisSplits([...many, ...rare]);
    expect(new Set(rare.map((m) => splits.get(m.id)))).toEqual(new Set(['train', 'dev', 'test']));
  });
});
