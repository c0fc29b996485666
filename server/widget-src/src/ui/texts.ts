/**
 * Every fixed text the widget shows or announces, in one place (English today; a translation is
 * a second object of this shape). What the site sets (title, greeting, suggested questions) and
 * what the server sends come from elsewhere and are always rendered as text.
 */
import type { WidgetHandoffReason } from '@tandem/shared';

export const TEXTS = {
  openChat: 'Open chat',
  openChatUnread: 'Open chat, new message',
  closeChat: 'Close chat',
  you: 'You',
  assistant: 'AI assistant',
  supportTeam: 'support team',
  answeringAi: 'Answered by our AI assistant',
  answeringWaiting: 'Waiting for a person from our team',
  answeringHuman: (name: string) => `Answered by ${name}, support team`,
  answeringClosed: 'This conversation has ended',
  messageLabel: 'Your message',
  placeholder: 'Type your question…',
  send: 'Send',
  talkToPerson: 'Talk to a person',
  typing: 'The assistant is writing',
  suggestions: 'Suggested questions',
  sources: 'Sources',
  newConversation: 'Start a new conversation',
  conversation: 'Conversation',
  ratingPrompt: 'How did we do?',
  rate: (score: number) => `${score} out of 5`,
  ratingThanks: 'Thank you for your rating.',
  notSent: 'Your message was not sent. Please try again.',
  tooMany: 'You are sending messages quickly. Please wait a moment and try again.',
  offline: 'Connection lost. Reconnecting…',
  unavailable: 'Chat is unavailable right now.',
  handback: 'Our AI assistant is answering again.',
  closed: 'The conversation was closed.',
  proactive: 'A note about your account',
  handoff: {
    'asked-for-human': 'A person from our team will reply here.',
    'no-answer': 'We could not find an answer to that. A person from our team will reply here.',
    'low-confidence': 'We want to be sure we get this right. A person from our team will reply here.',
    'negative-sentiment': 'Sorry about this. A person from our team will reply here.',
    'action-needed': 'A person from our team needs to do this for you and will reply here.',
    'needs-review': 'A person from our team will reply here.',
    unavailable: 'Our assistant is unavailable. A person from our team will reply here.',
  } satisfies Record<WidgetHandoffReason, string>,
} as const;
