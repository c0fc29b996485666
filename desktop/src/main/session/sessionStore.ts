/**
 * Remembers the signed-in session between launches. The whole record is encrypted with the OS
 * keychain through Electron's safeStorage and written atomically, readable only by the user.
 * If the OS cannot encrypt, the token is not written at all: the user signs in again next time.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import type { StoredSession } from '../../ipc/channels';
import { DesktopIpcError } from '../ipc/desktopError';
import { storedSessionSchema } from '../ipc/schemas';

export type Encryption = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export interface SessionStore {
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  clear(): Promise<void>;
}

export function createSessionStore(encryption: Encryption, filePath: string, platform: NodeJS.Platform = process.platform): SessionStore {
  function assertEncryption(): void {
    if (!encryption.isEncryptionAvailable()) {
      throw new DesktopIpcError(
        'UPSTREAM_UNAVAILABLE',
        'This system offers no encryption for saved credentials, so the token is not stored',
      );
    }
    // On Linux without a keyring, safeStorage "encrypts" with a hard-coded key: that is plain text in disguise.
    if (platform === 'linux' && encryption.getSelectedStorageBackend() === 'basic_text') {
      throw new DesktopIpcError('UPSTREAM_UNAVAILABLE', 'No system keyring is available to encrypt the token, so it is not stored');
    }
  }

  return {
    async load() {
      let encrypted: Buffer;
      try {
        encrypted = await readFile(filePath);
      } catch (err) {
        if (isMissingFile(err)) return null;
        throw new DesktopIpcError('INTERNAL_SERVER_ERROR', 'The saved session could not be read');
      }
      assertEncryption();
      let session: StoredSession | undefined;
      try {
        const parsed = storedSessionSchema.safeParse(JSON.parse(encryption.decryptString(encrypted)));
        session = parsed.success ? parsed.data : undefined;
      } catch {
        session = undefined;
      }
      // A file this app cannot decrypt (a changed keychain, a damaged file) never will be: forget it.
      if (session === undefined) await rm(filePath, { force: true });
      return session ?? null;
    },

    async save(session) {
      assertEncryption();
      const encrypted = encryption.encryptString(JSON.stringify({ serverUrl: session.serverUrl, token: session.token }));
      const temp = `${filePath}.${process.pid}.tmp`;
      try {
        await mkdir(path.dirname(filePath), { recursive: true });
        await writeFile(temp, encrypted, { mode: 0o600 });
        await rename(temp, filePath);
      } catch {
        await rm(temp, { force: true });
        throw new DesktopIpcError('INTERNAL_SERVER_ERROR', 'The session could not be saved');
      }
    },

    async clear() {
      try {
        await rm(filePath, { force: true });
      } catch {
        throw new DesktopIpcError('INTERNAL_SERVER_ERROR', 'The saved session could not be removed');
      }
    },
  };
}

function isMissingFile(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'ENOENT';
}
