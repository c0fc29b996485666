import { describe, expect, it } from 'vitest';
import { startBanner } from './startBanner.js';

const config = { demoStore: true, dataDir: '/srv/tandem/.data', adminToken: undefined };

describe('startBanner', () => {
  it('says where everything is, with the token Tandem made so the user can sign in', () => {
    const text = startBanner({ version: '1.2.3', address: 'http://[::1]:8787', config, adminToken: 'tdm_made_on_first_start' });
    expect(text).toContain('Tandem 1.2.3   http://localhost:8787');
    expect(text).toContain('Demo store     http://localhost:8787/demo-store/api');
    expect(text).toContain('Demo shop      http://localhost:8787/demo  (a storefront with the website widget on it');
    expect(text).toContain('Data dir       /srv/tandem/.data');
    expect(text).toContain('Admin token    tdm_made_on_first_start');
  });

  it('never prints a token the operator configured', () => {
    const configured = 'tdm_configured_by_operator_0123456789';
    const text = startBanner({
      version: '1',
      address: 'http://127.0.0.1:8787',
      config: { ...config, adminToken: configured },
      adminToken: configured,
    });
    expect(text).not.toContain(configured);
    expect(text).toContain('Admin token    (the one in TANDEM_ADMIN_TOKEN)');
  });

  it('leaves out the demo store when it is off', () => {
    expect(
      startBanner({ version: '1', address: 'http://127.0.0.1:1', config: { ...config, demoStore: false }, adminToken: undefined }),
    ).not.toMatch(/Demo store|Demo shop|\/demo/);
  });
});
