/** Ask the knowledge base as the copilot would, to check that a document is found. */
import { useId, useState } from 'react';
import { useKnowledgeSearch } from '../../hooks/useKnowledge';
import { EmptyState, QueryView } from '../../shell/QueryView';
import { useDebounced } from '../../shell/useDebounced';

const SEARCH_PAUSE_MS = 250;

export function SearchCard() {
  const [text, setText] = useState('');
  const query = useDebounced(text, SEARCH_PAUSE_MS);
  const search = useKnowledgeSearch(query);
  const inputId = useId();
  return (
    <section className="card" aria-labelledby="search-heading">
      <h2 className="card__title" id="search-heading">
        Try a search
      </h2>
      <form className="form" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="field__label" htmlFor={inputId}>
          Question
        </label>
        <input
          id={inputId}
          className="field__input"
          type="search"
          placeholder="How do I get a refund?"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="knowledge-search"
        />
      </form>
      {query.trim() === '' ? (
        <p className="muted small">Results show the passages the copilot would cite.</p>
      ) : (
        <QueryView query={search} what="results" isEmpty={(r) => r.hits.length === 0} empty={<EmptyState title="Nothing found" />}>
          {(result) => (
            <ol className="hits" data-testid="search-hits">
              {result.hits.map((hit) => (
                <li key={hit.chunkId} className="hit">
                  <span className="hit__title">{hit.title}</span>
                  {hit.sectionPath.length === 0 || hit.sectionPath.join(' › ') === hit.title ? null : (
                    <span className="muted small"> · {hit.sectionPath.join(' › ')}</span>
                  )}
                  <p className="hit__text small">{hit.text.length > 160 ? `${hit.text.slice(0, 159)}…` : hit.text}</p>
                </li>
              ))}
            </ol>
          )}
        </QueryView>
      )}
    </section>
  );
}
