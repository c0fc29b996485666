/**
 * Answering a visitor's message in the background, while the request that sent it has already
 * returned: the newest answer run of the conversation (a newer message interrupts the one in
 * progress), its passing events on the hub, then one stored outcome — the answer, or the handoff
 * and a retraction of any text already shown. Stored only while the AI still has the
 * conversation: a person who took over in the meantime wins, and the AI says nothing more.
 */
import type { AssistDeps, LiveStateSource } from '../assist/index.js';
import type { Logger } from '../logging/logger.js';
import type { StoredWidgetConversation, WidgetConversationsRepo } from '../storage/widget/widgetConversationsRepo.js';
import type { AnswerCache, CachedAnswer } from './answerCache.js';
import { answerAutonomously, type AutonomousOutcome } from './autonomousAnswer.js';
import type { AnswerRun, ConversationHub } from './conversationHub.js';
import { visitorOf, type ConversationLog } from './conversationLog.js';
import { handOff, type Notify } from './handoffs.js';
import { conversationTicket, latestVisitorText, TICKET_MESSAGES } from './widgetTicket.js';

export interface AnswerRunDeps {
  repo: WidgetConversationsRepo;
  log: ConversationLog;
  hub: ConversationHub;
  assist: AssistDeps;
  /** The live state a conversation's answers may read: the verified customer's, or none. */
  liveFor(conversation: StoredWidgetConversation): LiveStateSource;
  cache: AnswerCache;
  notify: Notify;
  logger: Logger;
}

/** Stored messages read back for one answer: the ticket's messages plus the notices between them. */
const MESSAGES_READ = TICKET_MESSAGES * 2;

export function answerRuns(deps: AnswerRunDeps) {
  const { hub, log } = deps;

  async function commitAnswer(
    run: AnswerRun,
    conversation: StoredWidgetConversation,
    answer: CachedAnswer,
    analysis: AutonomousOutcome['analysis'],
  ): Promise<boolean> {
    if (run.controller.signal.aborted) return false;
    const result = await log.append({
      tenantId: conversation.tenantId,
      conversationId: conversation.id,
      message: { author: 'ai', kind: 'answer', text: answer.text, citations: answer.citations, confidence: answer.confidence },
      when: ['ai'],
      ...(analysis === undefined ? {} : { change: { analysis } }),
    });
    return result?.kind === 'appended';
  }

  async function answer(
    run: AnswerRun,
    conversation: StoredWidgetConversation,
    threshold: number,
    requestId: string | undefined,
  ): Promise<void> {
    const { tenantId } = conversation;
    const messages = await deps.repo.messagesAfter(tenantId, conversation.id, Math.max(0, run.baseSeq - MESSAGES_READ), MESSAGES_READ);
    const question = latestVisitorText(messages);
    const personal = conversation.visitorUserId !== null;
    const lookup = {
      tenantId,
      siteId: conversation.siteId,
      question,
      earlierQuestions: messages.filter((m) => m.author === 'visitor').length - 1,
      visitorKey: conversation.visitorId,
    };
    if (!personal) {
      const cached = await deps.cache.lookup(lookup).catch((error: unknown) => {
        deps.logger.warn({ err: error }, 'answer cache lookup failed');
        return undefined;
      });
      if (cached !== undefined) {
        await commitAnswer(run, conversation, cached, undefined);
        return;
      }
    }
    const events = answerAutonomously(deps.assist, {
      tenantId,
      ticket: conversationTicket(conversation, messages),
      threshold,
      live: deps.liveFor(conversation),
      stopAtHandoff: true,
      requestId,
      signal: run.controller.signal,
    });
    let outcome: AutonomousOutcome | undefined;
    for (;;) {
      const step = await events.next();
      if (step.done === true) {
        outcome = step.value;
        break;
      }
      const p = step.value;
      if (p.type === 'typing') hub.pass(run, { type: 'typing', conversationId: conversation.id });
      else if (p.type === 'token') hub.pass(run, { type: 'token', conversationId: conversation.id, text: p.text });
      else hub.pass(run, { type: 'retract', conversationId: conversation.id, reason: 'restart' });
    }
    if (outcome === undefined || run.controller.signal.aborted) return;
    const { answer: written, handoff, analysis, pendingAction } = outcome;
    if (written !== undefined && !outcome.withheld) {
      const language = analysis?.language ?? 'und';
      const stored = await commitAnswer(run, conversation, { ...written, language }, analysis);
      if (!stored) return;
      if (!personal && !outcome.personalised && written.confidence >= threshold)
        await deps.cache.fill({ ...lookup, answer: { ...written, language } }).catch((error: unknown) => {
          deps.logger.warn({ err: error }, 'answer cache fill failed');
        });
    } else if (run.tokens > 0) hub.pass(run, { type: 'retract', conversationId: conversation.id, reason: 'withheld' });
    if (handoff !== undefined && !run.controller.signal.aborted)
      await handOff(log, deps.notify, conversation, handoff, { analysis, pendingAction });
  }

  return {
    /**
     * Starts answering the conversation's newest message (after message `conversation.lastSeq`);
     * returns at once. Failures end as a handoff: a visitor is never left without a reply.
     */
    start(conversation: StoredWidgetConversation, threshold: number, requestId?: string): void {
      const run = hub.startRun(conversation.id, conversation.lastSeq, visitorOf(conversation));
      void answer(run, conversation, threshold, requestId)
        .catch(async (error: unknown) => {
          deps.logger.error({ err: error, conversationId: conversation.id }, 'widget answer failed');
          if (run.controller.signal.aborted) return;
          if (run.tokens > 0) hub.pass(run, { type: 'retract', conversationId: conversation.id, reason: 'withheld' });
          await handOff(log, deps.notify, conversation, 'unavailable').catch((e: unknown) =>
            deps.logger.error({ err: e }, 'handoff failed'),
          );
        })
        .finally(() => hub.endRun(run));
    },
  };
}
export type AnswerRuns = ReturnType<typeof answerRuns>;
