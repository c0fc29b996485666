// @vitest-environment jsdom
/**
 * The Copilot screen joined to the app's helpdesk tabs, in jsdom with a fake HelpdeskBridge (a
 * stand-in for Electron's IPC, which cannot run here) and a fake assist client: the tab strip and
 * its keyboard, the layout told to main, the shown tab's ticket (and its no-ticket and unreadable
 * states), Insert into the tab with each error main answers, and draft outcomes sent as feedback.
 */
import type { PanelClient } from '@tandem/panel';
import type { DraftEvent, DraftFeedback, TicketContext } from '@tandem/shared';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HelpdeskTabSummary } from '../../../ipc/helpdeskChannels';
import { forgetShownHelpdeskTab } from '../../hooks/useHelpdeskTabs';
import { click, get, mount, query, type, waitFor, type Mounted } from '../../testing/dom';
import { fail, fakeBridge, type FakeBridge } from './fakeHelpdeskBridge';
import { HelpdeskCopilot } from './HelpdeskCopilot';

const TICKET: TicketContext = {
  site: 'zendesk',
  ticketId: '4711',
  subject: 'Parcel arrived crushed',
  requester: { name: 'Robin Vale', email: 'robin@example.org' },
  messages: [{ authorRole: 'customer', partial: false, body: 'The box was flattened and the lamp inside is broken.' }],
  tags: [],
  status: 'open',
};

function tab(tabId: string, over: Partial<HelpdeskTabSummary> = {}): HelpdeskTabSummary {
  return {
    tabId,
    site: 'zendesk',
    label: 'Zendesk',
    host: 'acme.zendesk.com',
    title: `Ticket ${tabId}`,
    ticket: { kind: 'none' },
    ...over,
  };
}

/** The assist calls the shared panel makes, with a draft stream the test pushes. */
function fakeClient() {
  const observers: { onData: (event: { id: string; data: DraftEvent }) => void }[] = [];
  const feedback = vi.fn(async (input: DraftFeedback): Promise<unknown> => input);
  let drafts = 0;
  const client: PanelClient & { assist: { feedback: { mutate: typeof feedback } } } = {
    assist: {
      start: {
        mutate: async () => {
          drafts += 1;
          return { draftId: `dr_${drafts}` };
        },
      },
      draft: {
        subscribe: (_input, observer) => {
          observers.push(observer);
          return { unsubscribe: () => undefined };
        },
      },
      feedback: { mutate: feedback },
    },
    actions: { execute: { mutate: async () => ({ status: 'done', message: 'ok' }) as never } },
  };
  const stream = async (text: string) => {
    await waitFor(() => expect(observers.length).toBeGreaterThan(0));
    const observer = observers.at(-1)!;
    const events: DraftEvent[] = [
      { type: 'token', text },
      { type: 'done', confidence: 0.8, needsReview: false, citations: [], drafter: 'embedded' },
    ];
    act(() => events.forEach((data, i) => observer.onData({ id: `e${i}`, data })));
  };
  return { client, feedback, stream };
}

let mounted: Mounted | undefined;

beforeEach(() => forgetShownHelpdeskTab());

afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  vi.restoreAllMocks();
});

async function render(fake: FakeBridge, client = fakeClient().client) {
  mounted = await mount(
    <HelpdeskCopilot bridge={fake.bridge} client={client}>
      <p data-testid="followed-view">Following your browser.</p>
    </HelpdeskCopilot>,
  );
}

function tabs(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="helpdesk-tab"]')];
}

async function key(element: HTMLElement, name: string) {
  await act(async () => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  });
}

