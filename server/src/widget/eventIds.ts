/**
 * Event ids of the visitor's stream: `<conversation>.<seq>` for a stored message (an event that
 * lasts), `<conversation>.<seq>.<n>` for the n-th passing event (typing, tokens) of an answer
 * written after message `seq`. Conversation ids hold no dot. Clients treat them as opaque and
 * send the last one back to resume.
 */
export interface EventCursor {
  conversationId: string;
  seq: number;
  /** Set for a passing event: how many of the answer in progress were seen (its index). */
  index?: number | undefined;
}

export function lastingEventId(conversationId: string, seq: number): string {
  return `${conversationId}.${seq}`;
}

export function passingEventId(conversationId: string, baseSeq: number, index: number): string {
  return `${conversationId}.${baseSeq}.${index}`;
}

/** The cursor in an id; undefined for anything that is not one. */
export function parseEventId(id: string | undefined): EventCursor | undefined {
  const match = /^([A-Za-z0-9_-]{1,100})\.(\d{1,9})(?:\.(\d{1,9}))?$/.exec(id ?? '');
  if (match === null) return undefined;
  const [, conversationId = '', seq = '0', index] = match;
  return { conversationId, seq: Number(seq), ...(index === undefined ? {} : { index: Number(index) }) };
}
