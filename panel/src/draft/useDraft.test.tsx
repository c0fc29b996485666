// @vitest-environment jsdom
/**
 * useDraft against a fake client: one draft per ticket content, the stream followed by draft id,
 * the old stream dropped on a ticket change, regenerate and unmount, and failures shown as errors.
 */
import type { TicketContext } from '@tandem/shared';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeDraftClient, type FakeDraftClient } from './fakeDraftClient';
import { draftStream, ticket } from './draftFixtures';
import { useDraft, type DraftClient, type DraftOptions, type UseDraft } from './useDraft';

interface Props {
  client: DraftClient | undefined;
  ticket: TicketContext | undefined;
  options: DraftOptions;
}

function mount(fake: FakeDraftClient, initial: Partial<Props> = {}) {
  return renderHook<UseDraft, Props>((props) => useDraft(props.client, props.ticket, props.options), {
    initialProps: { client: fake.client, ticket: ticket(), options: {}, ...initial },
  });
}

async function subscribed(fake: FakeDraftClient, count: number) {
  await waitFor(() => expect(fake.subscriptions).toHaveLength(count));
  const last = fake.subscriptions.at(-1);
  if (last === undefined) throw new Error('no subscription');
  return last;
}

describe('useDraft', () => {
  it('starts a draft for the ticket with the options and follows it to done', async () => {
    const fake = fakeDraftClient();
    const { result } = mount(fake, { options: { tone: 'formal', length: 'short' } });

    expect(result.current.state.status).toBe('starting');
    const sub = await subscribed(fake, 1);
    expect(fake.starts).toEqual([{ ticket: ticket(), options: { tone: 'formal', length: 'short' } }]);
    expect(sub.draftId).toBe('dr_1');

    act(() => sub.push(...draftStream('Hello [1]')));

    expect(result.current.state).toMatchObject({ status: 'done', draftId: 'dr_1', text: 'Hello [1]' });
    expect(result.current.text).toBe('Hello [1]');
    // Done: the stream is released so the server can let go of it.
    expect(sub.unsubscribed).toBe(true);
  });

  it('does not start again for the same ticket content, and does for new content', async () => {
    const fake = fakeDraftClient();
    const { rerender } = mount(fake);
    const first = await subscribed(fake, 1);

    rerender({ client: fake.client, ticket: ticket(), options: {} });
    rerender({ client: fake.client, ticket: ticket(), options: { tone: 'concise' } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.starts).toHaveLength(1);
    expect(first.unsubscribed).toBe(false);

    const updated = ticket({ messages: [...ticket().messages, { authorRole: 'customer', partial: false, body: 'Any news?' }] });
    rerender({ client: fake.client, ticket: updated, options: { tone: 'concise' } });
    const second = await subscribed(fake, 2);

    expect(first.unsubscribed).toBe(true);
    expect(fake.starts[1]).toEqual({ ticket: updated, options: { tone: 'concise' } });
    expect(second.draftId).toBe('dr_2');
  });

  it('ignores events of a stream it already dropped', async () => {
    const fake = fakeDraftClient();
    const { result, rerender } = mount(fake);
    const first = await subscribed(fake, 1);
    rerender({ client: fake.client, ticket: ticket({ ticketId: 'T-2' }), options: {} });
    const second = await subscribed(fake, 2);

    act(() => first.push({ type: 'token', text: 'old ticket' }));
    act(() => second.push({ type: 'token', text: 'new ticket' }));

    expect(result.current.state).toMatchObject({ draftId: 'dr_2', text: 'new ticket' });
  });

  it('regenerates with new options, dropping the edit and the old stream', async () => {
    const fake = fakeDraftClient();
    const { result } = mount(fake, { options: { tone: 'friendly' } });
    const first = await subscribed(fake, 1);
    act(() => first.push(...draftStream('Draft one')));
    act(() => result.current.saveEdit('My edit'));
    expect(result.current).toMatchObject({ text: 'My edit', edited: true });
    expect(result.current.state.text).toBe('Draft one');

    act(() => result.current.regenerate({ tone: 'formal', length: 'long' }));
    const second = await subscribed(fake, 2);

    expect(fake.starts[1]?.options).toEqual({ tone: 'formal', length: 'long' });
    expect(result.current).toMatchObject({ text: '', edited: false });
    act(() => second.push({ type: 'token', text: 'Draft two' }));
    expect(result.current.text).toBe('Draft two');

    act(() => result.current.regenerate());
    await subscribed(fake, 3);
    expect(fake.starts[2]?.options).toEqual({ tone: 'friendly' });
    expect(second.unsubscribed).toBe(true);
  });

  it('discards an edit on request', async () => {
    const fake = fakeDraftClient();
    const { result } = mount(fake);
    const sub = await subscribed(fake, 1);
    act(() => sub.push(...draftStream('Streamed')));
    act(() => result.current.saveEdit('Changed'));
    act(() => result.current.discardEdit());
    expect(result.current).toMatchObject({ text: 'Streamed', edited: false });
  });

  it('drops the stream when the panel unmounts', async () => {
    const fake = fakeDraftClient();
    const { unmount } = mount(fake);
    const sub = await subscribed(fake, 1);
    unmount();
    expect(sub.unsubscribed).toBe(true);
  });

  it('stays idle without a client or a ticket, and goes idle when the ticket closes', async () => {
    const fake = fakeDraftClient();
    expect(mount(fake, { client: undefined }).result.current.state.status).toBe('idle');
    const { result, rerender } = mount(fake, { ticket: undefined });
    expect(result.current.state.status).toBe('idle');
    expect(fake.starts).toEqual([]);

    rerender({ client: fake.client, ticket: ticket(), options: {} });
    const sub = await subscribed(fake, 1);
    rerender({ client: fake.client, ticket: undefined, options: {} });
    expect(result.current.state.status).toBe('idle');
    expect(sub.unsubscribed).toBe(true);
  });

  it('shows a failed start as an error with the server’s code', async () => {
    const fake = fakeDraftClient();
    fake.failNextStart(
      Object.assign(new Error('Too many drafts'), { data: { tandem: { code: 'TOO_MANY_REQUESTS', message: 'Slow down' } } }),
    );
    const { result } = mount(fake);

    await waitFor(() => expect(result.current.state.status).toBe('error'));
    expect(result.current.state.error).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'Slow down' });
    expect(fake.subscriptions).toEqual([]);
  });

  it('shows a failed stream as an error, and a reconnect while it lasts', async () => {
    const fake = fakeDraftClient();
    const { result } = mount(fake);
    const sub = await subscribed(fake, 1);

    act(() => sub.reconnecting());
    expect(result.current.state.reconnecting).toBe(true);
    act(() => sub.push({ type: 'token', text: 'Back' }));
    expect(result.current.state.reconnecting).toBe(false);

    act(() => sub.fail(new Error('Failed to fetch')));
    expect(result.current.state).toMatchObject({ status: 'error', error: { code: 'NETWORK', message: 'Failed to fetch' }, text: 'Back' });
  });
});
