// @vitest-environment jsdom
/**
 * The sites form on the options page, with a stand-in for chrome.storage and chrome.permissions:
 * it asks for the mapped hosts before saving, saves nothing when refused, and names a bad row.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SitesForm } from './SitesForm';

let stored: Record<string, unknown>;
let granted: boolean;
const request = vi.fn(async () => granted);

beforeEach(() => {
  stored = { enabledSites: { gmail: true, zendesk: true, salesforce: false } };
  granted = true;
  request.mockClear();
  vi.stubGlobal('chrome', {
    storage: {
      local: {
        get: async (keys: string[]) => Object.fromEntries(keys.filter((key) => key in stored).map((key) => [key, stored[key]])),
        set: async (values: Record<string, unknown>) => void Object.assign(stored, values),
      },
    },
    permissions: { request },
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function addHost(host: string, site: string) {
  fireEvent.click(screen.getByTestId('add-mapping'));
  const index = screen.getAllByRole('textbox').length - 1;
  fireEvent.change(screen.getByTestId(`mapping-host-${index}`), { target: { value: host } });
  fireEvent.change(screen.getByTestId(`mapping-site-${index}`), { target: { value: site } });
}

describe('SitesForm', () => {
  it('shows the stored settings, asks for the mapped host, then saves', async () => {
    render(<SitesForm />);
    await waitFor(() => expect((screen.getByTestId('site-enabled-salesforce') as HTMLInputElement).checked).toBe(false));

    fireEvent.click(screen.getByTestId('site-enabled-gmail'));
    await addHost('https://Desk.Acme.com', 'zendesk');
    fireEvent.click(screen.getByTestId('save-sites'));

    await waitFor(() => expect(screen.getByTestId('sites-status').textContent).toMatch(/^Saved/));
    expect(request).toHaveBeenCalledWith({ origins: ['https://desk.acme.com/*'] });
    expect(stored).toEqual({
      enabledSites: { gmail: false, zendesk: true, salesforce: false },
      hostMappings: [{ host: 'desk.acme.com', scheme: 'https', site: 'zendesk' }],
    });
  });

  it('saves nothing when the host permission is refused', async () => {
    granted = false;
    render(<SitesForm />);
    await addHost('desk.acme.com', 'auto');
    fireEvent.click(screen.getByTestId('save-sites'));

    await waitFor(() =>
      expect(screen.getByTestId('sites-status').textContent).toBe('Not saved: Tandem needs permission to read the mapped hosts'),
    );
    expect(stored.hostMappings).toBeUndefined();
  });

  it('names the bad row and asks for nothing', async () => {
    render(<SitesForm />);
    await addHost('mail.google.com', 'gmail');
    fireEvent.click(screen.getByTestId('save-sites'));

    expect(screen.getByTestId('sites-status').textContent).toBe(
      'Host 1 (mail.google.com): Tandem already reads this host without a mapping',
    );
    expect(request).not.toHaveBeenCalled();
  });

  it('removes a row', async () => {
    stored.hostMappings = [{ host: 'desk.acme.com', scheme: 'http', site: 'auto' }];
    render(<SitesForm />);
    await waitFor(() => expect((screen.getByTestId('mapping-host-0') as HTMLInputElement).value).toBe('http://desk.acme.com'));

    fireEvent.click(screen.getByTestId('mapping-remove-0'));
    fireEvent.click(screen.getByTestId('save-sites'));

    await waitFor(() => expect(stored.hostMappings).toEqual([]));
    expect(request).not.toHaveBeenCalled();
  });
});
