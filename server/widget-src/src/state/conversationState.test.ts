// The widget's conversation state: streamed text is provisional, lasting events apply once (a
// reconnect may replay them), the visitor's pending messages meet their stored copies, and the
// status says who is answering.
import type { WidgetConversation, WidgetEvent } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import {
  addPending,
  answerer,
  applyEvent,
  confirmPending,
  dropPending,
  emptyState,
  fromHistory,
  wantsRating,
  withRating,
  type ConversationState,
} from './conversationState.js';

const at = '2026-03-01T10:00:00.000Z';
const conversation: WidgetConversation = { id: 'c1', status: 'ai', createdAt: at, updatedAt: at };
const msg = (id: string, text: string) => ({ id, text, sentAt: at });

function run(events: [string | undefined, WidgetEvent][], start: ConversationState = emptyState): ConversationState {
  return events.reduce((state, [id, event]) => applyEvent(state, id, event), start);
}

const opened = run([['c1.0', { type: 'conversation', conversationId: 'c1', conversation }]]);

describe('conversation state', () => {
  it('streams tokens as a draft that the answer replaces', () => {
    let s = run(
      [
        ['c1.1', { type: 'message', conversationId: 'c1', message: msg('m1', 'Can I return boots?') }],
        ['c1.1.0', { type: 'typing', conversationId: 'c1' }],
      ],
      opened,
    );
    expect(s.typing).toBe(true);
    s = run(
      [
        ['c1.1.1', { type: 'token', conversationId: 'c1', text: 'Yes, ' }],
        ['c1.1.2', { type: 'token', conversationId: 'c1', text: 'within 30 days [1].' }],
      ],
      s,
    );
    expect(s).toMatchObject({ typing: false, draft: 'Yes, within 30 days [1].', lastEventId: 'c1.1.2' });
    s = applyEvent(s, 'c1.2', {
      type: 'answer',
      conversationId: 'c1',
      message: {
        ...msg('m2', 'Yes, within 30 days [1].'),
        citations: [{ n: 1, title: 'Returns', url: 'https://x.example/r' }],
        confidence: 0.9,
      },
    });
    expect(s.draft).toBeUndefined();
    expect(s.entries.map((e) => e.kind)).toEqual(['visitor', 'ai']);
    expect(s.lastEventId).toBe('c1.2');
  });

  it('drops the draft on retract and on any other lasting event', () => {
    const streaming = applyEvent(opened, 'c1.1.1', { type: 'token', conversationId: 'c1', text: 'Maybe' });
    expect(applyEvent(streaming, 'c1.1.2', { type: 'retract', conversationId: 'c1', reason: 'withheld' }).draft).toBeUndefined();
    const handedOff = applyEvent(streaming, 'c1.2', { type: 'handoff', conversationId: 'c1', reason: 'low-confidence', at });
    expect(handedOff.draft).toBeUndefined();
    expect(handedOff.conversation?.status).toBe('waiting-for-human');
  });

  it('applies a replayed lasting event once', () => {
    const human: WidgetEvent = { type: 'human', conversationId: 'c1', message: { ...msg('m3', 'Hi, Dana here'), agent: { name: 'Dana' } } };
    const handoff: WidgetEvent = { type: 'handoff', conversationId: 'c1', reason: 'no-answer', at };
    const s = run(
      [
        ['c1.1', handoff],
        ['c1.2', human],
        ['c1.1', handoff],
        ['c1.2', human],
      ],
      opened,
    );
    expect(s.entries.map((e) => e.key)).toEqual(['c1.1', 'm3']);
  });

  it('says who is answering as the conversation moves between the AI and a person', () => {
    let s = opened;
    expect(answerer(s)).toEqual({ kind: 'ai' });
    s = applyEvent(s, 'c1.1', { type: 'handoff', conversationId: 'c1', reason: 'asked-for-human', at });
    expect(answerer(s)).toEqual({ kind: 'waiting' });
    s = applyEvent(s, 'c1.2', { type: 'human', conversationId: 'c1', message: { ...msg('m2', 'Hello'), agent: { name: 'Dana' } } });
    expect(answerer(s)).toEqual({ kind: 'human', name: 'Dana' });
    s = applyEvent(s, 'c1.3', { type: 'handback', conversationId: 'c1', at });
    expect(answerer(s)).toEqual({ kind: 'ai' });
    s = applyEvent(s, 'c1.4', { type: 'closed', conversationId: 'c1', at });
    expect(answerer(s)).toEqual({ kind: 'closed' });
  });

  it('asks for a rating after close until one is given', () => {
    let s = run(
      [
        ['c1.1', { type: 'closed', conversationId: 'c1', at }],
        ['c1.2', { type: 'rating-request', conversationId: 'c1', at }],
      ],
      opened,
    );
    expect(wantsRating(s)).toBe(true);
    s = withRating(s, 5);
    expect(wantsRating(s)).toBe(false);
  });

  it('matches a pending message with its echo and with the send reply, in either order', () => {
    const sent = { message: msg('m1', 'Where is my parcel?'), eventId: 'c1.1' };
    const echo: WidgetEvent = { type: 'message', conversationId: 'c1', message: sent.message };

    const echoFirst = confirmPending(applyEvent(addPending(opened, 'k1', 'Where is my parcel?'), 'c1.1', echo), 'k1', sent);
    const replyFirst = applyEvent(confirmPending(addPending(opened, 'k1', 'Where is my parcel?'), 'k1', sent), 'c1.1', echo);
    for (const s of [echoFirst, replyFirst])
      expect(s.entries).toEqual([{ key: 'm1', kind: 'visitor', text: 'Where is my parcel?', pending: false }]);

    expect(dropPending(addPending(opened, 'k2', 'lost'), 'k2').entries).toEqual([]);
  });

  it('starts afresh when the stream moves to a new conversation, and ignores events of another one', () => {
    const s = run([['c1.1', { type: 'message', conversationId: 'c1', message: msg('m1', 'first') }]], opened);
    const other = applyEvent(s, 'c9.1', { type: 'message', conversationId: 'c9', message: msg('m9', 'not mine') });
    expect(other.entries).toHaveLength(1);
    const next = applyEvent(s, 'c2.0', { type: 'conversation', conversationId: 'c2', conversation: { ...conversation, id: 'c2' } });
    expect(next.conversation?.id).toBe('c2');
    expect(next.entries).toEqual([]);
    expect(next.lastEventId).toBe('c2.0');
  });

  it('rebuilds a reload from history and resumes after its last event', () => {
    const s = fromHistory({
      conversation: { ...conversation, status: 'waiting-for-human' },
      events: [
        { id: 'c1.1', event: { type: 'message', conversationId: 'c1', message: msg('m1', 'Help') } },
        { id: 'c1.2', event: { type: 'handoff', conversationId: 'c1', reason: 'no-answer', at } },
      ],
      lastEventId: 'c1.2',
    });
    expect(s.entries.map((e) => e.kind)).toEqual(['visitor', 'handoff']);
    expect(s.lastEventId).toBe('c1.2');
    expect(answerer(s)).toEqual({ kind: 'waiting' });
  });

  it('shows an error event until something else happens', () => {
    const s = applyEvent(opened, undefined, { type: 'error', error: { code: 'TOO_MANY_REQUESTS', message: 'Slow down' } });
    expect(s.error).toBe('Slow down');
    expect(s.lastEventId).toBe('c1.0');
    expect(applyEvent(s, 'c1.1.0', { type: 'typing', conversationId: 'c1' }).error).toBeUndefined();
  });
});
