/** What crosses between the reading benchmark in Node and its page in Chromium: plain JSON only. */
import type { ThreadExpectation, ThreadSite } from './threadPages.js';

export const READING_API = 'tandemReadingBench';

export interface ReadingRunInput {
  site: ThreadSite;
  url: string;
  warmup: number;
  iterations: number;
  /** The reading the page was built to give; the first read is checked against it. */
  expected: ThreadExpectation;
}

export interface ReadingRun {
  /** Milliseconds per read. */
  times: number[];
  /** What the first read gave: how many messages, or why it refused. */
  outcome: string;
  /** The roles the first read gave, counted. */
  roles: string;
  /** Where the first read differs from the expected reading (threadCheck.ts); empty when right. */
  problems: string[];
}
