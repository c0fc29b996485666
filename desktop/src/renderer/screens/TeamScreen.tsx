/**
 * Team & widget: the workspace's API tokens and their roles (admins create and revoke them; a
 * new token's secret is shown once), and the widget's sites with their keys, allowed origins,
 * look and confidence threshold (admins only).
 */
import { useId, useState, type FormEvent } from 'react';
import type { Role } from '@tandem/shared';
import { useCreateToken, useRevokeToken, useSites, useTokens } from '../hooks/useTeam';
import { ConfirmButton } from '../shell/ConfirmButton';
import { useConsoleSession, useIsAdmin } from '../shell/consoleSession';
import { EmptyState, ErrorState, QueryView } from '../shell/QueryView';
import { errorText } from '../shell/queryClient';
import { formatAgo } from '../shell/relativeTime';
import { SiteSettings } from './team/SiteSettings';
import { TableHead } from '../shell/TableHead';

const ROLE_LABEL: Record<Role, string> = { admin: 'Admin', lead: 'Team lead', agent: 'Agent' };

export function TeamScreen() {
  const admin = useIsAdmin();
  const sites = useSites(admin);
  return (
    <div className="stack">
      <TokensCard admin={admin} />
      <section className="card" aria-labelledby="sites-heading">
        <h2 className="card__title" id="sites-heading">
          Widget sites
        </h2>
        {admin ? (
          <QueryView
            query={sites}
            what="widget sites"
            isEmpty={(list) => list.length === 0}
            empty={
              <EmptyState title="No widget sites">Create one with `tandem widget create-site` to embed the widget on a website.</EmptyState>
            }
          >
            {(list) => (
              <div className="stack" data-testid="sites-list">
                {list.map((site) => (
                  <SiteSettings key={`${site.id}:${site.updatedAt}`} site={site} />
                ))}
              </div>
            )}
          </QueryView>
        ) : (
          <p className="muted">Only admins can see and change widget sites.</p>
        )}
      </section>
    </div>
  );
}

function TokensCard({ admin }: { admin: boolean }) {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const me = useConsoleSession().info.principal;
  return (
    <section className="card" aria-labelledby="tokens-heading">
      <div className="card__header">
        <h2 className="card__title" id="tokens-heading">
          API tokens
        </h2>
      </div>
      {revoke.isError ? <ErrorState message={errorText(revoke.error)} /> : null}
      <QueryView query={tokens} what="tokens" isEmpty={(list) => list.length === 0}>
        {(list) => (
          <div className="table-wrap">
            <table className="table" data-testid="tokens-table">
              <TableHead columns={['Name', 'Role', 'Created', 'Last used']} />
              <tbody>
                {list.map((t) => (
                  <tr key={t.id}>
                    <td className="table__title">
                      {t.name}
                      {t.id === me.tokenId ? <span className="muted small"> (this session)</span> : null}
                    </td>
                    <td>
                      <span className={`pill pill--role-${t.role}`}>{ROLE_LABEL[t.role]}</span>
                    </td>
                    <td className="nowrap">{formatAgo(t.createdAt)}</td>
                    <td className="nowrap">{t.lastUsedAt === null ? <span className="muted">Never</span> : formatAgo(t.lastUsedAt)}</td>
                    <td className="table__actions">
                      {admin && t.id !== me.tokenId ? (
                        <ConfirmButton
                          label="Revoke"
                          confirmLabel="Revoke"
                          question={`Revoke “${t.name}”?`}
                          busy={revoke.isPending && revoke.variables === t.id}
                          onConfirm={() => revoke.mutate(t.id)}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      {admin ? <NewToken /> : <p className="muted small">Only admins can create or revoke tokens.</p>}
    </section>
  );
}

function NewToken() {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const nameId = useId();
  const roleId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), role }, { onSuccess: () => setName('') });
  };
  return (
    <>
      <form className="inline-form" onSubmit={submit}>
        <label className="field__label" htmlFor={nameId}>
          New token for
        </label>
        <input
          id={nameId}
          className="field__input"
          placeholder="Name, e.g. Priya (support)"
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="token-name"
        />
        <label className="field__label" htmlFor={roleId}>
          Role
        </label>
        <select id={roleId} className="field__input" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          <option value="agent">Agent</option>
          <option value="lead">Team lead</option>
          <option value="admin">Admin</option>
        </select>
        <button
          className="button button--primary"
          type="submit"
          disabled={create.isPending || name.trim() === ''}
          data-testid="token-create"
        >
          Create token
        </button>
      </form>
      {create.isError ? <ErrorState message={errorText(create.error)} /> : null}
      {create.data === undefined ? null : (
        <div className="callout callout--ok" role="status" data-testid="token-created">
          Token for {create.data.name} ({ROLE_LABEL[create.data.role]}), shown only now: <code className="secret">{create.data.token}</code>
        </div>
      )}
    </>
  );
}