describe('the helpdesk tab strip', () => {
  it('lists the tabs, shows which is shown, and switches, closes and hides them', async () => {
    const fake = fakeBridge({
      activeTabId: 'a',
      tabs: [tab('a'), tab('b', { site: 'gmail', label: 'Gmail', host: 'mail.google.com', title: '' })],
    });
    await render(fake);
    await waitFor(() => expect(tabs()).toHaveLength(2));
    expect(tabs().map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1]);
    // A tab without a title is named by its host.
    expect(tabs()[1]!.textContent).toBe('Gmail mail.google.com');

    await act(async () => tabs()[1]!.click());
    expect(fake.calls.activate).toHaveBeenLastCalledWith('b');

    await click('helpdesk-hide');
    expect(fake.calls.activate).toHaveBeenLastCalledWith(null);

    await act(async () => document.querySelectorAll<HTMLElement>('[data-testid="helpdesk-tab-close"]')[0]!.click());
    expect(fake.calls.close).toHaveBeenCalledWith('a');
  });

  it('moves between tabs with the arrow keys, Home and End, and closes with Delete', async () => {
    const fake = fakeBridge({ activeTabId: 'a', tabs: [tab('a'), tab('b'), tab('c')] });
    await render(fake);
    await waitFor(() => expect(tabs()).toHaveLength(3));

    await key(tabs()[0]!, 'ArrowRight');
    expect(fake.calls.activate).toHaveBeenLastCalledWith('b');
    expect(document.activeElement).toBe(tabs()[1]);
    await key(tabs()[0]!, 'ArrowLeft');
    expect(fake.calls.activate).toHaveBeenLastCalledWith('c');
    await key(tabs()[2]!, 'Home');
    expect(fake.calls.activate).toHaveBeenLastCalledWith('a');
    await key(tabs()[0]!, 'End');
    expect(fake.calls.activate).toHaveBeenLastCalledWith('c');
    await key(tabs()[1]!, 'Delete');
    expect(fake.calls.close).toHaveBeenCalledWith('b');
  });

  it('opens Gmail, Zendesk, Salesforce or a typed address, and says why one was refused', async () => {
    const fake = fakeBridge({ activeTabId: null, tabs: [] });
    await render(fake);
    await click('helpdesk-open-gmail');
    expect(fake.calls.open).toHaveBeenLastCalledWith({ url: 'https://mail.google.com/mail/', site: 'gmail' });
    await click('helpdesk-open-zendesk');
    expect(fake.calls.open).toHaveBeenLastCalledWith({ url: 'https://www.zendesk.com/login/', site: 'zendesk' });
    await click('helpdesk-open-salesforce');
    expect(fake.calls.open).toHaveBeenLastCalledWith({ url: 'https://login.salesforce.com/', site: 'salesforce' });

    fake.calls.open.mockResolvedValueOnce(fail('FORBIDDEN', 'That address is not a helpdesk Tandem knows or an admin mapped'));
    await type('helpdesk-address', ' support.example.com/agent ');
    await click('helpdesk-open-address');
    expect(fake.calls.open).toHaveBeenLastCalledWith({ url: 'https://support.example.com/agent' });
    await waitFor(() =>
      expect(get('helpdesk-error').textContent).toBe(
        'Could not open the helpdesk: That address is not a helpdesk Tandem knows or an admin mapped',
      ),
    );
    expect((get('helpdesk-address') as HTMLInputElement).value).toBe('');
  });
  it('says when main cannot list the tabs', async () => {
    const fake = fakeBridge({ activeTabId: null, tabs: [] });
    fake.bridge.list = async () => fail('INTERNAL_SERVER_ERROR', 'helpdeskTabs:list failed');
    await render(fake);
    await waitFor(() => expect(get('helpdesk-error').textContent).toBe('Could not list the helpdesk tabs: helpdeskTabs:list failed'));
  });
});

describe('the layout told to main', () => {
  it('sends the strip bottom and left edge and the pane width on mount and on resize, and hides the tab on leaving', async () => {
    let stripBottom = 96;
    let paneLeft = 600;
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const strip = this.classList.contains('helpdesk-copilot__strip');
      const bottom = strip ? stripBottom : 0;
      const left = this.dataset.testid === 'helpdesk-copilot-pane' ? paneLeft : strip ? 180 : 0;
      return { bottom, left, top: 0, right: 0, width: 0, height: 0, x: left, y: 0, toJSON: () => ({}) };
    });
    vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(1040);
    const fake = fakeBridge({ activeTabId: 'a', tabs: [tab('a')] });
    await render(fake);
    await waitFor(() => expect(fake.calls.setLayout).toHaveBeenCalledWith({ top: 96, left: 180, copilotWidth: 440 }));

    stripBottom = 130.4;
    paneLeft = 700;
    await act(async () => window.dispatchEvent(new Event('resize')));
    expect(fake.calls.setLayout).toHaveBeenLastCalledWith({ top: 130, left: 180, copilotWidth: 340 });
    const sent = fake.calls.setLayout.mock.calls.length;
    await act(async () => window.dispatchEvent(new Event('resize')));
    expect(fake.calls.setLayout.mock.calls.length).toBe(sent);

    mounted?.unmount();
    mounted = undefined;
    expect(fake.calls.activate).toHaveBeenLastCalledWith(null);
  });

  it('shows the tab shown before when the screen comes back', async () => {
    const fake = fakeBridge({ activeTabId: 'b', tabs: [tab('a'), tab('b')] });
    await render(fake);
    await waitFor(() => expect(tabs()).toHaveLength(2));
    mounted?.unmount();
    await render(fake);
    await waitFor(() => expect(fake.calls.activate).toHaveBeenLastCalledWith('b'));
  });
});

