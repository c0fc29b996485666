/** A lead's choice of whose ticket the Copilot screen follows: their own browser, or an agent's (read-only). */
import { useId } from 'react';
import { usePresenceList } from '../../hooks/usePresenceList';

export interface FollowChooserProps {
  /** The signed-in token's id, left out of the list (it is "my own browser"). */
  self: string;
  value: string | undefined;
  onChange(userId: string | undefined): void;
}

export function FollowChooser({ self, value, onChange }: FollowChooserProps) {
  const id = useId();
  const list = usePresenceList(true);
  const others = (list.data ?? []).filter((p) => p.userId !== self);
  return (
    <div className="copilot__chooser">
      <label htmlFor={id}>Follow</label>{' '}
      <select
        id={id}
        data-testid="copilot-follow"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        <option value="">My own browser</option>
        {others.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.name} ({p.role}){p.paused ? ' — paused' : p.onTicket ? '' : ' — no ticket'}
          </option>
        ))}
        {/* Still selectable while the list refreshes or after they stopped publishing. */}
        {value !== undefined && !others.some((p) => p.userId === value) ? <option value={value}>The agent you followed</option> : null}
      </select>
    </div>
  );
}
