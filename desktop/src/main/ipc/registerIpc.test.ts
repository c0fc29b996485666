/**
 * The IPC layer refuses what the contract does not allow before any handler runs, and always
 * answers with an envelope whose error is Tandem's one error shape, keeping the error's code.
 */
import { tandemErrorSchema } from '@tandem/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { IpcHandlers } from '../../ipc/channels';
import { FakeIpcMain } from '../testing/fakeIpcMain';
import { DesktopIpcError } from './desktopError';
import { registerIpcHandlers } from './registerIpc';

const session = { serverUrl: 'http://127.0.0.1:8787', token: 'tdm_secret_token_value' };

let ipcMain: FakeIpcMain;
let handlers: { [C in keyof IpcHandlers]: ReturnType<typeof vi.fn<IpcHandlers[C]>> };
let unregister: () => void;

beforeEach(() => {
  ipcMain = new FakeIpcMain();
  handlers = {
    'session:load': vi.fn<IpcHandlers['session:load']>(async () => session),
    'session:save': vi.fn<IpcHandlers['session:save']>(async () => undefined),
    'session:clear': vi.fn<IpcHandlers['session:clear']>(async () => undefined),
  };
  unregister = registerIpcHandlers(ipcMain, handlers, (url) => url.startsWith('tandem://app/console/'));
});

describe('registerIpcHandlers', () => {
  it('registers every channel of the contract, and can remove them', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(['session:clear', 'session:load', 'session:save']);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('passes valid payloads to the handler and wraps the result', async () => {
    await expect(ipcMain.invoke('session:save', [session])).resolves.toEqual({ ok: true, value: undefined });
    expect(handlers['session:save']).toHaveBeenCalledWith(session);
    await expect(ipcMain.invoke('session:load', [])).resolves.toEqual({ ok: true, value: session });
  });

  it.each([
    ['no session', []],
    ['null', [null]],
    ['a string', ['http://127.0.0.1:8787']],
    ['a missing token', [{ serverUrl: session.serverUrl }]],
    ['an empty token', [{ ...session, token: '' }]],
    ['a huge token', [{ ...session, token: 'x'.repeat(5000) }]],
    ['a non-http URL', [{ ...session, serverUrl: 'file:///etc/passwd' }]],
    ['a javascript: URL', [{ ...session, serverUrl: 'javascript:alert(1)' }]],
    ['a token that is not a string', [{ ...session, token: 42 }]],
    ['an extra field', [{ ...session, isAdmin: true }]],
    ['an extra argument', [session, 'more']],
  ])('rejects session:save with %s', async (_name, args) => {
    const response = await ipcMain.invoke('session:save', args);
    expect(response).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'Invalid session:save payload' } });
    expect(handlers['session:save']).not.toHaveBeenCalled();
  });

  it('rejects arguments on channels that take none', async () => {
    await expect(ipcMain.invoke('session:load', ['unexpected'])).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    await expect(ipcMain.invoke('session:clear', [{}])).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(handlers['session:load']).not.toHaveBeenCalled();
    expect(handlers['session:clear']).not.toHaveBeenCalled();
  });

  it('never echoes the token in a validation error', async () => {
    const response = await ipcMain.invoke('session:save', [{ serverUrl: 'nope', token: session.token }]);
    expect(JSON.stringify(response)).not.toContain(session.token);
    const tooLong = `${session.token}${'x'.repeat(5000)}`;
    expect(JSON.stringify(await ipcMain.invoke('session:save', [{ ...session, token: tooLong }]))).not.toContain(session.token);
  });

  it('answers bad input in the shared error shape, with the zod issues by field', async () => {
    const response = await ipcMain.invoke('session:save', [{ serverUrl: 'file:///etc/passwd', token: session.token, isAdmin: true }]);
    const { error } = z.object({ ok: z.literal(false), error: tandemErrorSchema.strict() }).parse(response);
    expect(error.issues?.fieldErrors['0.serverUrl']).toEqual(['expected an http(s) URL']);
    expect(error.issues?.fieldErrors['0']?.join(' ')).toMatch(/isAdmin/);
  });

  it('never echoes the token in an unexpected error', async () => {
    handlers['session:save'].mockRejectedValueOnce(new Error(`could not write ${JSON.stringify(session)}`));
    const response = await ipcMain.invoke('session:save', [session]);
    expect(response).toMatchObject({ ok: false, error: { code: 'INTERNAL_SERVER_ERROR', message: expect.stringContaining('[redacted]') } });
    expect(JSON.stringify(response)).not.toContain(session.token);
  });

  it('answers only the app page', async () => {
    for (const sender of ['https://evil.example/', 'file:///tmp/page.html', null]) {
      await expect(ipcMain.invoke('session:load', [], sender)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(handlers['session:load']).not.toHaveBeenCalled();
  });

  it('keeps the code of a typed error and hides nothing else', async () => {
    handlers['session:save'].mockRejectedValueOnce(new DesktopIpcError('UPSTREAM_UNAVAILABLE', 'no keychain'));
    await expect(ipcMain.invoke('session:save', [session])).resolves.toEqual({
      ok: false,
      error: { code: 'UPSTREAM_UNAVAILABLE', message: 'no keychain' },
    });
    handlers['session:clear'].mockRejectedValueOnce(new Error('disk on fire'));
    await expect(ipcMain.invoke('session:clear', [])).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL_SERVER_ERROR', message: 'disk on fire' },
    });
  });
});
