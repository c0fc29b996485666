/**
 * zod schemas for every IPC channel's arguments. The renderer is treated as untrusted input: a
 * compromised page must not be able to store anything but a well-formed session. Typing the map
 * by the contract makes a missing channel or a schema that disagrees with it a compile error.
 */
import { z } from 'zod';
import type { IpcArgs, IpcChannel, StoredSession } from '../../ipc/channels';

export const storedSessionSchema = z.strictObject({
  serverUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).max(2048),
  token: z.string().min(1).max(4096),
}) satisfies z.ZodType<StoredSession>;

export const ipcArgSchemas: { [C in IpcChannel]: z.ZodType<IpcArgs<C>> } = {
  'session:load': z.tuple([]),
  'session:save': z.tuple([storedSessionSchema]),
  'session:clear': z.tuple([]),
};
