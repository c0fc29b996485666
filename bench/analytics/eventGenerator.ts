/**
 * Synthetic analytics activity for the benchmark: conversations spread over 30 days, each a
 * realistic run of events (start, first response, answers or a fallback and handoff, replies,
 * resolution, sometimes a rating or a reopen), plus the copilot's draft outcomes and actions.
 * Deterministic (seeded), so runs are comparable.
 */
import type { Store } from '../../server/src/storage/store.js';
import { seededRandom } from '../../shared/src/index.js';

export type EventInput = Parameters<Store['analytics']['append']>[0];
type Data = EventInput['data'];

const DAY = 86_400_000;
const CAUSES = ['asked-for-human', 'no-answer', 'low-confidence', 'negative-sentiment', 'action-needed'] as const;

/** Yields batches of events until `total` have been produced. */
export function* generateEvents(workspaceId: string, start: number, total: number, batch: number): Generator<EventInput[]> {
  const random = seededRandom(16);
  let produced = 0;
  let conversation = 0;
  let out: EventInput[] = [];
  while (produced < total) {
    conversation++;
    const t0 = start + Math.floor(random() * 30 * DAY);
    const extension = random() < 0.25;
    const agent = `tok_agent_${Math.floor(random() * 20)}`;
    const id = `c${conversation}`;
    const ev = (key: string, offsetMs: number, data: Data, agentId: string | null = null): EventInput => ({
      workspaceId,
      channel: extension ? 'extension' : random() < 0.1 ? 'api' : 'widget',
      agentId,
      customerId: extension ? null : `vis_${conversation % 50_000}`,
      conversationId: id,
      occurredAt: new Date(t0 + offsetMs).toISOString(),
      dedupeKey: `${id}:${key}`,
      data,
    });
    const events: EventInput[] = [];
    if (extension) {
      const r = random();
      const kind = r < 0.5 ? 'draft.inserted' : r < 0.8 ? 'draft.edited' : 'draft.discarded';
      events.push(
        ev(
          'draft',
          0,
          kind === 'draft.edited' ? { kind, draftId: `d${conversation}`, keptRatio: 0.7 } : { kind, draftId: `d${conversation}` },
          agent,
        ),
      );
      if (random() < 0.2) events.push(ev('act', 5_000, { kind: 'action.suggested', action: 'shopify.refundOrder' }, agent));
    } else {
      const wait = 500 + Math.floor(random() * 4_000);
      events.push(
        ev('start', 0, { kind: 'conversation.started' }),
        ev('first', wait, { kind: 'response.first', responder: 'ai', waitMs: wait }),
      );
      const escalate = random() < 0.25;
      if (escalate) {
        const cause = CAUSES[Math.floor(random() * CAUSES.length)] ?? 'no-answer';
        if (cause === 'no-answer' || cause === 'low-confidence') events.push(ev('fb', wait, { kind: 'ai.fallback', reason: cause }));
        events.push(ev('handoff', wait + 1_000, { kind: 'handoff', cause, by: cause === 'asked-for-human' ? 'customer' : 'ai' }));
        events.push(ev('reply', wait + 120_000, { kind: 'human.replied' }, agent));
        events.push(ev('resolved', 900_000, { kind: 'conversation.resolved', by: 'human', humanReplied: true, handleMs: 900_000 }, agent));
      } else {
        events.push(ev('answer', wait, { kind: 'ai.answered', confidence: 0.6 + random() * 0.4, sourceDocumentIds: ['doc_1', 'doc_2'] }));
        events.push(ev('resolved', 240_000, { kind: 'conversation.resolved', by: 'ai', humanReplied: false, handleMs: 240_000 }));
        if (random() < 0.05) {
          const after = Math.floor(random() * 200) * 3_600_000;
          events.push(
            ev('reopened', 240_000 + after, {
              kind: 'conversation.reopened',
              resolvedAt: new Date(t0 + 240_000).toISOString(),
              contained: true,
            }),
          );
        }
      }
      if (random() < 0.3) events.push(ev('rating', 960_000, { kind: 'rating', score: 1 + Math.floor(random() * 5) }));
    }
    for (const e of events) {
      if (produced >= total) break;
      out.push(e);
      produced++;
      if (out.length >= batch) {
        yield out;
        out = [];
      }
    }
  }
  if (out.length > 0) yield out;
}
