import { seededRandom } from '@tandem/shared';
/**
 * What `tandem seed-activity` will do, decided up front from a seed: for each past day, the widget
 * conversations (a question the demo knowledge base answers, one it cannot, a visitor asking for
 * a person; replies, hand-backs, closes, ratings) and the extension drafts with their outcome, each
 * at its own minute of the working day. Same seed, same plan. All wording is written for Tandem.
 */
const DAY_MS = 86_400_000;

/** Questions the demo articles (server/demo/knowledge) answer, one list per article. */
const ANSWERABLE = [
  ['How do I reset my password?', 'I forgot my password, how can I get a new one?', 'How can I change the email address on my account?'],
  [
    'Can I cancel my order before it ships?',
    'How do I change the delivery address of my order?',
    'My order already shipped, can I still change it?',
  ],
  ['My payment failed, what should I do?', 'I was charged twice for one order', 'Where can I download an invoice?'],
  ['How do I start a return?', 'When will my refund arrive?', 'Which items can I not send back?'],
  ['How long does delivery take?', 'How can I track my parcel?', 'My parcel arrived damaged, what now?'],
  ['How do I make a warranty claim?', 'What does the warranty not cover?'],
];
/** Questions no demo article answers: these hand off to a person. */
const UNANSWERABLE = [
  'Do you have a shop in Lisbon where I can try the tents?',
  'Can you engrave my name on a water bottle?',
  'Are you hiring for the summer season?',
  'Could you sponsor our local running club?',
  'Is the blue rain jacket coming back in size XL next spring?',
  'Do you rent out kayaks for the weekend?',
];
const FOLLOW_UPS = ['Thanks, and how long does that usually take?', 'Great, one more thing: do I need the receipt?', 'OK, thank you!'];
const PERSON_REPLIES = [
  'Hi, this is Sam from the support team. Let me check that for you.',
  'Hello! Priya here. Good question, I will find out and get back to you in this chat.',
  'Thanks for waiting. I have looked into it and passed your request to the right team.',
];
const RATING_COMMENTS = ['Quick and clear.', 'Helpful, thanks.', 'Took a while but solved.', 'Not what I hoped.'];
const DRAFT_TICKETS = [
  { subject: 'Refund not received', body: 'I sent my return two weeks ago and still have no refund. When will it arrive?' },
  { subject: 'Wrong delivery address', body: 'I typed the wrong street when ordering. Can you change the delivery address?' },
  { subject: 'Charged twice', body: 'My card statement shows two payments for the same order. Please help.' },
  { subject: 'Broken zip on jacket', body: 'The zip of my jacket broke after a month. Is this covered by the warranty?' },
  { subject: 'Where is my parcel', body: 'The tracking page has not changed for four days. Where is my parcel?' },
  { subject: 'Cannot log in', body: 'The reset password email never arrives. What can I do?' },
];

export type ConversationKind = 'answered' | 'unanswerable' | 'asks-for-person';

export interface PlannedConversation {
  type: 'conversation';
  at: number;
  kind: ConversationKind;
  question: string;
  followUp: string | null;
  personReply: string;
  /** After the person's reply, the conversation goes back to the AI with this question. */
  handBackQuestion: string | null;
  /** Closed by an agent; left open otherwise. */
  close: boolean;
  rating: { score: number; comment: string | null } | null;
}

export interface PlannedDraft {
  type: 'draft';
  at: number;
  subject: string;
  body: string;
  outcome: 'sent-as-is' | 'sent-edited' | 'discarded';
  keptRatio: number | null;
  /** Per-day counter in the ticket id, so ids stay distinct. */
  ticketId: string;
}

export type PlannedStep = PlannedConversation | PlannedDraft;

export interface PlanOptions {
  days: number;
  seed: number;
  /** Conversations on an average day; drafts are half as many. */
  conversationsPerDay: number;
  /** The plan covers the `days` whole UTC days before this instant's day. */
  now: number;
}

export function dayStarts(days: number, now: number): number[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return Array.from({ length: days }, (_, i) => today - (days - i) * DAY_MS);
}

export function planActivity(options: PlanOptions): PlannedStep[] {
  const rand = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  // Working hours 08:00–20:00 UTC.
  const minuteOfDay = () => (8 * 60 + Math.floor(rand() * 12 * 60)) * 60_000 + Math.floor(rand() * 60) * 1000;
  const steps: PlannedStep[] = [];
  for (const start of dayStarts(options.days, options.now)) {
    // Weekends are quieter; every day varies ±30%.
    const weekday = new Date(start).getUTCDay();
    const scale = (weekday === 0 || weekday === 6 ? 0.5 : 1) * (0.7 + rand() * 0.6);
    const conversations = Math.max(1, Math.round(options.conversationsPerDay * scale));
    for (let i = 0; i < conversations; i += 1) {
      const r = rand();
      const kind: ConversationKind = r < 0.7 ? 'answered' : r < 0.88 ? 'unanswerable' : 'asks-for-person';
      const score = kind === 'answered' ? 4 + Math.round(rand()) : 2 + Math.floor(rand() * 4);
      steps.push({
        type: 'conversation',
        at: start + minuteOfDay(),
        kind,
        question: kind === 'unanswerable' ? pick(UNANSWERABLE) : pick(pick(ANSWERABLE)),
        followUp: kind === 'answered' && rand() < 0.3 ? pick(FOLLOW_UPS) : null,
        personReply: pick(PERSON_REPLIES),
        handBackQuestion: kind !== 'answered' && rand() < 0.3 ? pick(pick(ANSWERABLE)) : null,
        close: rand() < 0.85,
        rating: rand() < 0.45 ? { score, comment: rand() < 0.5 ? pick(RATING_COMMENTS) : null } : null,
      });
    }
    const drafts = Math.max(1, Math.round(conversations / 2));
    for (let i = 0; i < drafts; i += 1) {
      const ticket = pick(DRAFT_TICKETS);
      const r = rand();
      const outcome = r < 0.5 ? 'sent-as-is' : r < 0.8 ? 'sent-edited' : 'discarded';
      steps.push({
        type: 'draft',
        at: start + minuteOfDay(),
        ...ticket,
        outcome,
        keptRatio: outcome === 'sent-edited' ? Math.round((0.4 + rand() * 0.5) * 100) / 100 : outcome === 'sent-as-is' ? 1 : null,
        ticketId: `seed-${new Date(start).toISOString().slice(0, 10)}-${i + 1}`,
      });
    }
  }
  return steps.sort((a, b) => a.at - b.at);
}
