/**
 * Turns what the agent typed into settings, or the first problem in words they can act on.
 */
import { extensionSettingsSchema, type ExtensionSettings, type SettingsDraft } from './settings';

export type SettingsValidation = { ok: true; settings: ExtensionSettings } | { ok: false; message: string };

export function validateSettingsDraft(draft: SettingsDraft): SettingsValidation {
  const parsed = extensionSettingsSchema.safeParse(draft);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid settings' };
}
