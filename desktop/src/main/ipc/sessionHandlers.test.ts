/**
 * The session channels end to end inside main, with Electron replaced: a saved session round-trips
 * through the encrypted file in userData, and nothing is written when encryption is unavailable.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeIpcMain } from '../testing/fakeIpcMain';

const fake = vi.hoisted(() => ({
  userData: '',
  ipcMain: undefined as unknown,
  encryptionAvailable: true,
  backend: 'gnome_libsecret' as string,
}));

// A reversible stand-in for the OS keychain: good enough to prove the file never holds plain text.
const PREFIX = 'enc:';
vi.mock('electron', () => ({
  app: { getPath: (name: string) => (name === 'userData' ? fake.userData : '/nowhere') },
  ipcMain: {
    handle: (...args: Parameters<FakeIpcMain['handle']>) => (fake.ipcMain as FakeIpcMain).handle(...args),
    removeHandler: (channel: string) => (fake.ipcMain as FakeIpcMain).removeHandler(channel),
  },
  safeStorage: {
    isEncryptionAvailable: () => fake.encryptionAvailable,
    getSelectedStorageBackend: () => fake.backend,
    encryptString: (plain: string) => Buffer.from(PREFIX + Buffer.from(plain, 'utf8').toString('base64')),
    decryptString: (encrypted: Buffer) => {
      const text = encrypted.toString('utf8');
      if (!text.startsWith(PREFIX)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(PREFIX.length), 'base64').toString('utf8');
    },
  },
}));

const { registerSessionIpc, SESSION_FILE_NAME } = await import('./sessionHandlers');

const session = { serverUrl: 'https://tandem.example.com', token: 'tdm_4f2c9a_very_secret' };
let ipcMain: FakeIpcMain;
let unregister: () => void;
let sessionFile: string;

beforeEach(async () => {
  fake.userData = await mkdtemp(path.join(tmpdir(), 'tandem-userdata-'));
  fake.encryptionAvailable = true;
  fake.backend = 'gnome_libsecret';
  ipcMain = new FakeIpcMain();
  fake.ipcMain = ipcMain;
  unregister = registerSessionIpc((url) => url.startsWith('tandem://app/console/'));
  sessionFile = path.join(fake.userData, SESSION_FILE_NAME);
});

afterEach(async () => {
  unregister();
  await rm(fake.userData, { recursive: true, force: true });
});

describe('session IPC', () => {
  it('loads nothing before anything was saved', async () => {
    await expect(ipcMain.invoke('session:load', [])).resolves.toEqual({ ok: true, value: null });
  });

  it('round-trips a saved session through the encrypted file', async () => {
    await expect(ipcMain.invoke('session:save', [session])).resolves.toEqual({ ok: true, value: undefined });

    const onDisk = await readFile(sessionFile, 'utf8');
    expect(onDisk.startsWith(PREFIX)).toBe(true);
    expect(onDisk).not.toContain(session.token);
    if (process.platform !== 'win32') expect((await stat(sessionFile)).mode & 0o777).toBe(0o600);

    await expect(ipcMain.invoke('session:load', [])).resolves.toEqual({ ok: true, value: session });
  });

  it('forgets the session on clear', async () => {
    await ipcMain.invoke('session:save', [session]);
    await expect(ipcMain.invoke('session:clear', [])).resolves.toEqual({ ok: true, value: undefined });
    await expect(stat(sessionFile)).rejects.toThrow();
    await expect(ipcMain.invoke('session:load', [])).resolves.toEqual({ ok: true, value: null });
    // Clearing twice is fine.
    await expect(ipcMain.invoke('session:clear', [])).resolves.toEqual({ ok: true, value: undefined });
  });

  it('refuses to store the token when encryption is unavailable', async () => {
    fake.encryptionAvailable = false;
    const response = await ipcMain.invoke('session:save', [session]);
    expect(response).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } });
    await expect(stat(sessionFile)).rejects.toThrow();
  });

  it('treats the Linux plain-text fallback as no encryption at all', async () => {
    fake.backend = 'basic_text';
    const response = await ipcMain.invoke('session:save', [session]);
    if (process.platform === 'linux') {
      expect(response).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } });
      await expect(stat(sessionFile)).rejects.toThrow();
    } else {
      expect(response).toEqual({ ok: true, value: undefined });
    }
  });

  it('reports a saved session it cannot decrypt now as unavailable, without deleting it', async () => {
    await ipcMain.invoke('session:save', [session]);
    fake.encryptionAvailable = false;
    await expect(ipcMain.invoke('session:load', [])).resolves.toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } });
    fake.encryptionAvailable = true;
    await expect(ipcMain.invoke('session:load', [])).resolves.toEqual({ ok: true, value: session });
  });

  it('drops a session file that no longer decrypts or validates', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(sessionFile, 'garbage that was never encrypted');
    await expect(ipcMain.invoke('session:load', [])).resolves.toEqual({ ok: true, value: null });
    await expect(stat(sessionFile)).rejects.toThrow();

    await writeFile(sessionFile, PREFIX + Buffer.from(JSON.stringify({ serverUrl: 'ftp://x', token: '' })).toString('base64'));
    await expect(ipcMain.invoke('session:load', [])).resolves.toEqual({ ok: true, value: null });
  });

  it('rejects an invalid payload before touching the disk', async () => {
    const response = await ipcMain.invoke('session:save', [{ serverUrl: 'file:///etc/passwd', token: 'x' }]);
    expect(response).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    await expect(stat(sessionFile)).rejects.toThrow();
  });
});