describe('the shown tab’s ticket', () => {
  it('takes the pane from the followed browser while a tab is shown, and gives it back', async () => {
    const fake = fakeBridge({ activeTabId: null, tabs: [tab('a', { ticket: { kind: 'ticket', ticket: TICKET } })] });
    await render(fake);
    await waitFor(() => expect(tabs()).toHaveLength(1));
    expect(query('followed-view')).not.toBeNull();
    expect(query('ticket-header')).toBeNull();

    fake.emit({ activeTabId: 'a', tabs: [tab('a', { ticket: { kind: 'ticket', ticket: TICKET } })] });
    await waitFor(() => expect(get('ticket-subject').textContent).toBe('Parcel arrived crushed'));
    expect(get('header-customer').textContent).toBe('Robin Vale');
    expect(get('helpdesk-following').textContent).toBe('Following the Zendesk tab (acme.zendesk.com).');
    expect(query('followed-view')).toBeNull();
    expect(get('helpdesk-page-area').getAttribute('role')).toBe('tabpanel');

    fake.emit({ activeTabId: null, tabs: [tab('a', { ticket: { kind: 'ticket', ticket: TICKET } })] });
    await waitFor(() => expect(query('followed-view')).not.toBeNull());
    expect(query('ticket-header')).toBeNull();
  });

  it('says when the tab shows no ticket, and when its layout could not be read', async () => {
    const fake = fakeBridge({ activeTabId: 'a', tabs: [tab('a')] });
    await render(fake);
    await waitFor(() => expect(get('helpdesk-no-ticket').textContent).toContain('Open a ticket in the Zendesk tab'));

    fake.emit({ activeTabId: 'a', tabs: [tab('a', { ticket: { kind: 'unreadable', detail: 'conversation pane not found' } })] });
    await waitFor(() => expect(get('helpdesk-unreadable-detail').textContent).toBe('conversation pane not found'));
    expect(query('ticket-header')).toBeNull();
  });
});

describe('Insert into the helpdesk tab', () => {
  async function showDraft(fake: FakeBridge) {
    const assist = fakeClient();
    await render(fake, assist.client);
    await assist.stream('Sorry about the lamp, a replacement ships today.');
    await waitFor(() => expect((get('insert-draft') as HTMLButtonElement).disabled).toBe(false));
    await click('insert-draft');
  }

  it('puts the draft into the shown tab and says which box it used', async () => {
    const fake = fakeBridge({ activeTabId: 'a', tabs: [tab('a', { ticket: { kind: 'ticket', ticket: TICKET } })] });
    await showDraft(fake);
    expect(fake.calls.insert).toHaveBeenCalledWith({
      tabId: 'a',
      draftId: 'dr_1',
      text: 'Sorry about the lamp, a replacement ships today.',
    });
    await waitFor(() =>
      expect(get('insert-result').textContent).toBe('Inserted into the Zendesk reply box; review it there before sending.'),
    );
  });

  it.each([
    ['not on a ticket page', fail('FORBIDDEN', 'The Zendesk tab is not on a ticket page')],
    ['no reply box', fail('UNPROCESSABLE_CONTENT', 'No reply box is open on this page — open the reply editor and try again')],
    ['no answer in time', fail('TIMEOUT', 'The Zendesk tab did not answer the insert')],
  ])('says why it could not: %s', async (_case, answer) => {
    const fake = fakeBridge({ activeTabId: 'a', tabs: [tab('a', { ticket: { kind: 'ticket', ticket: TICKET } })] });
    fake.calls.insert.mockResolvedValueOnce(answer);
    await showDraft(fake);
    if (answer.ok) throw new Error('expected a failure');
    await waitFor(() => expect(get('insert-result').textContent).toBe(`Could not insert: ${answer.error.message}`));
    expect(get('insert-result').getAttribute('role')).toBe('alert');
  });
});

describe('draft outcomes', () => {
  it('sends each outcome to assist.feedback, and one the server refused after the next that gets through', async () => {
    const fake = fakeBridge({ activeTabId: null, tabs: [] });
    const assist = fakeClient();
    await render(fake, assist.client);
    assist.feedback.mockRejectedValueOnce(new Error('offline'));
    fake.outcome({ tabId: 'a', draftId: 'dr_7', outcome: 'sent-edited', keptRatio: 0.75 });
    await waitFor(() => expect(assist.feedback).toHaveBeenCalledTimes(1));

    fake.outcome({ tabId: 'a', draftId: 'dr_8', outcome: 'sent-as-is', keptRatio: 1 });
    await waitFor(() => expect(assist.feedback).toHaveBeenCalledTimes(3));
    expect(assist.feedback.mock.calls.map(([input]) => input)).toEqual([
      { draftId: 'dr_7', outcome: 'sent-edited', keptRatio: 0.75 },
      { draftId: 'dr_8', outcome: 'sent-as-is', keptRatio: 1 },
      { draftId: 'dr_7', outcome: 'sent-edited', keptRatio: 0.75 },
    ]);
  });
});
