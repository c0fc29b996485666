/**
 * The no-ticket states: each says what happened and the one next step; a page's detail stays text.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TicketNotice } from './TicketNotice';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('TicketNotice', () => {
  it('says when no ticket is open and how to get one', () => {
    const html = renderToStaticMarkup(<TicketNotice current={{ kind: 'none' }} />);
    expect(html).toContain('No ticket open');
    expect(html).toContain('Open a ticket in Gmail, Zendesk or Salesforce');
  });

  it('says plainly when a ticket page did not read, its detail as text, with a reload', () => {
    const html = renderToStaticMarkup(<TicketNotice current={{ kind: 'unreadable', tabId: 3, detail: `No subject ${HOSTILE}` }} />);
    expect(html).toContain('data-testid="ticket-unreadable"');
    expect(html).toContain('No subject &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Reload the helpdesk tab');
    expect(html).not.toContain('<img');
  });

  it('says nothing while loading or when a ticket is open', () => {
    expect(renderToStaticMarkup(<TicketNotice current={{ kind: 'loading' }} />)).toBe('');
  });
});
