/** One widget conversation: who and where, its transcript, and a person's reply, hand-back and close. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { WidgetConversationStatus, WidgetHandoffReason, WidgetTranscriptEntry } from '@tandem/shared';
import { useCloseConversation, useConversation, useHandBack, useReply } from '../../hooks/useConversations';
import { ErrorState, QueryView } from '../../shell/QueryView';
import { errorText } from '../../shell/queryClient';
import { formatAgo } from '../../shell/relativeTime';

export const STATUS_LABEL: Record<WidgetConversationStatus, string> = {
  ai: 'AI answering',
  'waiting-for-human': 'Waiting for a person',
  human: 'With a person',
  closed: 'Closed',
};

const HANDOFF_REASON: Record<WidgetHandoffReason, string> = {
  'asked-for-human': 'asked for a person',
  'no-answer': 'no answer in the knowledge base',
  'low-confidence': 'answer withheld (low confidence)',
  'negative-sentiment': 'visitor upset',
  'action-needed': 'an action to run',
  'needs-review': 'flagged for review',
  unavailable: 'answer could not be written',
};

const SYSTEM_TEXT: Record<string, string> = {
  handoff: 'Handed to a person',
  handback: 'Handed back to the AI',
  closed: 'Conversation closed',
  'rating-request': 'Rating requested',
};

export function Transcript({ conversationId }: { conversationId: string }) {
  const conversation = useConversation(conversationId);
  const reply = useReply();
  const handBack = useHandBack();
  const close = useCloseConversation();
  const [text, setText] = useState('');
  const replyId = useId();
  const end = useRef<HTMLLIElement>(null);
  const count = conversation.data?.transcript.length ?? 0;
  useEffect(() => {
    // In braces: Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
    void end.current?.scrollIntoView({ block: 'nearest' });
  }, [count]);

  const send = (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (body === '') return;
    reply.mutate({ conversationId, text: body }, { onSuccess: () => setText('') });
  };

  return (
    <QueryView query={conversation} what="the transcript">
      {(detail) => {
        const c = detail.conversation;
        const open = c.status !== 'closed';
        return (
          <div className="transcript" data-testid="transcript">
            <div className="transcript__header">
              <div>
                <h2 className="card__title">{c.visitor.name ?? 'Anonymous visitor'}</h2>
                <p className="muted small">
                  {c.siteName} · {STATUS_LABEL[c.status]}
                  {c.handoffReason === undefined ? '' : ` · ${HANDOFF_REASON[c.handoffReason]}`}
                  {c.visitor.verified ? ' · verified' : ''}
                  {detail.rating === undefined ? '' : ` · rated ${detail.rating.score}/5`}
                </p>
              </div>
              <div className="transcript__actions">
                {c.status === 'waiting-for-human' || c.status === 'human' ? (
                  <button
                    className="button button--ghost button--small"
                    type="button"
                    disabled={handBack.isPending}
                    onClick={() => handBack.mutate(conversationId)}
                    data-testid="hand-back"
                  >
                    Hand back to AI
                  </button>
                ) : null}
                {open ? (
                  <button
                    className="button button--ghost button--small"
                    type="button"
                    disabled={close.isPending}
                    onClick={() => close.mutate(conversationId)}
                  >
                    Close
                  </button>
                ) : null}
              </div>
            </div>
            {[handBack, close].map((m, i) => (m.isError ? <ErrorState key={i} message={errorText(m.error)} /> : null))}
            <ol className="messages" aria-live="polite">
              {detail.transcript.map((entry) => (
                <Message key={entry.id} entry={entry} />
              ))}
              <li ref={end} aria-hidden="true" />
            </ol>
            {open ? (
              <form className="reply" onSubmit={send}>
                <label className="visually-hidden" htmlFor={replyId}>
                  Reply to the visitor
                </label>
                <textarea
                  id={replyId}
                  className="field__input field__textarea"
                  rows={2}
                  placeholder="Reply as a person; the AI stays silent until you hand back"
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) send(e);
                  }}
                  data-testid="reply-input"
                />
                <button
                  className="button button--primary"
                  type="submit"
                  disabled={reply.isPending || text.trim() === ''}
                  data-testid="reply-send"
                >
                  Send
                </button>
              </form>
            ) : null}
            {reply.isError ? <ErrorState message={errorText(reply.error)} /> : null}
          </div>
        );
      }}
    </QueryView>
  );
}

function Message({ entry }: { entry: WidgetTranscriptEntry }) {
  if (entry.author === 'system')
    return (
      <li className="message message--system">
        {SYSTEM_TEXT[entry.kind] ?? entry.kind}
        {entry.authorName === undefined ? '' : ` by ${entry.authorName}`} · {formatAgo(entry.at)}
      </li>
    );
  const who = entry.author === 'visitor' ? 'Visitor' : entry.author === 'ai' ? 'AI' : (entry.authorName ?? 'Agent');
  return (
    <li className={`message message--${entry.author}`}>
      <span className="message__who">
        {who}
        {entry.confidence === undefined ? '' : ` · ${Math.round(entry.confidence * 100)}%`}
        <span className="muted"> · {formatAgo(entry.at)}</span>
      </span>
      <span className="message__text">{entry.text}</span>
    </li>
  );
}
