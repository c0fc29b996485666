/**
 * Conversations: the handoff queue (visitors waiting for a person, and those a person has) or
 * every widget conversation, searched on the server (transcripts, visitors, sites); the open one's
 * transcript with a reply box, hand back to the AI, and close.
 */
import { useId, useState } from 'react';
import { ALL_STATUSES, HANDOFF_STATUSES, useConversationList, useConversationSearch, useQueueWatch } from '../hooks/useConversations';
import { EmptyState, QueryView } from '../shell/QueryView';
import { formatAgo } from '../shell/relativeTime';
import { STATUS_LABEL, Transcript } from './conversations/Transcript';
import { useDebounced } from '../shell/useDebounced';

const SEARCH_PAUSE_MS = 250;

export function ConversationsScreen() {
  useQueueWatch();
  const [view, setView] = useState<'handoff' | 'all'>('handoff');
  const statuses = view === 'handoff' ? HANDOFF_STATUSES : ALL_STATUSES;
  const list = useConversationList(statuses);
  const [search, setSearch] = useState('');
  const query = useDebounced(search, SEARCH_PAUSE_MS).trim();
  const found = useConversationSearch(query, statuses);
  const [openId, setOpenId] = useState<string | null>(null);
  const searchId = useId();

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
        {query === '' ? (
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
            {(items) => <ConversationList items={items.map((conversation) => ({ conversation }))} openId={openId} onOpen={setOpenId} />}
          </QueryView>
        ) : (
          <QueryView
            query={found}
            what="matches"
            isEmpty={(items) => items.length === 0}
            empty={<EmptyState title="No conversation matches" />}
          >
            {(items) => <ConversationList items={items} openId={openId} onOpen={setOpenId} />}
          </QueryView>
        )}
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

type Match = NonNullable<ReturnType<typeof useConversationSearch>['data']>[number];

function ConversationList({ items, openId, onOpen }: { items: readonly Match[]; openId: string | null; onOpen(id: string): void }) {
  return (
    <ul className="conversation-list" data-testid="conversation-list">
      {items.map(({ conversation: c, snippet }) => (
        <li key={c.conversationId}>
          <button
            type="button"
            className={c.conversationId === openId ? 'conversation conversation--open' : 'conversation'}
            aria-current={c.conversationId === openId ? 'true' : undefined}
            onClick={() => onOpen(c.conversationId)}
            data-testid="conversation-item"
          >
            <span className="conversation__top">
              <span className="conversation__name">{c.visitor.name ?? 'Anonymous visitor'}</span>
              <span className={`pill pill--status-${c.status}`}>{STATUS_LABEL[c.status]}</span>
            </span>
            <span className="conversation__preview">{snippet ?? c.lastMessage?.text ?? 'No messages yet'}</span>
            <span className="conversation__meta muted small">
              {c.siteName} · {c.waitingSince === undefined ? formatAgo(c.updatedAt) : `waiting since ${formatAgo(c.waitingSince)}`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
