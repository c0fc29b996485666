/**
 * The three states every screen's data goes through besides "here it is": loading, failed (with
 * a retry), and empty (with what to do about it). Data already shown stays when a refresh fails.
 */
import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { errorText } from './queryClient';

export interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  /** What is loading, for the screen reader and the placeholder ("Loading sources…"). */
  what: string;
  isEmpty?(data: T): boolean;
  empty?: ReactNode;
  children(data: T): ReactNode;
}

export function QueryView<T>({ query, what, isEmpty, empty, children }: QueryViewProps<T>) {
  if (query.data === undefined) {
    if (query.isError) return <ErrorState message={errorText(query.error)} onRetry={() => void query.refetch()} />;
    return (
      <p className="state state--loading" role="status" aria-live="polite" data-testid="state-loading">
        <span className="spinner" aria-hidden="true" />
        Loading {what}…
      </p>
    );
  }
  return (
    <>
      {query.isError ? <ErrorState message={`Could not refresh: ${errorText(query.error)}`} onRetry={() => void query.refetch()} /> : null}
      {isEmpty?.(query.data) === true ? (empty ?? <EmptyState title={`No ${what} yet`} />) : children(query.data)}
    </>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="callout callout--error state state--error" role="alert" data-testid="state-error">
      <span>{message}</span>
      {onRetry === undefined ? null : (
        <button className="button button--ghost button--small" type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty" data-testid="state-empty">
      <p className="state__title">{title}</p>
      {children === undefined ? null : <div className="state__hint">{children}</div>}
    </div>
  );
}
