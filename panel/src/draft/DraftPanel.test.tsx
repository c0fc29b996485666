// @vitest-environment jsdom
/**
 * The assist panel as the agent uses it, against a fake client: the streamed draft with working
 * citations, hostile text kept inert, copy, insert (and its errors), edit, regenerate, tone,
 * keyboard shortcuts and forwarded commands, and the rating.
 */
import type { CitedSource, DraftEvent } from '@tandem/shared';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANALYSIS, LIVE, citedSource, draftStream, suggestion, ticket } from './draftFixtures';
import { fakeDraftClient, type FakeDraftClient } from './fakeDraftClient';
import type { ActionsClient } from '../actions/ActionsList';
import { DraftPanel, type DraftPanelProps, type FeedbackClient, type PanelClient } from './DraftPanel';
import { createPanelCommands } from './panelCommands';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';

let fake: FakeDraftClient;
let client: PanelClient;
let execute: ReturnType<typeof vi.fn<ActionsClient['actions']['execute']['mutate']>>;
let rate: ReturnType<typeof vi.fn<FeedbackClient['assist']['feedback']['mutate']>>;
let onInsert: ReturnType<typeof vi.fn<DraftPanelProps['onInsert']>>;

beforeEach(() => {
  fake = fakeDraftClient();
  execute = vi.fn<ActionsClient['actions']['execute']['mutate']>();
  rate = vi.fn<FeedbackClient['assist']['feedback']['mutate']>(async () => ({}));
  client = { assist: { ...fake.client.assist, feedback: { mutate: rate } }, actions: { execute: { mutate: execute } } };
  onInsert = vi.fn<DraftPanelProps['onInsert']>(async () => ({ ok: true, composer: 'Zendesk reply box' }));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function mount(props: Partial<DraftPanelProps> = {}) {
  return render(<DraftPanel client={client} ticket={ticket()} onInsert={onInsert} {...props} />);
}

async function stream(events: DraftEvent[], index = 0) {
  await waitFor(() => expect(fake.subscriptions.length).toBeGreaterThan(index));
  const sub = fake.subscriptions[index];
  if (sub === undefined) throw new Error('no subscription');
  act(() => sub.push(...events));
  return sub;
}

function text(id: string) {
  return screen.getByTestId(id).textContent;
}

describe('DraftPanel', () => {
  it('renders nothing without a ticket, and a note without a server', () => {
    expect(mount({ ticket: undefined }).container.innerHTML).toBe('');
    cleanup();
    mount({ client: undefined });
    expect(text('draft-unavailable')).toMatch(/Connect to a Tandem server/);
  });

  it('streams the draft with header, live facts, citations, confidence and actions', async () => {
    mount();
    expect(text('draft-status')).toBe('Starting a draft…');
    expect(text('header-intent')).toBe('…');

    const sub = await stream(draftStream().slice(0, 5));
    expect(text('draft-status')).toBe('Writing…');
    expect(text('header-intent')).toBe('refund status (82%)');
    expect(screen.getByTestId('live-facts').textContent).toContain('#1042');
    expect(screen.getByTestId('insert-draft')).toHaveProperty('disabled', true);

    act(() => sub.push(...draftStream().slice(5)));
    expect(text('draft-status')).toBe('Draft ready (built-in drafter)');
    expect(text('draft-text')).toBe('Hi Ana, refunds arrive within 5 days [1].');
    expect(text('draft-confidence')).toBe('High confidence (72%)');
    expect(screen.queryByTestId('needs-review')).toBeNull();
    // The built-in drafter is named as a reason, with what to check.
    expect(text('confidence-reasons')).toContain('built-in drafter');
    // The live region said the one sentence once, without its citation marker.
    expect(text('draft-announcer')).toBe('Hi Ana, refunds arrive within 5 days.');
    expect(screen.getByTestId('action-sg_1').textContent).toContain('Refund an order');
    expect(screen.getByTestId('insert-draft')).toHaveProperty('disabled', false);
  });

  it('read-only (a lead coaching): the draft and its sources show, Insert, Edit, rating and actions do not', async () => {
    mount({ readOnly: true });
    await stream(draftStream());
    expect(text('draft-status')).toBe('Draft ready (built-in drafter)');
    expect(text('draft-text')).toBe('Hi Ana, refunds arrive within 5 days [1].');
    for (const id of ['insert-draft', 'edit-draft', 'action-sg_1', 'feedback-helpful']) expect(screen.queryByTestId(id), id).toBeNull();
    // The shortcut does nothing either: nothing is inserted on someone else's behalf.
    fireEvent.keyDown(document, { key: 'I', code: 'KeyI', altKey: true, shiftKey: true });
    expect(onInsert).not.toHaveBeenCalled();
  });

  it('tells who follows the draft its state and text as they change', async () => {
    const seen: { status: string; text: string }[] = [];
    mount({ onDraftChange: (d) => seen.push(d) });
    await stream(draftStream());
    expect(seen.map((d) => d.status)).toContain('streaming');
    expect(seen.at(-1)).toEqual({ status: 'done', text: 'Hi Ana, refunds arrive within 5 days [1].' });
  });

  it('announces each finished sentence once while streaming, not the whole text', async () => {
    mount();
    const sub = await stream([{ type: 'token', text: 'Hi Ana. Your refund' }]);
    expect(text('draft-announcer')).toBe('Hi Ana.');
    act(() => sub.push({ type: 'token', text: ' left on Monday [1]. It' }));
    expect(text('draft-announcer')).toBe('Your refund left on Monday.');
    act(() => sub.push({ type: 'token', text: ' takes' }));
    expect(text('draft-announcer')).toBe('Your refund left on Monday.');
  });

  it('tells the knowledge cards which articles the finished draft cites', async () => {
    const knowledge = vi.fn((cited: ReadonlyMap<string, number>) => <p data-testid="cited">{[...cited].join(';')}</p>);
    mount({ knowledge });
    await stream(draftStream());
    expect(text('cited')).toBe('doc_1,1');
  });

  it('offers a retry when the draft fails', async () => {
    mount();
    await stream([{ type: 'error', error: { code: 'UPSTREAM_UNAVAILABLE', message: 'Search is down' } }]);
    expect(screen.getByTestId('draft-error').textContent).toContain('Try again');
    fireEvent.click(screen.getByTestId('draft-retry'));
    await waitFor(() => expect(fake.subscriptions).toHaveLength(2));
  });

  it("never shows the old ticket's draft under the new ticket's header, not even for the frame before the new draft starts", async () => {
    // A sibling's layout effect runs in the same commit as the panel's DOM changes, before any effect starts the new draft.
    const seen: { customer: string | null; text: string | null; insertable: boolean }[] = [];
    function Probe({ ticketName }: { ticketName: string }) {
      useLayoutEffect(() => {
        seen.push({
          customer: screen.queryByTestId('header-customer')?.textContent ?? null,
          text: screen.queryByTestId('draft-text')?.textContent ?? null,
          insertable: screen.queryByTestId('insert-draft')?.hasAttribute('disabled') === false,
        });
      }, [ticketName]);
      return null;
    }
    const view = (name: string) => (
      <>
        <DraftPanel client={client} ticket={ticket({ requester: { name } })} onInsert={onInsert} />
        <Probe ticketName={name} />
      </>
    );
    const { rerender } = render(view('Ana Pérez'));
    await stream(draftStream());
    expect(text('draft-text')).toContain('Hi Ana');
    rerender(view('Bo Lind'));
    expect(seen.at(-1)).toEqual({ customer: 'Bo Lind', text: '…', insertable: false });
    await waitFor(() => expect(fake.subscriptions).toHaveLength(2));
    expect(text('draft-text')).toBe('…');
  });

  it('says when the stream dropped and is reconnecting', async () => {
    mount();
    await waitFor(() => expect(fake.subscriptions).toHaveLength(1));
    act(() => fake.subscriptions[0]!.reconnecting());
    expect(text('draft-status')).toBe('Connection lost, reconnecting…');
    act(() => fake.subscriptions[0]!.push({ type: 'token', text: 'Back' }));
    expect(text('draft-status')).toBe('Writing…');
  });

  it('shows the review badge, a restart and a stream error', async () => {
    mount();
    const sub = await stream([
      { type: 'token', text: 'Model text' },
      { type: 'restart', reason: 'provider timed out' },
    ]);
    expect(text('draft-restart')).toContain('provider timed out');
    expect(text('draft-text')).toBe('…');
    act(() =>
      sub.push(
        { type: 'token', text: 'Fallback' },
        {
          type: 'done',
          confidence: 0.3,
          needsReview: true,
          citations: [],
          drafter: 'embedded',
          notes: ["The customer's message was longer than 4,000 characters and shortened for drafting."],
        },
      ),
    );
    expect(text('needs-review')).toBe('Needs review');
    expect(text('draft-notes')).toBe("The customer's message was longer than 4,000 characters and shortened for drafting.");
    expect(text('draft-text')).toBe('Fallback');

    cleanup();
    mount();
    await stream([{ type: 'error', error: { code: 'UPSTREAM_UNAVAILABLE', message: 'Search is down' } }], 1);
    expect(text('draft-status')).toBe('The draft failed: Search is down (UPSTREAM_UNAVAILABLE)');
  });

  it('renders hostile draft, source and live text inert', async () => {
    const { container } = mount({ ticket: ticket({ requester: { name: HOSTILE } }) });
    await stream([
      { type: 'analysis', analysis: { ...ANALYSIS, intent: { label: HOSTILE, confidence: 0.4 } } },
      { type: 'sources', sources: [citedSource(1, { title: HOSTILE, text: HOSTILE, sectionPath: [HOSTILE], url: 'javascript:alert(1)' })] },
      {
        type: 'live',
        state: {
          ...LIVE,
          customer: { name: HOSTILE },
          cart: { items: [{ sku: 's', name: HOSTILE, quantity: 1 }], updatedAt: '2026-12-01T10:00:00Z' },
        },
      },
      { type: 'token', text: `${HOSTILE} [1]` },
      { type: 'actions', actions: [suggestion({ title: HOSTILE, arguments: { note: HOSTILE } })] },
      { type: 'done', confidence: 0.9, needsReview: false, citations: [1], drafter: 'llm' },
    ]);

    expect(container.querySelector('img, script, iframe, a[href^="javascript"]')).toBeNull();
    expect(text('draft-text')).toContain(HOSTILE);
    fireEvent.focus(screen.getByTestId('citation-1'));
    expect(screen.getByRole('tooltip').textContent).toContain(HOSTILE);
    expect(text('live-cart')).toContain(HOSTILE);
    expect(container.innerHTML).not.toContain('<img');
    expect(container.innerHTML).not.toContain('<script');
  });

  it('maps citations to their sources, keeps unknown numbers as text, and opens only http(s) sources', async () => {
    const open = vi.fn();
    vi.stubGlobal('open', open);
    const sources: CitedSource[] = [
      citedSource(1, { title: 'When refunds arrive', text: 'Refunds reach your card within 5 business days.' }),
      citedSource(2, { title: 'Unsafe link', url: 'javascript:alert(1)' }),
    ];
    mount();
    await stream([{ type: 'sources', sources }, { type: 'token', text: 'Five days [1], see [2], not [7] or [0].' }, draftStream().at(-1)!]);

    const first = screen.getByTestId('citation-1');
    expect(first.textContent).toBe('[1]');
    expect(first.getAttribute('aria-label')).toBe('Source 1: When refunds arrive');
    expect(screen.queryByRole('tooltip')).toBeNull();
    fireEvent.mouseEnter(first);
    const tip = document.getElementById(first.getAttribute('aria-describedby') ?? '');
    expect(tip?.getAttribute('role')).toBe('tooltip');
    expect(tip?.textContent).toContain('When refunds arrive');
    expect(tip?.textContent).toContain('Refunds reach your card within 5 business days.');
    fireEvent.mouseLeave(first);
    expect(screen.queryByRole('tooltip')).toBeNull();
    fireEvent.focus(screen.getByTestId('citation-2'));
    expect(screen.getByRole('tooltip').textContent).toContain('Unsafe link');
    fireEvent.keyDown(screen.getByTestId('citation-2'), { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).toBeNull();
    expect(screen.queryByTestId('citation-7')).toBeNull();
    expect(screen.queryByTestId('citation-0')).toBeNull();
    expect(text('draft-text')).toContain('not [7] or [0].');

    fireEvent.click(first);
    expect(open).toHaveBeenCalledWith('https://help.example.com/articles/1', '_blank', 'noopener,noreferrer');
    fireEvent.click(screen.getByTestId('citation-2'));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens a source in a new tab through the tabs API in the extension', async () => {
    const create = vi.fn(async () => ({}));
    vi.stubGlobal('chrome', { tabs: { create } });
    mount();
    await stream(draftStream());
    fireEvent.click(screen.getByTestId('citation-1'));
    expect(create).toHaveBeenCalledWith({ url: 'https://help.example.com/articles/1' });
  });

  it('copies the current text without changing it', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    mount();
    await stream(draftStream());

    fireEvent.click(screen.getByTestId('copy-draft'));

    await waitFor(() => expect(text('copy-result')).toBe('Copied to the clipboard'));
    expect(writeText).toHaveBeenCalledWith('Hi Ana, refunds arrive within 5 days [1].');
    expect(text('draft-text')).toBe('Hi Ana, refunds arrive within 5 days [1].');
  });

  it('says when the clipboard refuses', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('Document is not focused')) } });
    mount();
    await stream(draftStream());
    fireEvent.click(screen.getByTestId('copy-draft'));
    await waitFor(() => expect(text('copy-result')).toBe('Copy failed: Document is not focused'));
  });

  it('inserts the text with its draft id and shows where it went', async () => {
    mount();
    await stream(draftStream());
    fireEvent.click(screen.getByTestId('insert-draft'));
    await waitFor(() => expect(text('insert-result')).toContain('Zendesk reply box'));
    expect(onInsert).toHaveBeenCalledWith('Hi Ana, refunds arrive within 5 days [1].', 'dr_1');
  });

  it('shows the error the insert returns, or throws', async () => {
    onInsert.mockResolvedValueOnce({ ok: false, error: 'No reply box is open on this page' });
    onInsert.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    mount();
    await stream(draftStream());

    fireEvent.click(screen.getByTestId('insert-draft'));
    await waitFor(() => expect(text('insert-result')).toBe('Could not insert: No reply box is open on this page'));
    expect(screen.getByTestId('insert-result').getAttribute('role')).toBe('alert');

    fireEvent.click(screen.getByTestId('insert-draft'));
    await waitFor(() =>
      expect(text('insert-result')).toBe('Could not insert: Could not establish connection. Receiving end does not exist.'),
    );
  });

  it('edits apart from the draft, inserts the edit, and regenerating drops it', async () => {
    mount();
    await stream(draftStream());

    fireEvent.click(screen.getByTestId('edit-draft'));
    const box = screen.getByTestId('edit-text');
    expect(box).toHaveProperty('value', 'Hi Ana, refunds arrive within 5 days [1].');
    fireEvent.change(box, { target: { value: 'Hi Ana, it is on its way [1].' } });
    fireEvent.click(screen.getByTestId('edit-save'));

    expect(text('draft-text')).toBe('Hi Ana, it is on its way [1].');
    expect(screen.getByTestId('citation-1')).toBeTruthy();
    expect(text('draft-edited')).toBe('Edited');
    fireEvent.click(screen.getByTestId('insert-draft'));
    await waitFor(() => expect(onInsert).toHaveBeenCalledWith('Hi Ana, it is on its way [1].', 'dr_1'));

    fireEvent.click(screen.getByTestId('regenerate-draft'));
    await stream(draftStream('A new draft.'), 1);
    expect(text('draft-text')).toBe('A new draft.');
    expect(screen.queryByTestId('draft-edited')).toBeNull();
    expect(fake.starts).toHaveLength(2);
  });

  it('cancels an edit without changing the draft', async () => {
    mount();
    await stream(draftStream());
    fireEvent.click(screen.getByTestId('edit-draft'));
    fireEvent.change(screen.getByTestId('edit-text'), { target: { value: 'Scrapped' } });
    fireEvent.click(screen.getByTestId('edit-cancel'));
    expect(text('draft-text')).toBe('Hi Ana, refunds arrive within 5 days [1].');
  });

  it('regenerates in the tone the agent picks, but keeps an edit until asked', async () => {
    mount();
    await stream(draftStream());

    fireEvent.change(screen.getByTestId('tone-select'), { target: { value: 'formal' } });
    await stream(draftStream('Dear Ana.'), 1);
    expect(fake.starts[1]?.options).toEqual({ tone: 'formal' });

    fireEvent.click(screen.getByTestId('edit-draft'));
    fireEvent.change(screen.getByTestId('edit-text'), { target: { value: 'Mine' } });
    fireEvent.click(screen.getByTestId('edit-save'));
    fireEvent.change(screen.getByTestId('tone-select'), { target: { value: 'concise' } });
    expect(text('draft-text')).toBe('Mine');
    expect(fake.starts).toHaveLength(2);

    fireEvent.click(screen.getByTestId('regenerate-draft'));
    await waitFor(() => expect(fake.starts).toHaveLength(3));
    expect(fake.starts[2]?.options).toEqual({ tone: 'concise' });
    expect(screen.getByTestId('length-select')).toHaveProperty('value', '');

    fireEvent.change(screen.getByTestId('length-select'), { target: { value: 'short' } });
    await waitFor(() => expect(fake.starts).toHaveLength(4));
    expect(fake.starts[3]?.options).toEqual({ tone: 'concise', length: 'short' });
    fireEvent.change(screen.getByTestId('tone-select'), { target: { value: '' } });
    await waitFor(() => expect(fake.starts).toHaveLength(5));
    expect(fake.starts[4]?.options).toEqual({ length: 'short' });
  });

  it('answers Alt+Shift+R and Alt+Shift+I, and stops listening when unmounted', async () => {
    const { unmount } = mount();
    await stream(draftStream());

    expect(fireEvent.keyDown(document, { key: 'I', code: 'KeyI', altKey: true, shiftKey: true })).toBe(false);
    await waitFor(() => expect(onInsert).toHaveBeenCalledTimes(1));
    fireEvent.keyDown(document, { key: 'R', code: 'KeyR', altKey: true, shiftKey: true });
    await waitFor(() => expect(fake.starts).toHaveLength(2));
    fireEvent.keyDown(document, { key: 'r', code: 'KeyR', altKey: false, shiftKey: false });
    expect(fake.starts).toHaveLength(2);

    unmount();
    fireEvent.keyDown(document, { key: 'R', code: 'KeyR', altKey: true, shiftKey: true });
    fireEvent.keyDown(document, { key: 'I', code: 'KeyI', altKey: true, shiftKey: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.starts).toHaveLength(2);
    expect(onInsert).toHaveBeenCalledTimes(1);
  });

  it('ignores the shortcuts while the editor is open', async () => {
    mount();
    await stream(draftStream());
    fireEvent.click(screen.getByTestId('edit-draft'));
    // Not default-prevented: the key still types in the editor (Alt+Shift+R is a character on a Mac).
    expect(fireEvent.keyDown(screen.getByTestId('edit-text'), { key: '‰', code: 'KeyR', altKey: true, shiftKey: true })).toBe(true);
    fireEvent.keyDown(document, { key: 'I', code: 'KeyI', altKey: true, shiftKey: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.starts).toHaveLength(1);
    expect(onInsert).not.toHaveBeenCalled();
  });

  it('runs forwarded chrome.commands, and does not insert an unfinished draft', async () => {
    const commands = createPanelCommands();
    mount({ commands });
    const sub = await stream(draftStream().slice(0, 4));

    expect(commands.run('insert-draft')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(onInsert).not.toHaveBeenCalled();

    act(() => sub.push(...draftStream().slice(4)));
    act(() => void commands.run('insert-draft'));
    await waitFor(() => expect(onInsert).toHaveBeenCalledTimes(1));
    act(() => void commands.run('regenerate-draft'));
    await waitFor(() => expect(fake.starts).toHaveLength(2));
  });

  it('confirms an action before running it', async () => {
    execute.mockResolvedValue({
      status: 'succeeded',
      suggestionId: 'sg_1',
      action: 'store.refundOrder',
      summary: 'Refunded',
      output: {},
      executedAt: '2026-12-01T10:00:00.000Z',
    });
    mount();
    await stream(draftStream());

    fireEvent.click(within(screen.getByTestId('action-sg_1')).getByTestId('action-run'));
    fireEvent.click(screen.getByTestId('action-cancel'));
    expect(execute).not.toHaveBeenCalled();

    fireEvent.click(within(screen.getByTestId('action-sg_1')).getByTestId('action-run'));
    fireEvent.click(screen.getByTestId('action-confirm'));
    await waitFor(() => expect(text('action-result')).toBe('Done: Refunded'));
    expect(execute).toHaveBeenCalledTimes(1);
    expect(execute.mock.calls[0]?.[0]).toMatchObject({ suggestionId: 'sg_1', confirmed: true });
  });

  it('rates a finished draft once through assist.feedback and shows the choice', async () => {
    mount();
    const sub = await stream(draftStream().slice(0, 4));
    expect(screen.queryByTestId('feedback-helpful')).toBeNull();
    act(() => sub.push(...draftStream().slice(4)));

    fireEvent.click(screen.getByTestId('feedback-helpful'));
    fireEvent.click(screen.getByTestId('feedback-not-helpful'));

    await waitFor(() => expect(text('feedback-status')).toBe('Thanks, noted.'));
    expect(rate.mock.calls).toEqual([[{ draftId: 'dr_1', rating: 'helpful' }]]);
    expect(screen.getByTestId('feedback-helpful').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('feedback-not-helpful')).toHaveProperty('disabled', true);
  });

  it('lets the agent rate again when sending failed', async () => {
    rate.mockRejectedValueOnce(new Error('Server unreachable'));
    mount();
    await stream(draftStream());

    fireEvent.click(screen.getByTestId('feedback-not-helpful'));
    await waitFor(() => expect(text('feedback-status')).toBe('Server unreachable'));
    fireEvent.click(screen.getByTestId('feedback-not-helpful'));
    await waitFor(() => expect(text('feedback-status')).toBe('Thanks, noted.'));
    expect(rate).toHaveBeenCalledTimes(2);
  });
});
