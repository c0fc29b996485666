/**
 * What screen readers hear: a visually hidden polite live region that only ever gains new
 * paragraphs (a region whose text changes would be read again from its start). A streamed answer
 * is announced a sentence at a time as each one completes, and when the whole answer arrives only
 * what was not yet read is added; a reply from a person or a notice is announced whole, once.
 */
const KEEP = 4;

/** The end of the last complete sentence in `text` (punctuation followed by a space or a line break), or 0. */
export function completedUpTo(text: string): number {
  let end = 0;
  const boundary = /[.!?…。！？:;](?=\s)|\n/g;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) end = m.index + m[0].length;
  return end;
}

export class LiveAnnouncer {
  /** The part of the answer being written that was already announced. */
  private spoken = '';

  constructor(private readonly region: HTMLElement) {}

  say(text: string): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    const p = this.region.ownerDocument.createElement('p');
    p.textContent = trimmed;
    this.region.appendChild(p);
    // Old paragraphs were read already; removing them is not announced.
    while (this.region.childElementCount > KEEP) this.region.firstElementChild?.remove();
  }

  /** The answer so far: announce the sentences it completed since the last call. */
  progress(draft: string): void {
    if (!draft.startsWith(this.spoken)) this.spoken = '';
    const end = completedUpTo(draft);
    if (end <= this.spoken.length) return;
    this.say(draft.slice(this.spoken.length, end));
    this.spoken = draft.slice(0, end);
  }

  /** The whole answer arrived: announce what the stream had not. */
  finish(text: string): void {
    this.say(text.startsWith(this.spoken) ? text.slice(this.spoken.length) : text);
    this.spoken = '';
  }

  /** The answer being written was withdrawn. */
  cancel(): void {
    this.spoken = '';
  }
}
