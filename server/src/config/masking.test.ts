import { describe, expect, it } from 'vitest';
import { isSecretVariable, maskUrlCredentials, shownValue } from './masking.js';

describe('config masking', () => {
  it.each(['TANDEM_LLM_API_KEY', 'TANDEM_ADMIN_TOKEN', 'TANDEM_ACTION_WEBHOOK_SECRET', 'TANDEM_DB_PASSWORD'])(
    'hides %s entirely',
    (name) => {
      expect(isSecretVariable(name)).toBe(true);
      expect(shownValue(name, 'anything')).toBeUndefined();
    },
  );

  it('masks the userinfo of every URL in a value, and nothing else', () => {
    expect(maskUrlCredentials('postgres://tandem:s3cret@db:5432/tandem?sslmode=require')).toBe(
      'postgres://***@db:5432/tandem?sslmode=require',
    );
    expect(maskUrlCredentials('https://a.example,https://tok_123@b.example/x')).toBe('https://a.example,https://***@b.example/x');
    expect(maskUrlCredentials('https://b.example/path?email=a@b.example')).toBe('https://b.example/path?email=a@b.example');
    expect(shownValue('TANDEM_HOST', '0.0.0.0')).toBe('0.0.0.0');
  });
});
