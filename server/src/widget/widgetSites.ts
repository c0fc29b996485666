/**
 * A workspace's widget sites: created, listed, changed and given a new identity secret by admins;
 * resolved from a public key (with a short cache: every public request resolves one) and checked
 * against the request's origin. The identity secret is sealed before it is stored and opened only
 * here, to check a visitor's identity or to sign one for the server's own demo page.
 */
import {
  widgetSiteSettingsSchema,
  widgetThemeSchema,
  type CreatedWidgetSite,
  type WidgetSite,
  type WidgetSiteSettings,
  type WidgetSiteSettingsInput,
  type WidgetTheme,
} from '@tandem/shared';
import { ServiceError } from '../errors/serviceError.js';
import { newId } from '../storage/ids.js';
import type { StoredWidgetSite, WidgetSitesRepo } from '../storage/widget/widgetSitesRepo.js';
import { identityHash, identityMatches } from './identity.js';
import { originAllowed } from './requestOrigin.js';
import { newIdentitySecret, newSiteKey } from './siteSecrets.js';
import type { WidgetKeys } from './widgetKeys.js';

/** How long a resolved site is reused before it is read again (a change made on another node shows within it). */
const SITE_CACHE_MS = 5_000;
const MAX_CACHED_SITES = 10_000;

/** A site as the public routes use it. */
export interface ResolvedSite {
  id: string;
  tenantId: string;
  siteKey: string;
  name: string;
  allowedOrigins: readonly string[];
  theme: WidgetTheme;
  confidenceThreshold: number;
  suggestedQuestions: readonly string[];
  /** Whether `userHash` is the site's signature of `userId`. */
  verifies(userId: string, userHash: string): boolean;
}

export type WidgetSitePatch = Partial<WidgetSiteSettings> & { disabled?: boolean | undefined };

/** A stored theme read back: anything unknown or missing takes its default, so an old row still renders. */
const themeOf = (stored: Record<string, unknown>): WidgetTheme => widgetThemeSchema.catch(widgetThemeSchema.parse({})).parse(stored);

function publicSite(site: StoredWidgetSite): WidgetSite {
  return {
    id: site.id,
    siteKey: site.siteKey,
    name: site.name,
    allowedOrigins: site.allowedOrigins,
    theme: themeOf(site.theme),
    confidenceThreshold: site.confidenceThreshold,
    suggestedQuestions: site.suggestedQuestions,
    disabled: site.disabledAt !== null,
    createdAt: site.createdAt,
    updatedAt: site.updatedAt,
  };
}

