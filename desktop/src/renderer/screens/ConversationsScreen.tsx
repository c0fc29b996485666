/**
 * Conversations: the handoff queue (visitors waiting for a person, and those a person has) or
 * every widget conversation, searchable by visitor, site and last message; the open one's
 * transcript with a reply box, hand back to the AI, and close.
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { WidgetQueueItem } from '@tandem/shared';
import { ALL_STATUSES, HANDOFF_STATUSES, useConversationList } from '../hooks/useConversations';
import { EmptyState, QueryView } from '../shell/QueryView';
import { formatAgo } from '../shell/relativeTime';
import { STATUS_LABEL, Transcript } from './conversations/Transcript';

export function ConversationsScreen() {
  const [view, setView] = useState<'handoff' | 'all'>('handoff');
  const list = useConversationList(view === 'handoff' ? HANDOFF_STATUSES : ALL_STATUSES);
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search).trim().toLowerCase();
  const [openId, setOpenId] = useState<string | null>(null);
  const searchId = useId();
  const shown = useMemo(() => (list.data ?? []).filter((c) => matches(c, needle)), [list.data, needle]);

  return (
    <div className="split">
      <section className="card split__list" aria-label="Conversation list">
        <div className="tabs" role="group" aria-label="Which conversations">
          <button
            className={view === 'handoff' ? 'tab tab--active' : 'tab'}
            type="button"
            aria-pressed={view === 'handoff'}
            onClick={() => setView('handoff')}
            data-testid="conversations-handoff"
          >
            Handoff queue
          </button>
          <button
            className={view === 'all' ? 'tab tab--active' : 'tab'}
            type="button"
            aria-pressed={view === 'all'}
            onClick={() => setView('all')}
            data-testid="conversations-all"
          >
            All conversations
          </button>
        </div>
        <label className="visually-hidden" htmlFor={searchId}>
          Search conversations
        </label>
        <input
          id={searchId}
          className="field__input"
          type="search"
          placeholder="Search visitor, site or message"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="conversations-search"
        />
        <QueryView
          query={list}
          what="conversations"
          isEmpty={(items) => items.length === 0}
          empty={
            <EmptyState title={view === 'handoff' ? 'Nobody is waiting' : 'No conversations yet'}>
              {view === 'handoff' ? 'Visitors the AI hands over appear here.' : undefined}
            </EmptyState>
          }
        >
          {() =>
            shown.length === 0 ? (
              <EmptyState title="No conversation matches" />
            ) : (
              <ul className="conversation-list" data-testid="conversation-list">
                {shown.map((c) => (
                  <li key={c.conversationId}>
                    <button
                      type="button"
                      className={c.conversationId === openId ? 'conversation conversation--open' : 'conversation'}
                      aria-current={c.conversationId === openId ? 'true' : undefined}
                      onClick={() => setOpenId(c.conversationId)}
                      data-testid="conversation-item"
                    >
                      <span className="conversation__top">
                        <span className="conversation__name">{c.visitor.name ?? 'Anonymous visitor'}</span>
                        <span className={`pill pill--status-${c.status}`}>{STATUS_LABEL[c.status]}</span>
                      </span>
                      <span className="conversation__preview">{c.lastMessage?.text ?? 'No messages yet'}</span>
                      <span className="conversation__meta muted small">
                        {c.siteName} ·{' '}
                        {c.waitingSince === undefined ? formatAgo(c.updatedAt) : `waiting since ${formatAgo(c.waitingSince)}`}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
      <section className="card split__detail" aria-label="Transcript">
        {openId === null ? (
          <EmptyState title="Pick a conversation">Its transcript opens here, with a reply box when a visitor waits.</EmptyState>
        ) : (
          <Transcript conversationId={openId} />
        )}
      </section>
    </div>
  );
}

function matches(c: WidgetQueueItem, needle: string): boolean {
  if (needle === '') return true;
  return [c.visitor.name, c.visitor.userId, c.siteName, c.lastMessage?.text].some(
    (field) => field?.toLowerCase().includes(needle) === true,
  );
}
