// Clustering unanswered questions with the shipped USE-lite model for real: rephrasings of one
// question meet, different topics stay apart, the result does not depend on the run, and a
// dead embedder is an error the service turns into the lexical fallback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UseLiteEmbedder } from '../../knowledge/embedding/useLiteEmbedder.js';
import { clusterByEmbedding } from './clusterByEmbedding.js';
import { clusterQuestions, type UnansweredQuestion } from './clusterQuestions.js';

const embedder = new UseLiteEmbedder();
beforeAll(async () => {
  await embedder.embed(['load the model once for the whole file']);
});
afterAll(() => embedder.close());

const q = (text: string, minute: number, reason = 'no-answer'): UnansweredQuestion => ({
  text,
  askedAt: new Date(Date.UTC(2026, 2, 1, 10, minute)).toISOString(),
  reason,
});

const questions = [
  q('How do I reset my password?', 1),
  q('What is your refund policy?', 2),
  q('How can I reset my password?', 3, 'low-confidence'),
  q('Do you ship to Iceland? Call +44 7700 900123', 4),
  q('What is the refund policy?', 5),
  q('How do I reset my password', 6),
];

describe('clusterByEmbedding', () => {
  it('groups rephrasings, keeps topics apart, counts reasons and redacts examples', async () => {
    const clusters = await clusterByEmbedding(questions, embedder);
    expect(clusters.map((c) => c.count)).toEqual([3, 2, 1]);
    expect(clusters[0]).toMatchObject({ reasons: { 'no-answer': 2, 'low-confidence': 1 }, lastAskedAt: questions[5]?.askedAt });
    expect(clusters[0]?.label).toContain('password');
    expect(clusters[1]?.label).toContain('refund');
    expect(clusters[2]?.examples[0]).not.toMatch(/7700|900123/);
    expect(await clusterByEmbedding(questions, embedder)).toEqual(clusters);
  });

  it('groups rephrasings that share no words, which the lexical clustering keeps apart', async () => {
    // Held out from the threshold probe. USE-lite at 0.45 joins the delivery pair; it does not join
    // "return these shoes" with "send back an item", so that pair is not asserted either way.
    const asked = [
      q('Can I return these shoes?', 1),
      q('When will my package arrive?', 2),
      q('How do I send back an item I bought?', 3),
      q('Where is my delivery?', 4),
    ];
    const delivery = (await clusterByEmbedding(asked, embedder)).find((c) => c.examples.includes('Where is my delivery?'));
    expect(delivery?.examples.toSorted()).toEqual(['When will my package arrive?', 'Where is my delivery?']);
    expect(clusterQuestions(asked).find((c) => c.examples.includes('Where is my delivery?'))?.count).toBe(1);
  });

  it('fails when its embedder does, so the caller can fall back to words', async () => {
    const closed = new UseLiteEmbedder();
    await closed.close();
    await expect(clusterByEmbedding(questions, closed)).rejects.toThrow();
  });
});
