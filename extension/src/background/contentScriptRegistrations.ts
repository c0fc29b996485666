/**
 * Which content scripts the background registers for admin-mapped hosts, as pure functions: the
 * auto-detecting script's built file (Plasmo hashes file names, so it is looked up in the
 * manifest), one registration per mapping whose origin the admin granted, and the difference to
 * what Chrome has registered now.
 */
import { matchPatternFor, type HostMapping } from '../settings/siteSettings';

/** The match patterns of contents/loopbackHelpdesk.ts, which identify its entry in the built manifest. */
export const AUTO_SCRIPT_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

/** Every registration Tandem owns starts with this, so scripts registered by anything else are left alone. */
export const MAPPED_SCRIPT_ID_PREFIX = 'tandem-host:';

export interface ScriptRegistration {
  id: string;
  matches: string[];
  js: string[];
}

type ManifestScripts = { content_scripts?: { matches?: string[]; js?: string[] }[] };

/** The built file of the auto-detecting content script, or undefined if the manifest has none. */
export function autoScriptFile(manifest: ManifestScripts): string | undefined {
  const entry = manifest.content_scripts?.find((script) => AUTO_SCRIPT_MATCHES.every((pattern) => script.matches?.includes(pattern)));
  return entry?.js?.[0];
}

export function registrationId(mapping: Pick<HostMapping, 'host' | 'scheme'>): string {
  return `${MAPPED_SCRIPT_ID_PREFIX}${matchPatternFor(mapping)}`;
}

/** One registration per mapping whose origin is granted; a mapping still waiting for permission gets none. */
export function wantedRegistrations(
  mappings: readonly HostMapping[],
  isGranted: (pattern: string) => boolean,
  scriptFile: string,
): ScriptRegistration[] {
  return mappings
    .filter((mapping) => isGranted(matchPatternFor(mapping)))
    .map((mapping) => ({ id: registrationId(mapping), matches: [matchPatternFor(mapping)], js: [scriptFile] }));
}

function sameRegistration(a: ScriptRegistration, b: ScriptRegistration): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && [...x].sort().every((v, i) => v === [...y].sort()[i]);
  return a.id === b.id && same(a.matches, b.matches) && same(a.js, b.js);
}

export interface RegistrationChanges {
  unregister: string[];
  register: ScriptRegistration[];
}

/**
 * What to change so that Tandem's registrations become `wanted`: a changed one (another script
 * file after an update, another pattern) is unregistered and registered again.
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
