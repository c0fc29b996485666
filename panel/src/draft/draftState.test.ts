/**
 * The draft reducer: a whole stream, a provider restart mid-answer, errors from the stream and
 * from the client, late events from an old stream, and the agent's edit kept apart from the draft.
 */
import { describe, expect, it } from 'vitest';
import { ANALYSIS, DONE, LIVE, citedSource, draftStream, suggestion } from './draftFixtures';
import { currentText, draftReducer, initialDraftState, isDraftActive, type DraftAction, type DraftState } from './draftState';

const run = (actions: DraftAction[], from: DraftState = initialDraftState) => actions.reduce(draftReducer, from);
const events = (list = draftStream()) => list.map((event): DraftAction => ({ kind: 'event', event }));
const started: DraftAction[] = [{ kind: 'start' }, { kind: 'started', draftId: 'dr_1' }];

describe('draftReducer', () => {
  it('starts idle and becomes starting, then knows its draft id', () => {
    expect(initialDraftState.status).toBe('idle');
    expect(run([{ kind: 'start' }]).status).toBe('starting');
    expect(run(started)).toMatchObject({ status: 'starting', draftId: 'dr_1' });
    expect(isDraftActive(run(started))).toBe(true);
  });

  it('follows a whole stream to done', () => {
    const state = run([...started, ...events()]);

    expect(state).toMatchObject({
      status: 'done',
      draftId: 'dr_1',
      analysis: ANALYSIS,
      live: LIVE,
      text: 'Hi Ana, refunds arrive within 5 days [1].',
      actions: [suggestion()],
      confidence: 0.72,
      needsReview: false,
      drafter: 'embedded',
      citations: [1],
      error: undefined,
    });
    expect(state.sources.map((s) => s.n)).toEqual([1, 2]);
    expect(isDraftActive(state)).toBe(false);
  });

  it('is streaming from the first event until done', () => {
    const state = run([...started, { kind: 'event', event: { type: 'token', text: 'Hi' } }]);
    expect(state).toMatchObject({ status: 'streaming', text: 'Hi' });
  });

  it('keeps the review flag and drafter from done', () => {
    const state = run([...started, { kind: 'event', event: { ...DONE, needsReview: true, drafter: 'llm', confidence: 0.2 } }]);
    expect(state).toMatchObject({ status: 'done', needsReview: true, drafter: 'llm', confidence: 0.2 });
  });

  it('keeps the server’s notes from done, and has none otherwise', () => {
    const notes = [
      'The output guard marked 1 claim that an action was done (nothing runs until you confirm it). Review the draft before sending it.',
    ];
    expect(run([...started, { kind: 'event', event: { ...DONE, notes } }]).notes).toEqual(notes);
    expect(run([...started, { kind: 'event', event: DONE }]).notes).toEqual([]);
  });

  it('empties the text on restart, says why, and keeps what came before it', () => {
    const state = run([
      ...started,
      { kind: 'event', event: { type: 'sources', sources: [citedSource(1)] } },
      { kind: 'event', event: { type: 'token', text: 'The model began to ' } },
      { kind: 'event', event: { type: 'restart', reason: 'provider timed out' } },
      { kind: 'event', event: { type: 'token', text: 'Built-in draft [1].' } },
      { kind: 'event', event: DONE },
    ]);

    expect(state).toMatchObject({ status: 'done', text: 'Built-in draft [1].', restartReason: 'provider timed out' });
    expect(state.sources).toHaveLength(1);
  });

  it('ends in error on an error event, keeping the text so far', () => {
    const state = run([
      ...started,
      { kind: 'event', event: { type: 'token', text: 'Partial' } },
      { kind: 'event', event: { type: 'error', error: { code: 'UPSTREAM_UNAVAILABLE', message: 'Search is down', requestId: 'req_9' } } },
    ]);

    expect(state).toMatchObject({
      status: 'error',
      text: 'Partial',
      error: { code: 'UPSTREAM_UNAVAILABLE', message: 'Search is down', requestId: 'req_9' },
    });
  });

  it('ends in error when the start or the subscription fails', () => {
    const error = { code: 'NETWORK', message: 'Failed to fetch' } as const;
    expect(run([{ kind: 'start' }, { kind: 'failed', error }])).toMatchObject({ status: 'error', error, draftId: undefined });
    expect(run([...started, { kind: 'event', event: { type: 'token', text: 'x' } }, { kind: 'failed', error }]).status).toBe('error');
  });

  it('ignores events and failures once the draft is over', () => {
    const done = run([...started, ...events()]);
    expect(run([{ kind: 'event', event: { type: 'token', text: ' more' } }], done)).toBe(done);
    expect(run([{ kind: 'failed', error: { code: 'NETWORK', message: 'closed' } }], done)).toBe(done);
    expect(run([{ kind: 'event', event: { type: 'token', text: 'stray' } }])).toBe(initialDraftState);
  });

  it('ignores a draft id that arrives after the draft was replaced', () => {
    const failed = run([{ kind: 'start' }, { kind: 'failed', error: { code: 'NETWORK', message: 'x' } }]);
    expect(run([{ kind: 'started', draftId: 'dr_old' }], failed).draftId).toBeUndefined();
  });

  it('tracks reconnects and clears the flag when events flow again', () => {
    const dropped = run([...started, { kind: 'connection', reconnecting: true }]);
    expect(dropped.reconnecting).toBe(true);
    expect(run([{ kind: 'event', event: { type: 'token', text: 'x' } }], dropped).reconnecting).toBe(false);
    expect(run([{ kind: 'connection', reconnecting: true }]).reconnecting).toBe(false);
  });

  it('keeps the agent’s edit apart from the draft, and a new start drops it', () => {
    const done = run([...started, ...events()]);
    const edited = run([{ kind: 'edit', text: 'My own words' }], done);

    expect(edited.text).toBe(done.text);
    expect(currentText(edited)).toBe('My own words');
    expect(currentText(run([{ kind: 'discard-edit' }], edited))).toBe(done.text);
    expect(run([{ kind: 'edit', text: done.text }], done).editedText).toBeUndefined();

    const regenerated = run([{ kind: 'start' }], edited);
    expect(regenerated).toEqual({ ...initialDraftState, status: 'starting' });
    expect(currentText(regenerated)).toBe('');
  });

  it('resets to idle', () => {
    expect(run([...started, { kind: 'reset' }])).toBe(initialDraftState);
  });
});
