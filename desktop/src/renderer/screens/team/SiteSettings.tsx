/** One widget site: its public key, and a form for its allowed origins, look and confidence threshold. */
import { useId, useState, type FormEvent } from 'react';
import type { WidgetSite } from '@tandem/shared';
import { useUpdateSite, type SiteChange } from '../../hooks/useTeam';
import { ErrorState } from '../../shell/QueryView';
import { errorText } from '../../shell/queryClient';

export function SiteSettings({ site }: { site: WidgetSite }) {
  const update = useUpdateSite();
  const [origins, setOrigins] = useState(site.allowedOrigins.join('\n'));
  const [threshold, setThreshold] = useState(site.confidenceThreshold);
  const [theme, setTheme] = useState<SiteChange['theme']>(site.theme);
  const ids = { origins: useId(), threshold: useId(), accent: useId(), scheme: useId(), position: useId(), title: useId() };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const allowedOrigins = origins
      .split(/[\n,]/)
      .map((o) => o.trim())
      .filter((o) => o !== '');
    update.mutate({ id: site.id, allowedOrigins, confidenceThreshold: threshold, theme });
  };

  return (
    <form className="site" onSubmit={submit} aria-label={`Widget site ${site.name}`} data-testid="site-settings">
      <div className="site__header">
        <h3 className="card__subtitle">{site.name}</h3>
        <span className={site.disabled ? 'pill pill--stale' : 'pill pill--fresh'}>{site.disabled ? 'Disabled' : 'Live'}</span>
        <span className="muted small">
          Site key <code>{site.siteKey}</code>
        </span>
      </div>
      <div className="site__grid">
        <label className="field__label" htmlFor={ids.origins}>
          Allowed origins (one per line)
        </label>
        <textarea
          id={ids.origins}
          className="field__input field__textarea"
          rows={Math.min(8, Math.max(3, origins.split('\n').length + 1))}
          value={origins}
          onChange={(e) => setOrigins(e.currentTarget.value)}
          data-testid="site-origins"
        />
        <label className="field__label" htmlFor={ids.threshold}>
          Confidence threshold: {Math.round(threshold * 100)}%
        </label>
        <input
          id={ids.threshold}
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={threshold}
          onChange={(e) => setThreshold(Number(e.currentTarget.value))}
          data-testid="site-threshold"
        />
        <label className="field__label" htmlFor={ids.title}>
          Panel title
        </label>
        <input
          id={ids.title}
          className="field__input"
          maxLength={60}
          value={theme.title}
          onChange={(e) => setTheme({ ...theme, title: e.currentTarget.value })}
        />
        <label className="field__label" htmlFor={ids.accent}>
          Accent colour
        </label>
        <input
          id={ids.accent}
          className="field__color"
          type="color"
          value={theme.accentColor}
          onChange={(e) => setTheme({ ...theme, accentColor: e.currentTarget.value })}
        />
        <label className="field__label" htmlFor={ids.scheme}>
          Colour scheme
        </label>
        <select
          id={ids.scheme}
          className="field__input"
          value={theme.colorScheme}
          onChange={(e) => setTheme({ ...theme, colorScheme: e.currentTarget.value as SiteChange['theme']['colorScheme'] })}
        >
          <option value="auto">Follow the visitor</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
        <label className="field__label" htmlFor={ids.position}>
          Launcher position
        </label>
        <select
          id={ids.position}
          className="field__input"
          value={theme.position}
          onChange={(e) => setTheme({ ...theme, position: e.currentTarget.value as SiteChange['theme']['position'] })}
        >
          <option value="bottom-right">Bottom right</option>
          <option value="bottom-left">Bottom left</option>
        </select>
      </div>
      {update.isError ? <ErrorState message={errorText(update.error)} /> : null}
      <div className="site__actions">
        <button className="button button--primary button--small" type="submit" disabled={update.isPending} data-testid="site-save">
          {update.isPending ? 'Saving…' : 'Save site'}
        </button>
        {update.isSuccess ? (
          <span className="muted small" role="status" data-testid="site-saved">
            Saved
          </span>
        ) : null}
      </div>
    </form>
  );
}
