/**
 * Where an Insert stands: the lead's `onInsert` asks the tab's content script to fill the reply
 * composer and answers with the composer it used or why it could not.
 */

/** What whoever inserts answers: the composer it filled, or why it could not (the extension's `draft.insert` reply has this shape). */
export type InsertDraftReply = { ok: true; composer: string } | { ok: false; error: string };

export type InsertStatus =
  { kind: 'idle' } | { kind: 'inserting' } | { kind: 'inserted'; composer: string } | { kind: 'failed'; error: string };

/** Wired by the side panel to the tab's content script (`draft.insert`). */
export type InsertDraft = (text: string, draftId: string) => Promise<InsertDraftReply>;

export async function runInsert(onInsert: InsertDraft, text: string, draftId: string): Promise<InsertStatus> {
  try {
    const reply = await onInsert(text, draftId);
    return reply.ok ? { kind: 'inserted', composer: reply.composer } : { kind: 'failed', error: reply.error };
  } catch (error) {
    return { kind: 'failed', error: error instanceof Error && error.message !== '' ? error.message : 'The draft could not be inserted' };
  }
}
