import { describe, expect, it } from 'vitest';
import { ConversationHub, type HubItem } from './conversationHub.js';

const visitor = { tenantId: 't', siteId: 's', visitorId: 'v' };

describe('conversation hub', () => {
  it('delivers to the visitor’s listeners only, and keeps an answer’s passing events for late streams', () => {
    const hub = new ConversationHub();
    const mine: HubItem[] = [];
    const theirs: HubItem[] = [];
    const stop = hub.onVisitor(visitor, (i) => mine.push(i));
    hub.onVisitor({ ...visitor, visitorId: 'w' }, (i) => theirs.push(i));
    const run = hub.startRun('c', 3, visitor);
    hub.pass(run, { type: 'typing', conversationId: 'c' });
    hub.pass(run, { type: 'token', conversationId: 'c', text: 'Hi' });
    expect(mine.map((i) => (i.kind === 'passing' ? [i.baseSeq, i.index, i.event.type] : []))).toEqual([
      [3, 0, 'typing'],
      [3, 1, 'token'],
    ]);
    expect(theirs).toEqual([]);
    expect(hub.run('c')?.events).toHaveLength(2);
    stop();
    hub.pass(run, { type: 'token', conversationId: 'c', text: '!' });
    expect(mine).toHaveLength(2);
  });

  it('interrupts an answer for a newer one or a person, retracting text already shown, and ignores the old run after', () => {
    const hub = new ConversationHub();
    const seen: HubItem[] = [];
    hub.onVisitor(visitor, (i) => seen.push(i));
    const first = hub.startRun('c', 1, visitor);
    hub.pass(first, { type: 'token', conversationId: 'c', text: 'Hel' });
    const second = hub.startRun('c', 2, visitor);
    expect(first.controller.signal.aborted).toBe(true);
    expect(seen.at(-1)?.event).toEqual({ type: 'retract', conversationId: 'c', reason: 'interrupted' });
    hub.pass(first, { type: 'token', conversationId: 'c', text: 'lo' });
    expect(seen.at(-1)?.event.type).toBe('retract');
    hub.pass(second, { type: 'typing', conversationId: 'c' });
    hub.interrupt('c');
    // Nothing was shown of the second: nothing to retract.
    expect(seen.filter((i) => i.event.type === 'retract')).toHaveLength(1);
    expect(hub.run('c')).toBeUndefined();
  });

  it('ends everything when the server drains', () => {
    const hub = new ConversationHub();
    const run = hub.startRun('c', 1, visitor);
    hub.close();
    expect(run.controller.signal.aborted).toBe(true);
    expect(hub.closing.aborted).toBe(true);
  });
});
