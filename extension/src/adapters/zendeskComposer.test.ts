// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://brightkettle.zendesk.com/agent/tickets/30412" }
/**
 * The Zendesk composer finder in a page whose own address names the ticket (the content script's
 * case): the reply box of that ticket's pane, found by its number even when no pane carries the
 * active marker, and never another mounted ticket's box.
 */
// eslint-disable-next-line no-restricted-imports -- the test (not the extension) reads its fixture page from disk
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { findZendeskComposer } from './zendeskAdapter';

beforeEach(() => {
  document.documentElement.innerHTML = readFileSync(`${import.meta.dirname}/fixtures/zendesk/agent-workspace-tabs.html`, 'utf8');
});

describe('findZendeskComposer on a ticket page', () => {
  it("finds the composer of the pane the page's address names, without an active marker", () => {
    for (const pane of Array.from(document.querySelectorAll('.ticket-panes-grid-layout'))) pane.classList.remove('active');

    const composer = findZendeskComposer(document);

    expect(composer?.getAttribute('aria-label')).toBe('Public reply composer');
    expect(composer?.closest('[data-ticket-id]')?.getAttribute('data-ticket-id')).toBe('30412');
  });

  it("returns null when the address's ticket has no composer, rather than another pane's", () => {
    document.querySelector('[data-ticket-id="30412"] [data-test-id="editor-view"]')?.remove();
    const other = document.createElement('div');
    other.setAttribute('data-test-id', 'omnicomposer-rich-text-ckeditor');
    other.setAttribute('contenteditable', 'true');
    document.querySelector('[data-ticket-id="30398"]')?.append(other);

    expect(findZendeskComposer(document)).toBeNull();
  });
});
