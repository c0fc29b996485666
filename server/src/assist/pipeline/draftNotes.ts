/**
 * The notes a finished draft carries for the agent (`done.notes`): why the text differs from what
 * the model wrote (the output guard's removals and marks) and what the model did not see (a
 * message shortened for it). Counts only, never the removed text, so a note is safe to log.
 */
import type { GuardReport } from '../drafting/guard/outputGuard.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** One sentence on what the output guard changed, or undefined when it changed nothing. */
export function guardNote(report: GuardReport): string | undefined {
  const parts: string[] = [];
  if (report.claims > 0) parts.push(`marked ${plural(report.claims, 'claim')} that an action was done (nothing runs until you confirm it)`);
  if (report.links > 0) parts.push(`removed ${plural(report.links, 'link')} to a site that is not one of your sources or allowed domains`);
  if (report.html > 0) parts.push(`removed ${plural(report.html, 'HTML tag')}`);
  if (report.secrets > 0) parts.push(`removed ${plural(report.secrets, 'secret')} (API key or token)`);
  if (report.promptEcho > 0) parts.push(`removed ${plural(report.promptEcho, 'sentence')} repeating the assistant's instructions`);
  return parts.length === 0 ? undefined : `The output guard ${parts.join('; ')}. Review the draft before sending it.`;
}

/** Said when a message was cut for the model; the cut itself is marked in the prompt. */
export function shortenedNote(messages: number, maxChars: number): string | undefined {
  if (messages === 0) return undefined;
  const which = messages === 1 ? "The customer's message was" : `${messages} messages were`;
  return `${which} longer than ${maxChars.toLocaleString('en-US')} characters and shortened for drafting; the draft may miss what came after the cut.`;
}
