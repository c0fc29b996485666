/** What crosses between the reading benchmark in Node and its page in Chromium: plain JSON only. */
export const READING_API = 'tandemReadingBench';

export interface ReadingRunInput {
  site: 'gmail' | 'zendesk' | 'salesforce';
  url: string;
  warmup: number;
  iterations: number;
}

export interface ReadingRun {
  /** Milliseconds per read. */
  times: number[];
  /** What the first read gave: how many messages, or why it refused. */
  outcome: string;
}
