/**
 * The strip of the app's helpdesk tabs above the Copilot screen: one tab per open helpdesk
 * (arrow keys, Home and End move between them and show the one focused, as a tablist does), a
 * close button each, "Hide tab" to get the console back, and opening Gmail, Zendesk, Salesforce
 * or an address. Titles come from foreign pages: React text only.
 */
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { HelpdeskOpenRequest, HelpdeskTabsState, HelpdeskTabSite } from '../../../ipc/helpdeskChannels';
import { rovingTarget } from '../../shell/rovingFocus';

export interface HelpdeskTabStripProps {
  state: HelpdeskTabsState | undefined;
  error: string | undefined;
  /** The element that stands for the shown tab's web view (aria-controls). */
  panelId: string;
  onOpen(request: HelpdeskOpenRequest): void;
  onActivate(tabId: string | null): void;
  onClose(tabId: string): void;
}

/** Where each helpdesk's agents start; Zendesk's sign-in page asks for the company's subdomain. */
export const HELPDESK_START_URLS: Readonly<Record<HelpdeskTabSite, { label: string; url: string }>> = {
  gmail: { label: 'Gmail', url: 'https://mail.google.com/mail/' },
  zendesk: { label: 'Zendesk', url: 'https://www.zendesk.com/login/' },
  salesforce: { label: 'Salesforce', url: 'https://login.salesforce.com/' },
};

/** What the agent typed as an address: https is assumed when no scheme is given. */
export function addressToUrl(typed: string): string {
  const trimmed = typed.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

function tabName(title: string, label: string): string {
  return title.trim() === '' ? label : title;
}

export function HelpdeskTabStrip({ state, error, panelId, onOpen, onActivate, onClose }: HelpdeskTabStripProps) {
  const [address, setAddress] = useState('');
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const tabs = state?.tabs ?? [];
  const active = state?.activeTabId ?? null;

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target = rovingTarget(event.key, index, tabs.length, 'horizontal');
    if (event.key === 'Delete') {
      event.preventDefault();
      const tab = tabs[index];
      if (tab !== undefined) onClose(tab.tabId);
      return;
    }
    const tab = target === undefined ? undefined : tabs[target];
    if (tab === undefined) return;
    event.preventDefault();
    tabRefs.current.get(tab.tabId)?.focus();
    onActivate(tab.tabId);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (address.trim() === '') return;
    onOpen({ url: addressToUrl(address) });
    setAddress('');
  };

  return (
    <div className="helpdesk-strip" data-testid="helpdesk-strip">
      <div className="helpdesk-strip__tabs" role="tablist" aria-label="Helpdesk tabs">
        {tabs.map((tab, index) => {
          const selected = tab.tabId === active;
          // Roving focus: the shown tab, or the first when none is shown, is the one Tab reaches.
          const focusable = selected || (active === null && index === 0);
          return (
            <span key={tab.tabId} className="helpdesk-strip__tab" role="presentation" data-selected={selected}>
              <button
                type="button"
                role="tab"
                ref={(element) => {
                  if (element === null) tabRefs.current.delete(tab.tabId);
                  else tabRefs.current.set(tab.tabId, element);
                }}
                id={`helpdesk-tab-${tab.tabId}`}
                aria-selected={selected}
                aria-controls={panelId}
                tabIndex={focusable ? 0 : -1}
                title={`${tab.label} · ${tab.host}`}
                data-testid="helpdesk-tab"
                data-tab-id={tab.tabId}
                onClick={() => onActivate(tab.tabId)}
                onKeyDown={(event) => onTabKey(event, index)}
              >
                <span className="helpdesk-strip__site">{tab.label}</span> {tabName(tab.title, tab.host)}
              </button>
              <button
                type="button"
                className="helpdesk-strip__close"
                aria-label={`Close ${tab.label} tab ${tabName(tab.title, tab.host)}`}
                data-testid="helpdesk-tab-close"
                onClick={() => onClose(tab.tabId)}
              >
                ×
              </button>
            </span>
          );
        })}
      </div>
      {active === null ? null : (
        <button type="button" className="button button--ghost" data-testid="helpdesk-hide" onClick={() => onActivate(null)}>
          Hide tab
        </button>
      )}
      <div className="helpdesk-strip__open" role="group" aria-label="Open a helpdesk">
        {(Object.keys(HELPDESK_START_URLS) as HelpdeskTabSite[]).map((site) => (
          <button
            key={site}
            type="button"
            className="button button--ghost"
            data-testid={`helpdesk-open-${site}`}
            onClick={() => onOpen({ url: HELPDESK_START_URLS[site].url, site })}
          >
            + {HELPDESK_START_URLS[site].label}
          </button>
        ))}
        <form className="helpdesk-strip__address" onSubmit={submit}>
          <label className="visually-hidden" htmlFor="helpdesk-address">
            Helpdesk address
          </label>
          <input
            id="helpdesk-address"
            type="text"
            inputMode="url"
            placeholder="support.example.com"
            value={address}
            onChange={(event) => setAddress(event.target.value)}
            data-testid="helpdesk-address"
          />
          <button type="submit" className="button" data-testid="helpdesk-open-address">
            Open
          </button>
        </form>
      </div>
      {error === undefined ? null : (
        <p className="error helpdesk-strip__error" role="alert" data-testid="helpdesk-error">
          {error}
        </p>
      )}
    </div>
  );
}
