/**
 * The options form: which Tandem server to use and the agent's API token. It validates before
 * saving so the side panel only ever sees settings it can use.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { settingsDraftFromStorage, DEFAULT_SERVER_URL, type SettingsDraft } from './settings';
import { saveSettings } from './saveSettings';
import { signOut } from './signOut';
import { readStoredSettings } from './settingsStorage';
import { validateSettingsDraft } from './validateSettings';

export function SettingsForm() {
  const [draft, setDraft] = useState<SettingsDraft>({ serverUrl: DEFAULT_SERVER_URL, apiToken: '' });
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  // Stored values arrive asynchronously; they must not overwrite what the agent already typed.
  const edited = useRef(false);

  useEffect(() => {
    let disposed = false;
    void readStoredSettings().then((stored) => {
      if (!disposed && !edited.current) setDraft(settingsDraftFromStorage(stored));
    });
    return () => {
      disposed = true;
    };
  }, []);

  const edit = (field: keyof SettingsDraft, value: string) => {
    edited.current = true;
    setDraft((previous) => ({ ...previous, [field]: value }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const validation = validateSettingsDraft(draft);
    if (!validation.ok) {
      setStatus(validation.message);
      return;
    }
    setSaving(true);
    setStatus('Saving…');
    // No await before saveSettings: its permission prompt needs this click's user gesture.
    saveSettings(validation.settings)
      .then(
        (outcome) => setStatus(outcome.ok ? 'Saved' : outcome.message),
        (error: unknown) => setStatus(`Not saved: ${error instanceof Error ? error.message : 'storage failed'}`),
      )
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <label>
        Server URL
        <input
          data-testid="server-url"
          type="url"
          value={draft.serverUrl}
          onChange={(event) => edit('serverUrl', event.target.value)}
          placeholder={DEFAULT_SERVER_URL}
          autoComplete="url"
          spellCheck={false}
        />
      </label>
      <label>
        API token
        <input
          data-testid="api-token"
          type="password"
          value={draft.apiToken}
          onChange={(event) => edit('apiToken', event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <button data-testid="save" type="submit" disabled={saving}>
        Save
      </button>
      <button
        data-testid="sign-out"
        type="button"
        disabled={saving}
        onClick={() => {
          setSaving(true);
          signOut()
            .then(
              () => {
                setDraft((previous) => ({ ...previous, apiToken: '' }));
                setStatus('Signed out; the local knowledge cache was deleted');
              },
              (error: unknown) => setStatus(`Sign-out failed: ${error instanceof Error ? error.message : 'storage failed'}`),
            )
            .finally(() => setSaving(false));
        }}
      >
        Sign out
      </button>
      <p data-testid="options-status" role="status" aria-live="polite">
        {status}
      </p>
    </form>
  );
}
