/**
 * `normaliseUntrusted` over every string of a JSON value (object keys included): for structured
 * input from outside, such as live webhook events, whose strings reach the panel, the trigger
 * rules and the drafts' live facts. Values that are not strings are kept as they are.
 */
import { normaliseUntrusted } from './untrustedText.js';

export function normaliseUntrustedStrings<T>(value: T): T {
  return normalise(value) as T;
}

function normalise(value: unknown): unknown {
  if (typeof value === 'string') return normaliseUntrusted(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [normaliseUntrusted(key), normalise(item)]));
  }
  return value;
}
