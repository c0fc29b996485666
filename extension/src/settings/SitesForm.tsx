/**
 * The options form for where Tandem reads tickets: each helpdesk switched on or off, and an
 * admin's extra hosts mapped to a helpdesk (or to "auto", told from the page). Saving asks for
 * access to the mapped hosts; open helpdesk tabs pick a new mapping up when they are reloaded.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { HELPDESK_SITES } from '../adapters/siteHosts';
import { saveSiteSettings } from './saveSiteSettings';
import { DEFAULT_SITE_SETTINGS, mappedSiteSchema, MAX_HOST_MAPPINGS, SITE_LABELS, type EnabledSites } from './siteSettings';
import { readSiteSettings } from './siteSettingsStorage';
import { siteSettingsDraftFrom, validateSiteSettingsDraft, type HostMappingDraft, type SiteSettingsDraft } from './validateSiteSettings';

const MAPPED_SITES = mappedSiteSchema.options;

export function SitesForm() {
  const [draft, setDraft] = useState<SiteSettingsDraft>(siteSettingsDraftFrom(DEFAULT_SITE_SETTINGS));
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  // Stored values arrive asynchronously; they must not overwrite what the admin already changed.
  const edited = useRef(false);

  useEffect(() => {
    let disposed = false;
    void readSiteSettings().then((stored) => {
      if (!disposed && !edited.current) setDraft(siteSettingsDraftFrom(stored));
    });
    return () => {
      disposed = true;
    };
  }, []);

  const change = (update: (previous: SiteSettingsDraft) => SiteSettingsDraft) => {
    edited.current = true;
    setDraft(update);
  };
  const toggleSite = (site: keyof EnabledSites, enabled: boolean) =>
    change((previous) => ({ ...previous, enabledSites: { ...previous.enabledSites, [site]: enabled } }));
  const editRow = (index: number, row: Partial<HostMappingDraft>) =>
    change((previous) => ({
      ...previous,
      hostMappings: previous.hostMappings.map((existing, at) => (at === index ? { ...existing, ...row } : existing)),
    }));
  const addRow = () => change((previous) => ({ ...previous, hostMappings: [...previous.hostMappings, { host: '', site: 'auto' }] }));
  const removeRow = (index: number) =>
    change((previous) => ({ ...previous, hostMappings: previous.hostMappings.filter((_, at) => at !== index) }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const validation = validateSiteSettingsDraft(draft);
    if (!validation.ok) {
      setStatus(validation.message);
      return;
    }
    setSaving(true);
    setStatus('Saving…');
    // No await before saveSiteSettings: its permission prompt needs this click's user gesture.
    saveSiteSettings(validation.settings)
      .then(
        (outcome) => {
          setStatus(outcome.ok ? 'Saved. Reload open helpdesk tabs to apply new hosts.' : outcome.message);
          if (outcome.ok) setDraft(siteSettingsDraftFrom(validation.settings));
        },
        (error: unknown) => setStatus(`Not saved: ${error instanceof Error ? error.message : 'storage failed'}`),
      )
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="sites-form">
      <fieldset>
        <legend>Read tickets on</legend>
        {HELPDESK_SITES.map((site) => (
          <label key={site} className="options__checkbox">
            <input
              data-testid={`site-enabled-${site}`}
              type="checkbox"
              checked={draft.enabledSites[site]}
              onChange={(event) => toggleSite(site, event.target.checked)}
            />
            {SITE_LABELS[site]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Extra hosts</legend>
        <p className="muted">
          A custom domain, proxy or intranet helpdesk: its host (e.g. support.example.com, *.example.com, http://desk.intranet) and which
          helpdesk it runs.
        </p>
        {draft.hostMappings.map((row, index) => (
          <div key={index} className="options__mapping">
            <input
              data-testid={`mapping-host-${index}`}
              aria-label={`Host ${index + 1}`}
              value={row.host}
              onChange={(event) => editRow(index, { host: event.target.value })}
              placeholder="support.example.com"
              spellCheck={false}
              autoComplete="off"
            />
            <select
              data-testid={`mapping-site-${index}`}
              aria-label={`Helpdesk for host ${index + 1}`}
              value={row.site}
              onChange={(event) => {
                const site = mappedSiteSchema.safeParse(event.target.value);
                if (site.success) editRow(index, { site: site.data });
              }}
            >
              {MAPPED_SITES.map((site) => (
                <option key={site} value={site}>
                  {SITE_LABELS[site]}
                </option>
              ))}
            </select>
            <button type="button" data-testid={`mapping-remove-${index}`} onClick={() => removeRow(index)}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" data-testid="add-mapping" onClick={addRow} disabled={draft.hostMappings.length >= MAX_HOST_MAPPINGS}>
          Add host
        </button>
      </fieldset>
      <button data-testid="save-sites" type="submit" disabled={saving}>
        Save sites
      </button>
      <p data-testid="sites-status" role="status" aria-live="polite">
        {status}
      </p>
    </form>
  );
}
