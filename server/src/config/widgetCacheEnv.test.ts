// The widget semantic cache's settings: on by default with the threshold chosen on the paraphrase
// set's train + dev splits, switched off or tuned by environment, a bad value refused by name.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe('widget cache settings', () => {
  it('defaults to on, 0.8 and 1,000 entries per workspace', () => {
    expect(loadConfig({}).widget.cache).toEqual({ enabled: true, similarity: 0.8, maxEntriesPerWorkspace: 1000 });
  });

  it('reads the switch, the similarity and the cap', () => {
    const config = loadConfig({ TANDEM_WIDGET_CACHE: 'false', TANDEM_WIDGET_CACHE_SIMILARITY: '0.9', TANDEM_WIDGET_CACHE_ENTRIES: '50' });
    expect(config.widget.cache).toEqual({ enabled: false, similarity: 0.9, maxEntriesPerWorkspace: 50 });
  });

  it('refuses a similarity outside 0-1, a fractional cap and an unknown switch value', () => {
    expect(() => loadConfig({ TANDEM_WIDGET_CACHE_SIMILARITY: '1.5' })).toThrow(ConfigError);
    expect(() => loadConfig({ TANDEM_WIDGET_CACHE_ENTRIES: '2.5' })).toThrow(/TANDEM_WIDGET_CACHE_ENTRIES/);
    expect(() => loadConfig({ TANDEM_WIDGET_CACHE: 'yes' })).toThrow(/TANDEM_WIDGET_CACHE: expected 'true' or 'false'/);
  });
});
