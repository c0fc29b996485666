/**
 * Plays one planned step of `tandem seed-activity` through the real APIs: a widget conversation
 * over the widget's HTTP API (the visitor) and the agent procedures (the person who replies,
 * hands back and closes), or an extension draft through `assist.start`/`assist.draft` and its
 * outcome through `assist.feedback`. Each action happens at the clock's instant, so with the
 * seeding clock the facts land on the planned day.
 */
import type { DraftEvent } from '@tandem/shared';
import { type PlannedConversation, type PlannedDraft } from './seedActivityPlan.js';
import type { SeedShop } from './seedActivityWebhooks.js';
import type { ServerClient } from './serverClient.js';
import { seededRandom } from '@tandem/shared';

export const SEED_ORIGIN = 'https://seed.tandem.invalid';
const ANSWER_TIMEOUT_MS = 60_000;

export interface Clock {
  set(at: number): void;
  advance(ms: number): void;
}

interface WidgetReply<T> {
  status: number;
  body: T;
}

/** The visitor's side: the same requests the widget bundle makes. */
export class SeedVisitor {
  constructor(
    private readonly baseUrl: string,
    private readonly siteKey: string,
  ) {}

  async request<T>(method: string, rest: string, token?: string, body?: unknown): Promise<WidgetReply<T>> {
    const response = await fetch(`${this.baseUrl}/widget/v1/sites/${this.siteKey}${rest}`, {
      method,
      headers: {
        origin: SEED_ORIGIN,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`widget ${method} ${rest}: ${response.status} ${text.slice(0, 200)}`);
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  async start(): Promise<{ token: string; conversationId: string }> {
    const session = await this.request<{ visitorToken: string }>('POST', '/sessions', undefined, {});
    const token = session.body.visitorToken;
    const opened = await this.request<{ conversation: { id: string } }>('POST', '/conversations', token);
    return { token, conversationId: opened.body.conversation.id };
  }

  /** How many answers and handoffs the conversation has so far. */
  async outcomes(token: string, conversationId: string): Promise<number> {
    const history = await this.request<{ events: { event: { type: string } }[] }>('GET', `/conversations/${conversationId}`, token);
    return history.body.events.filter((e) => e.event.type === 'answer' || e.event.type === 'handoff').length;
  }

  /** Sends a message and waits until the AI has answered it or handed it off. */
  async ask(token: string, conversationId: string, text: string, clientMessageId: string): Promise<void> {
    const before = await this.outcomes(token, conversationId);
    await this.request('POST', `/conversations/${conversationId}/messages`, token, { text, clientMessageId });
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    while ((await this.outcomes(token, conversationId)) <= before) {
      if (Date.now() > deadline) throw new Error(`no answer or handoff for conversation ${conversationId} within ${ANSWER_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Seconds to minutes between the steps of one conversation, varied per step but fixed by the plan. */
const pause = (rand: () => number, minSeconds: number, maxSeconds: number) =>
  Math.round((minSeconds + rand() * (maxSeconds - minSeconds)) * 1000);

export async function playConversation(
  step: PlannedConversation,
  parties: { visitor: SeedVisitor; api: ServerClient; shop: SeedShop },
  clock: Clock,
): Promise<void> {
  const { visitor, api, shop } = parties;
  const rand = seededRandom(step.at);
  // Most visitors have ordered a little earlier: the shop tells Tandem through its webhook.
  clock.set(step.at - pause(rand, 600, 7200));
  if (rand() < 0.7) await shop.postOrder(`seed-customer-${step.at}`, step.at % 1_000_000, Math.round(20 + rand() * 280));
  clock.set(step.at);
  const { token, conversationId } = await visitor.start();
  let n = 0;
  const ask = (text: string) => visitor.ask(token, conversationId, text, `seed-${step.at}-${(n += 1)}`);
  clock.advance(pause(rand, 5, 40));
  await ask(step.question);
  if (step.followUp !== null) {
    clock.advance(pause(rand, 20, 90));
    await ask(step.followUp);
  }
  if (step.kind === 'asks-for-person') {
    clock.advance(pause(rand, 20, 60));
    await visitor.request('POST', `/conversations/${conversationId}/handoff`, token);
  }
  if (step.kind !== 'answered') {
    clock.advance(pause(rand, 60, 900));
    await api.widget.conversations.reply.mutate({ conversationId, text: step.personReply });
    if (step.handBackQuestion !== null) {
      clock.advance(pause(rand, 30, 120));
      await api.widget.conversations.handBack.mutate({ conversationId });
      clock.advance(pause(rand, 10, 60));
      await ask(step.handBackQuestion);
    }
  }
  if (!step.close) return;
  clock.advance(pause(rand, 60, 300));
  await api.widget.conversations.close.mutate({ conversationId });
  if (step.rating === null) return;
  clock.advance(pause(rand, 5, 40));
  await visitor.request('POST', `/conversations/${conversationId}/rating`, token, {
    score: step.rating.score,
    ...(step.rating.comment === null ? {} : { comment: step.rating.comment }),
  });
}

export async function playDraft(step: PlannedDraft, api: ServerClient, clock: Clock): Promise<void> {
  clock.set(step.at);
  const { draftId } = await api.assist.start.mutate({
    ticket: {
      site: 'generic',
      ticketId: step.ticketId,
      subject: step.subject,
      requester: {},
      messages: [{ authorRole: 'customer', body: step.body }],
    },
  });
  await new Promise<void>((resolve, reject) => {
    const sub = api.assist.draft.subscribe(
      { draftId },
      {
        onData: ({ data }: { data: DraftEvent }) => {
          if (data.type !== 'done' && data.type !== 'error') return;
          sub.unsubscribe();
          if (data.type === 'done') resolve();
          else reject(new Error(`draft ${draftId} failed`));
        },
        onError: reject,
      },
    );
  });
  // The agent reads the draft, then sends it, edits it or throws it away.
  clock.advance(pause(seededRandom(step.at), 30, 240));
  await api.assist.feedback.mutate({
    draftId,
    outcome: step.outcome,
    ...(step.keptRatio === null ? {} : { keptRatio: step.keptRatio }),
  });
}
