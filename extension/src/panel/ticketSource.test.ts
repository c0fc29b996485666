/**
 * Which tab's ticket the panel follows, depending on where it is open.
 */
import { describe, expect, it } from 'vitest';
import { ticketSourceFor } from './ticketSource';

describe('ticketSourceFor', () => {
  it('follows the active tab in the side panel', () => {
    expect(ticketSourceFor('', false)).toEqual({ kind: 'active-tab' });
  });

  it('shows the latest ticket when opened as a page', () => {
    expect(ticketSourceFor('', true)).toEqual({ kind: 'latest' });
  });

  it('follows a pinned tab, ignoring a malformed pin', () => {
    expect(ticketSourceFor('?tabId=42', true)).toEqual({ kind: 'pinned-tab', tabId: 42 });
    expect(ticketSourceFor('?tabId=42abc', false)).toEqual({ kind: 'active-tab' });
  });
});
