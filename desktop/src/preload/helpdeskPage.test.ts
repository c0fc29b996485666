// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://brightkettle.zendesk.com/agent/tickets/30412" }
/**
 * The helpdesk preload's work in a page (jsdom, with the extension's own Zendesk fixture): it
 * reads the ticket with the extension's adapter and reports it through IPC in the validated
 * shape, answers insert commands with the extension's composer code, reports what became of the
 * draft, ignores malformed commands, and reads nothing on a host that is not the site's.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HELPDESK_ARGUMENT_PREFIX, HELPDESK_PAGE_CHANNELS } from '../ipc/helpdeskChannels';
import {
  helpdeskPageReader,
  readHelpdeskArgument,
  runHelpdeskPage,
  type HelpdeskPageConfig,
  type HelpdeskPageIpc,
  type RunningHelpdeskPage,
} from './helpdeskPage';

const FIXTURES = `${import.meta.dirname}/../../../extension/src/adapters/fixtures/zendesk`;
const URL_ON_SITE = 'https://brightkettle.zendesk.com/agent/tickets/30412';
const config: HelpdeskPageConfig = { site: 'zendesk', mappedHosts: ['help.brightkettle.example'] };

interface Sent {
  channel: string;
  payload: unknown;
}

let sent: Sent[];
let insertListener: ((raw: unknown) => void) | undefined;
let running: RunningHelpdeskPage | undefined;

const ipc: HelpdeskPageIpc = {
  send: (channel, payload) => sent.push({ channel, payload }),
  onInsert(listener) {
    insertListener = listener;
    return () => {
      insertListener = undefined;
    };
  },
};

function on(channel: string): unknown[] {
  return sent.filter((each) => each.channel === channel).map((each) => each.payload);
}

beforeEach(() => {
  sent = [];
  document.documentElement.innerHTML = readFileSync(`${FIXTURES}/agent-workspace-tabs.html`, 'utf8');
});

afterEach(() => {
  running?.stop();
  running = undefined;
});

describe('readHelpdeskArgument', () => {
  it('reads the site main passed, and nothing from a missing or forged argument', () => {
    const argument = `${HELPDESK_ARGUMENT_PREFIX}${encodeURIComponent(JSON.stringify(config))}`;
    expect(readHelpdeskArgument(['/electron', '--type=renderer', argument])).toEqual(config);
    expect(readHelpdeskArgument(['/electron'])).toBeUndefined();
    expect(readHelpdeskArgument([`${HELPDESK_ARGUMENT_PREFIX}%7Bnot json`])).toBeUndefined();
    expect(
      readHelpdeskArgument([`${HELPDESK_ARGUMENT_PREFIX}${encodeURIComponent('{"site":"outlook","mappedHosts":[]}')}`]),
    ).toBeUndefined();
  });
});

describe('helpdeskPageReader', () => {
  it("reads the ticket with the site's adapter on its own and on mapped hosts, and nothing elsewhere", () => {
    const read = helpdeskPageReader(config);
    expect(read(document, URL_ON_SITE)).toMatchObject({ kind: 'ticket', ticket: { site: 'zendesk', ticketId: '30412' } });
    expect(read(document, 'https://help.brightkettle.example/agent/tickets/30412')).toMatchObject({ kind: 'ticket' });
    expect(read(document, 'https://brightkettle.okta.com/agent/tickets/30412')).toMatchObject({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
    });
  });
});

describe('runHelpdeskPage', () => {
  it('reports the open ticket in the validated shape', async () => {
    running = runHelpdeskPage(document, () => URL_ON_SITE, config, ipc);
    await vi.waitFor(() => expect(on(HELPDESK_PAGE_CHANNELS.report)).toHaveLength(1));
    const [report] = on(HELPDESK_PAGE_CHANNELS.report);
    expect(report).toMatchObject({
      type: 'ticket.opened',
      ticket: { site: 'zendesk', ticketId: '30412', subject: 'Kettle stopped heating after descaling', tags: expect.any(Array) },
    });
  });

  it('reports no ticket on a sign-in page', async () => {
    running = runHelpdeskPage(document, () => 'https://brightkettle.okta.com/login', config, ipc);
    await vi.waitFor(() => expect(on(HELPDESK_PAGE_CHANNELS.report)).toEqual([{ type: 'ticket.closed' }]));
  });

  it("inserts a draft into the site's reply box, answers with the request id, then reports its outcome", async () => {
    running = runHelpdeskPage(document, () => URL_ON_SITE, config, ipc);
    insertListener!({ requestId: 'r1', draftId: 'd1', text: 'Sorry to hear that. A replacement is on its way.' });
    expect(on(HELPDESK_PAGE_CHANNELS.insertResult)).toEqual([{ requestId: 'r1', reply: { ok: true, composer: 'Zendesk reply box' } }]);
    const composer = document.querySelector('[data-ticket-id="30412"] [aria-label="Public reply composer"]')!;
    expect(composer.textContent).toContain('A replacement is on its way.');

    // The site sends the reply: the box empties without the agent typing.
    composer.textContent = '';
    await vi.waitFor(() =>
      expect(on(HELPDESK_PAGE_CHANNELS.draftOutcome)).toEqual([{ draftId: 'd1', outcome: 'sent-as-is', keptRatio: 1 }]),
    );
  });

  it('answers a refusal when no reply box is open', () => {
    for (const box of Array.from(document.querySelectorAll('[aria-label="Public reply composer"]'))) box.remove();
    running = runHelpdeskPage(document, () => URL_ON_SITE, config, ipc);
    insertListener!({ requestId: 'r2', draftId: 'd2', text: 'Hello' });
    expect(on(HELPDESK_PAGE_CHANNELS.insertResult)).toEqual([
      { requestId: 'r2', reply: { ok: false, error: expect.stringContaining('No reply box') } },
    ]);
  });

  it.each([
    ['no request id', { draftId: 'd1', text: 'Hello' }],
    ['an empty draft', { requestId: 'r1', draftId: 'd1', text: '' }],
    ['an extra field', { requestId: 'r1', draftId: 'd1', text: 'Hello', html: '<img src=x onerror=alert(1)>' }],
    ['a string', 'Hello'],
  ])('ignores a malformed insert command: %s', (_name, raw) => {
    running = runHelpdeskPage(document, () => URL_ON_SITE, config, ipc);
    const before = document.body.innerHTML;
    insertListener!(raw);
    expect(on(HELPDESK_PAGE_CHANNELS.insertResult)).toEqual([]);
    expect(document.body.innerHTML).toBe(before);
  });

  it('stops listening when stopped', () => {
    running = runHelpdeskPage(document, () => URL_ON_SITE, config, ipc);
    running.stop();
    expect(insertListener).toBeUndefined();
  });
});
