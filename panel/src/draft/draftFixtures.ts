/**
 * Draft events and tickets for the panel's tests: one realistic stream (analysis, sources, live
 * facts, tokens, actions, done) built from the shared schemas, with hostile text where a test asks.
 */
import type { ActionSuggestion, CitedSource, CustomerLiveState, DraftEvent, TicketAnalysis, TicketContext } from '@tandem/shared';

export const ANALYSIS: TicketAnalysis = {
  intent: { label: 'refund_status', confidence: 0.82 },
  sentiment: 'negative',
  frustration: 0.6,
  urgency: 'high',
  language: 'en',
};

export function citedSource(n: number, over: Partial<CitedSource> = {}): CitedSource {
  return {
    n,
    chunkId: `ch_${n}`,
    documentId: `doc_${n}`,
    title: `Article ${n}`,
    url: `https://help.example.com/articles/${n}`,
    sectionPath: [],
    text: `Snippet of article ${n}.`,
    score: 1 / n,
    highlights: [],
    ...over,
  };
}

export const LIVE: CustomerLiveState = {
  customer: { email: 'ana@example.com', name: 'Ana Pérez' },
  orders: [
    {
      id: '1042',
      status: 'shipped',
      total: 59.9,
      currency: 'EUR',
      placedAt: '2026-11-28T10:00:00Z',
      items: [{ sku: 'KET-1', name: 'Kettle', quantity: 1 }],
    },
  ],
  payment: { status: 'failed', lastEventAt: '2026-12-01T10:00:00Z', detail: 'card declined' },
  cart: { items: [{ sku: 'MUG-2', name: 'Mug', quantity: 2 }], updatedAt: '2026-12-01T11:00:00Z' },
  recentPages: [],
  openTickets: [],
};

export function suggestion(over: Partial<ActionSuggestion> = {}): ActionSuggestion {
  return {
    id: 'sg_1',
    action: 'store.refundOrder',
    title: 'Refund an order',
    risk: 'write',
    allowedRoles: ['agent', 'lead', 'admin'],
    arguments: { orderId: '#1042', amount: 25 },
    rationale: 'The customer asks for a refund of order #1042',
    ...over,
  };
}

export const DONE: Extract<DraftEvent, { type: 'done' }> = {
  type: 'done',
  confidence: 0.72,
  needsReview: false,
  citations: [1],
  drafter: 'embedded',
};

/** A whole draft, in the order the server sends it. */
export function draftStream(text = 'Hi Ana, refunds arrive within 5 days [1].'): DraftEvent[] {
  return [
    { type: 'analysis', analysis: ANALYSIS },
    { type: 'sources', sources: [citedSource(1), citedSource(2)] },
    { type: 'live', state: LIVE },
    ...text.split(/(?<= )/).map((piece): DraftEvent => ({ type: 'token', text: piece })),
    { type: 'actions', actions: [suggestion()] },
    DONE,
  ];
}

export function ticket(over: Partial<TicketContext> = {}): TicketContext {
  return {
    site: 'fixture',
    ticketId: 'T-1001',
    subject: 'Refund for order #1042',
    requester: { name: 'Ana Pérez', email: 'ana@example.com' },
    messages: [{ authorRole: 'customer', partial: false, body: 'When will my refund arrive?' }],
    tags: [],
    status: 'open',
    ...over,
  };
}
