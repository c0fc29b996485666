/**
 * The widget's own secret key, one per data directory (`<data dir>/widget-key`, mode 0600,
 * created on first start like the admin token), and what is derived from it: the key that
 * seals each site's identity secret before it is stored (AES-256-GCM, so a copy of the database
 * alone reveals no secret) and the key visitor session tokens are signed with. Kept out of the
 * database on purpose: whoever reads the rows still cannot forge a visitor or an identity.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const KEY_FILE = 'widget-key';
const SEALED_PREFIX = 'v1';

export interface WidgetKeys {
  /** The identity secret, encrypted and authenticated, as stored. */
  seal(secret: string): string;
  /** The secret back; throws when the sealed text was changed or sealed under another key. */
  open(sealed: string): string;
  /** Signs and checks visitor session tokens. */
  readonly tokenKey: Buffer;
}

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `tandem widget ${purpose}`, 32));
}

export function widgetKeysFrom(master: Buffer): WidgetKeys {
  if (master.length < 32) throw new Error('the widget key must be at least 32 bytes');
  const sealKey = derive(master, 'identity secrets');
  return {
    tokenKey: derive(master, 'visitor tokens'),
    seal(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return [SEALED_PREFIX, iv, body, cipher.getAuthTag()]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [prefix, iv, body, tag] = sealed.split('.');
      if (prefix !== SEALED_PREFIX || iv === undefined || body === undefined || tag === undefined)
        throw new Error('not a sealed widget secret');
      const decipher = createDecipheriv('aes-256-gcm', sealKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** Reads the data directory's widget key, creating it on first start (two processes racing read the one written first). */
export async function loadWidgetKeys(dataDir: string): Promise<WidgetKeys> {
  const file = path.join(dataDir, KEY_FILE);
  const read = async () => Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
  try {
    return widgetKeysFrom(await read());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    await writeFile(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return widgetKeysFrom(await read());
}