export function widgetSites(repo: WidgetSitesRepo, keys: WidgetKeys, now: () => number = Date.now) {
  const cache = new Map<string, { site: StoredWidgetSite | undefined; at: number }>();

  const resolved = (site: StoredWidgetSite): ResolvedSite => ({
    id: site.id,
    tenantId: site.tenantId,
    siteKey: site.siteKey,
    name: site.name,
    allowedOrigins: site.allowedOrigins,
    theme: themeOf(site.theme),
    confidenceThreshold: site.confidenceThreshold,
    suggestedQuestions: site.suggestedQuestions,
    verifies: (userId, userHash) => identityMatches(keys.open(site.identitySecretSealed), userId, userHash),
  });

  async function byKey(siteKey: string): Promise<StoredWidgetSite | undefined> {
    const hit = cache.get(siteKey);
    if (hit !== undefined && now() - hit.at < SITE_CACHE_MS) return hit.site;
    const site = await repo.byKey(siteKey);
    cache.delete(siteKey);
    cache.set(siteKey, { site, at: now() });
    if (cache.size > MAX_CACHED_SITES) cache.delete(cache.keys().next().value as string);
    return site;
  }

  async function owned(tenantId: string, id: string): Promise<StoredWidgetSite> {
    const site = await repo.get(tenantId, id);
    if (site === undefined) throw new ServiceError('NOT_FOUND', 'No such widget site in this workspace');
    return site;
  }

  const forget = (site: StoredWidgetSite) => cache.delete(site.siteKey);

  async function create(tenantId: string, input: WidgetSiteSettingsInput): Promise<CreatedWidgetSite> {
    const settings = widgetSiteSettingsSchema.parse(input);
    const identitySecret = newIdentitySecret();
    const site = await repo.create({
      id: newId('wsite'),
      tenantId,
      siteKey: newSiteKey(),
      name: settings.name,
      allowedOrigins: [...new Set(settings.allowedOrigins)],
      theme: settings.theme,
      confidenceThreshold: settings.confidenceThreshold,
      suggestedQuestions: settings.suggestedQuestions,
      identitySecretSealed: keys.seal(identitySecret),
    });
    return { ...publicSite(site), identitySecret };
  }

  async function enabledSite(siteKey: string): Promise<ResolvedSite | undefined> {
    const site = await byKey(siteKey);
    return site === undefined || site.disabledAt !== null ? undefined : resolved(site);
  }

  return {
    create,

    /** The site of this name, created with `settings` when missing (the server's demo page); never its secret. */
    async ensure(tenantId: string, settings: WidgetSiteSettingsInput): Promise<WidgetSite> {
      const existing = (await repo.list(tenantId)).find((s) => s.name === settings.name);
      if (existing !== undefined) return publicSite(existing);
      const { identitySecret: _secret, ...created } = await create(tenantId, settings);
      return created;
    },

    list: async (tenantId: string): Promise<WidgetSite[]> => (await repo.list(tenantId)).map(publicSite),

    async get(tenantId: string, id: string): Promise<WidgetSite> {
      return publicSite(await owned(tenantId, id));
    },

    async update(tenantId: string, id: string, patch: WidgetSitePatch): Promise<WidgetSite> {
      const site = await repo.update(tenantId, id, {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.allowedOrigins === undefined ? {} : { allowedOrigins: [...new Set(patch.allowedOrigins)] }),
        ...(patch.theme === undefined ? {} : { theme: patch.theme }),
        ...(patch.confidenceThreshold === undefined ? {} : { confidenceThreshold: patch.confidenceThreshold }),
        ...(patch.suggestedQuestions === undefined ? {} : { suggestedQuestions: patch.suggestedQuestions }),
        ...(patch.disabled === undefined ? {} : { disabled: patch.disabled }),
      });
      if (site === undefined) throw new ServiceError('NOT_FOUND', 'No such widget site in this workspace');
      forget(site);
      return publicSite(site);
    },

    /** A new identity secret, shown once; signatures made with the old one stop verifying. */
    async rotateSecret(tenantId: string, id: string): Promise<CreatedWidgetSite> {
      const identitySecret = newIdentitySecret();
      const site = await repo.replaceSecret(tenantId, id, keys.seal(identitySecret));
      if (site === undefined) throw new ServiceError('NOT_FOUND', 'No such widget site in this workspace');
      forget(site);
      return { ...publicSite(site), identitySecret };
    },

    /**
     * The userHash the site's backend would compute for `userId`: for the server's own pages (the
     * demo shop signs its signed-in customer), never exposed as a route.
     */
    async signIdentity(tenantId: string, id: string, userId: string): Promise<string> {
      return identityHash(keys.open((await owned(tenantId, id)).identitySecretSealed), userId);
    },

    /** The site of a public key, if the key is known and enabled, whatever the origin (CORS preflights ask this). */
    byKey: enabledSite,

    /**
     * The site of a public key for a request from `origin`: an unknown or disabled key is
     * UNAUTHORIZED, an origin that is missing or not on the site's list is FORBIDDEN.
     */
    async forRequest(siteKey: string, origin: string | undefined): Promise<{ site: ResolvedSite; origin: string }> {
      const site = await enabledSite(siteKey);
      if (site === undefined) throw new ServiceError('UNAUTHORIZED', 'Unknown or disabled site key');
      if (!originAllowed(origin, site.allowedOrigins))
        throw new ServiceError('FORBIDDEN', origin === undefined ? 'The request names no origin' : 'This origin may not use this site key');
      return { site, origin };
    },
  };
}
export type WidgetSites = ReturnType<typeof widgetSites>;
