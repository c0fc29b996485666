/**
 * Which content scripts the background registers for admin-mapped hosts, as pure functions: the
 * built files of the scripts (Plasmo hashes file names, so each is looked up in the manifest by
 * its match patterns), one registration per mapping whose origin the admin granted, and the
 * difference to what Chrome has registered now.
 *
 * A mapping that names a site gets that site's own script, which bundles one reader; only an
 * 'auto' mapping gets the auto-detecting script, which bundles every reader and so is the
 * largest thing Tandem puts in a page.
 */
import type { MappedSite } from '../adapters/siteHosts';
import { HELPDESK_DESCRIPTORS, LOOPBACK_MATCHES } from '../adapters/sites';
import { matchPatternFor, type HostMapping } from '../settings/siteSettings';

/** The match patterns of contents/loopbackHelpdesk.ts, which identify its entry in the built manifest. */
export const AUTO_SCRIPT_MATCHES = LOOPBACK_MATCHES;

/** Every registration Tandem owns starts with this, so scripts registered by anything else are left alone. */
export const MAPPED_SCRIPT_ID_PREFIX = 'tandem-host:';

export interface ScriptRegistration {
  id: string;
  matches: string[];
  /** Hosts inside `matches` that a more specific mapping decides (see `wantedRegistrations`). */
  excludeMatches: string[];
  js: string[];
}

type ManifestScripts = { content_scripts?: { matches?: string[]; js?: string[] }[] };

/** The built file of each script a mapping can name: 'auto' and every helpdesk. */
export type ScriptFiles = Readonly<Record<MappedSite, string>>;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((value) => right.has(value));
}

/** The built file of the content script declared for exactly these match patterns. */
function scriptFileFor(manifest: ManifestScripts, matches: readonly string[]): string | undefined {
  return manifest.content_scripts?.find((script) => sameSet(script.matches ?? [], matches))?.js?.[0];
}

/** The built file of the auto-detecting content script, or undefined if the manifest has none. */
export function autoScriptFile(manifest: ManifestScripts): string | undefined {
  return scriptFileFor(manifest, AUTO_SCRIPT_MATCHES);
}

/**
 * Every script's built file: each helpdesk's own script found by its descriptor's match patterns
 * (what contents/<site>.ts declares), the auto script by its loopback ones. Undefined without the
 * auto script. A site script the manifest lacks falls back to the auto script, which reads a
 * mapped host as its mapping says, only with a bigger bundle: a mapped host keeps working.
 */
export function manifestScriptFiles(manifest: ManifestScripts): ScriptFiles | undefined {
  const auto = autoScriptFile(manifest);
  if (auto === undefined) return undefined;
  const files: Record<MappedSite, string> = { auto, gmail: auto, zendesk: auto, salesforce: auto };
  for (const descriptor of HELPDESK_DESCRIPTORS) files[descriptor.site] = scriptFileFor(manifest, descriptor.matches) ?? auto;
  return files;
}

export function registrationId(mapping: Pick<HostMapping, 'host' | 'scheme'>): string {
  return `${MAPPED_SCRIPT_ID_PREFIX}${matchPatternFor(mapping)}`;
}

/** A wildcard's length ranks it; an exact host beats every wildcard (as `mappedSiteForHost` decides). */
function specificity(host: string): number {
  return host.startsWith('*.') ? host.length : Number.MAX_SAFE_INTEGER;
}

/**
 * Whether the more specific `inner` names hosts that the wildcard `outer`'s match pattern covers:
 * `desk.acme.com` or `*.eu.acme.com` inside `*.acme.com`, and `acme.com` itself, since Chrome's
 * `*.acme.com` pattern also matches the bare domain.
 */
function covers(outer: HostMapping, inner: HostMapping): boolean {
  if (outer.scheme !== inner.scheme || !outer.host.startsWith('*.') || specificity(inner.host) <= specificity(outer.host)) return false;
  const domain = outer.host.slice(2);
  const innerDomain = inner.host.replace(/^\*\./, '');
  return innerDomain === domain || innerDomain.endsWith(`.${domain}`);
}

/**
 * One registration per mapping whose origin is granted; a mapping still waiting for permission
 * gets none. Each runs the script of the mapped site. A wildcard leaves out the hosts of more
 * specific mappings inside it (`excludeMatches`), whatever their site: the most specific mapping
 * decides a host, and two scripts on one page would race for it (the first to run claims the
 * page, and a site script refuses a host mapped to another site).
 */
export function wantedRegistrations(
  mappings: readonly HostMapping[],
  isGranted: (pattern: string) => boolean,
  files: ScriptFiles,
): ScriptRegistration[] {
  return mappings
    .filter((mapping) => isGranted(matchPatternFor(mapping)))
    .map((mapping) => ({
      id: registrationId(mapping),
      matches: [matchPatternFor(mapping)],
      excludeMatches: mappings.filter((inner) => covers(mapping, inner)).map(matchPatternFor),
      js: [files[mapping.site]],
    }));
}

function sameRegistration(a: ScriptRegistration, b: ScriptRegistration): boolean {
  return a.id === b.id && sameSet(a.matches, b.matches) && sameSet(a.excludeMatches, b.excludeMatches) && sameSet(a.js, b.js);
}

export interface RegistrationChanges {
  unregister: string[];
  register: ScriptRegistration[];
}

/**
 * What to change so that Tandem's registrations become `wanted`: a changed one (another script
 * file after an update or a new site on the mapping, another pattern or exclusion) is
 * unregistered and registered again.
 */
export function diffRegistrations(existing: readonly ScriptRegistration[], wanted: readonly ScriptRegistration[]): RegistrationChanges {
  const ours = existing.filter((registration) => registration.id.startsWith(MAPPED_SCRIPT_ID_PREFIX));
  const wantedById = new Map(wanted.map((registration) => [registration.id, registration]));
  const existingById = new Map(ours.map((registration) => [registration.id, registration]));
  const unregister = ours
    .filter((registration) => {
      const target = wantedById.get(registration.id);
      return target === undefined || !sameRegistration(registration, target);
    })
    .map((registration) => registration.id);
  const register = wanted.filter((registration) => {
    const current = existingById.get(registration.id);
    return current === undefined || !sameRegistration(current, registration);
  });
  return { unregister, register };
}
