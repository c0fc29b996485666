/**
 * What the side panel says about its link to the Tandem server, as a pure mapping from a
 * `session.get` outcome, so every failure lands on exactly one state the agent can act on.
 */
import type { SessionInfo } from '@tandem/shared';
import { z } from 'zod';

export type ConnectionState =
  | { kind: 'connected'; session: SessionInfo }
  | { kind: 'not-configured' }
  | { kind: 'signed-out'; detail: string }
  | { kind: 'unreachable'; detail: string };

export type ConnectionKind = ConnectionState['kind'];

/** The exact words the panel shows (tests and the agent's muscle memory rely on them). */
export const CONNECTION_LABELS: Record<ConnectionKind, string> = {
  connected: 'Connected',
  'not-configured': 'Not configured',
  'signed-out': 'Signed out (token rejected)',
  unreachable: 'Server unreachable',
};

// The parts of a TRPCClientError we read, described structurally so a plain object works too.
const clientErrorSchema = z.object({
  message: z.string().optional(),
  data: z.object({ code: z.string().optional(), httpStatus: z.number().optional() }).nullish(),
  meta: z.object({ response: z.object({ status: z.number() }).optional() }).optional(),
  cause: z.object({ httpStatus: z.number().optional() }).optional(),
});

export function connectedState(session: SessionInfo): ConnectionState {
  return { kind: 'connected', session };
}

export function connectionStateFromError(error: unknown): ConnectionState {
  const parsed = clientErrorSchema.safeParse(error);
  if (!parsed.success) return { kind: 'unreachable', detail: 'The connection failed' };
  const { data, meta, cause, message } = parsed.data;
  // A response that is not tRPC's (a proxy's login page, say) has no data but still has a status.
  const status = data?.httpStatus ?? meta?.response?.status ?? cause?.httpStatus;
  if (data?.code === 'UNAUTHORIZED' || status === 401) {
    return { kind: 'signed-out', detail: 'The server rejected the API token; paste a valid one in the options' };
  }
  if (status === undefined) return { kind: 'unreachable', detail: message ?? 'No response from the server' };
  return { kind: 'unreachable', detail: `The server answered ${status}${data?.code === undefined ? '' : ` (${data.code})`}` };
}
