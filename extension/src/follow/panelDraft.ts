/**
 * The side panel's draft, handed to the background for follow mode through session storage (the
 * background may be asleep when the panel writes; storage wakes it). While a draft streams it is
 * written at most every 300 ms; a change of state (started, done, failed) is written at once.
 */
import { presenceDraftSchema, PRESENCE_DRAFT_CHARS, type PresenceDraft } from '@tandem/shared';
import { z } from 'zod';

export const PANEL_DRAFT_KEY = 'panelDraft';
const STREAM_WRITE_MS = 300;

const storedDraftSchema = z.object({ ticketId: z.string(), draft: presenceDraftSchema });
export type StoredPanelDraft = z.infer<typeof storedDraftSchema>;

function area(): chrome.storage.StorageArea {
  return (chrome.storage.session as chrome.storage.StorageArea | undefined) ?? chrome.storage.local;
}

/** A writer for one panel: the newest state wins, streaming text is throttled. */
export function panelDraftWriter(write: (value: StoredPanelDraft) => Promise<void> = (value) => area().set({ [PANEL_DRAFT_KEY]: value })) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: StoredPanelDraft | undefined;
  let lastStatus: string | undefined;
  const flush = () => {
    timer = undefined;
    if (latest !== undefined) void write(latest).catch(() => undefined);
  };
  return (ticketId: string, draft: PresenceDraft) => {
    latest = { ticketId, draft: { status: draft.status, text: draft.text.slice(0, PRESENCE_DRAFT_CHARS) } };
    const key = `${ticketId}\u0000${draft.status}`;
    if (key !== lastStatus) {
      lastStatus = key;
      clearTimeout(timer);
      flush();
    } else timer ??= setTimeout(flush, STREAM_WRITE_MS);
  };
}

export function watchPanelDraft(onChange: (value: StoredPanelDraft) => void): () => void {
  const listener = (changes: Record<string, chrome.storage.StorageChange>) => {
    const parsed = storedDraftSchema.safeParse(changes[PANEL_DRAFT_KEY]?.newValue);
    if (parsed.success) onChange(parsed.data);
  };
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}
