/**
 * A HelpdeskBridge for the renderer's tests, standing in for Electron's IPC (which cannot run
 * here): answers the test can change, every call recorded, and main's events pushed on demand.
 */
import { act } from 'react';
import { vi } from 'vitest';
import type { TandemErrorCode } from '@tandem/shared';
import type { IpcResponse } from '../../../ipc/channels';
import type {
  HelpdeskBridge,
  HelpdeskDraftOutcomeEvent,
  HelpdeskInsertRequest,
  HelpdeskLayout,
  HelpdeskOpenRequest,
  HelpdeskTabsState,
  HelpdeskTabSummary,
} from '../../../ipc/helpdeskChannels';

export const ok = <T>(value: T): IpcResponse<T> => ({ ok: true, value });
export const fail = (code: TandemErrorCode, message: string): IpcResponse<never> => ({ ok: false, error: { code, message } });

/** A HelpdeskBridge whose answers the test sets, recording every call and able to push main's events. */
export function fakeBridge(initial: HelpdeskTabsState) {
  const stateListeners = new Set<(state: HelpdeskTabsState) => void>();
  const outcomeListeners = new Set<(event: HelpdeskDraftOutcomeEvent) => void>();
  let state = initial;
  const emit = (next: HelpdeskTabsState) => {
    state = next;
    act(() => {
      for (const listener of stateListeners) listener(next);
    });
  };
  const calls = {
    open: vi.fn(async (request: HelpdeskOpenRequest): Promise<IpcResponse<HelpdeskTabSummary>> => {
      return ok({
        tabId: 'new',
        site: request.site ?? 'zendesk',
        label: 'Zendesk',
        host: new URL(request.url).host,
        title: '',
        ticket: { kind: 'none' },
      });
    }),
    activate: vi.fn(async (tabId: string | null): Promise<IpcResponse<void>> => {
      state = { ...state, activeTabId: tabId };
      return ok(undefined);
    }),
    close: vi.fn(async (tabId: string): Promise<IpcResponse<void>> => {
      void tabId;
      return ok(undefined);
    }),
    insert: vi.fn(async (_request: HelpdeskInsertRequest): Promise<IpcResponse<{ composer: string }>> => {
      return ok({ composer: 'Zendesk reply box' });
    }),
    setLayout: vi.fn(async (layout: HelpdeskLayout): Promise<IpcResponse<void>> => {
      void layout;
      return ok(undefined);
    }),
  };
  const bridge: HelpdeskBridge = {
    list: async () => ok(state),
    ...calls,
    onState: (listener) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onDraftOutcome: (listener) => {
      outcomeListeners.add(listener);
      return () => outcomeListeners.delete(listener);
    },
  };
  return {
    bridge,
    calls,
    emit,
    outcome: (event: HelpdeskDraftOutcomeEvent) =>
      act(() => {
        for (const listener of outcomeListeners) listener(event);
      }),
  };
}

export type FakeBridge = ReturnType<typeof fakeBridge>;
