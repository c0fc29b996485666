/**
 * One displayable error for whatever a server call threw: the server's typed error
 * (`error.data.tandem`) when it sent one, else the transport's message, else a generic one, so
 * the panel always has a code and a sentence to show.
 */
import { tandemErrorSchema, type TandemError } from '@tandem/shared';
import { z } from 'zod';

export type PanelError = Pick<TandemError, 'message' | 'requestId'> & {
  /** The server's code, or `NETWORK` when no Tandem answer arrived at all. */
  code: TandemError['code'] | 'NETWORK';
};

// Read structurally, so a TRPCClientError and a plain object (tests, other links) both work.
const withTandemData = z.object({ data: z.object({ tandem: tandemErrorSchema }) });
const withMessage = z.object({ message: z.string().min(1) });

export function panelErrorFrom(error: unknown): PanelError {
  const typed = withTandemData.safeParse(error);
  if (typed.success) {
    const { code, message, requestId } = typed.data.data.tandem;
    return requestId === undefined ? { code, message } : { code, message, requestId };
  }
  const plain = withMessage.safeParse(error);
  return { code: 'NETWORK', message: plain.success ? plain.data.message : 'The request failed' };
}

export function describePanelError(error: PanelError): string {
  return `${error.message} (${error.code}${error.requestId === undefined ? '' : `, request ${error.requestId}`})`;
}
