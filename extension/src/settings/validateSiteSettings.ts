/**
 * Turns the sites form (checkboxes and typed host rows) into site settings, or the first problem
 * in words an admin can act on, naming the row it is in.
 */
import { parseHostEntry, siteSettingsSchema, type EnabledSites, type HostMapping, type SiteSettings } from './siteSettings';

export interface HostMappingDraft {
  /** As typed: `support.acme.com`, `*.acme.com`, `http://intranet-desk`. */
  host: string;
  site: HostMapping['site'];
}

export interface SiteSettingsDraft {
  enabledSites: EnabledSites;
  hostMappings: HostMappingDraft[];
}

export type SiteSettingsValidation = { ok: true; settings: SiteSettings } | { ok: false; message: string };

/** Form rows from stored settings: a mapping shows its scheme only when it is not the default https. */
export function siteSettingsDraftFrom(settings: SiteSettings): SiteSettingsDraft {
  return {
    enabledSites: { ...settings.enabledSites },
    hostMappings: settings.hostMappings.map((mapping) => ({
      host: mapping.scheme === 'https' ? mapping.host : `${mapping.scheme}://${mapping.host}`,
      site: mapping.site,
    })),
  };
}

export function validateSiteSettingsDraft(draft: SiteSettingsDraft): SiteSettingsValidation {
  const mappings: HostMapping[] = [];
  // Blank rows are an "Add host" click not followed up: dropped, not an error.
  const rows = draft.hostMappings.filter((row) => row.host.trim() !== '');
  for (const [index, row] of rows.entries()) {
    const entry = parseHostEntry(row.host);
    if (!entry.ok) return { ok: false, message: `Host ${index + 1} (${row.host.trim()}): ${entry.message}` };
    mappings.push({ host: entry.host, scheme: entry.scheme, site: row.site });
  }
  const parsed = siteSettingsSchema.safeParse({ enabledSites: draft.enabledSites, hostMappings: mappings });
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid site settings' };
}
