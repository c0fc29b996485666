// @vitest-environment jsdom
/**
 * The shell's shared parts in jsdom: a query's loading, error (with retry), empty and data states;
 * a destructive action that asks first (Escape cancels); the navigation's arrow keys.
 */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, get, mount, query, waitFor, type Mounted } from '../testing/dom';
import { ConfirmButton } from './ConfirmButton';
import { QueryView } from './QueryView';
import { SideNav } from './SideNav';

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

function Items({ load }: { load: () => Promise<string[]> }) {
  const items = useQuery({ queryKey: ['items'], queryFn: load, retry: false });
  return (
    <QueryView query={items} what="items" isEmpty={(list) => list.length === 0}>
      {(list) => (
        <ul data-testid="items">
          {list.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </QueryView>
  );
}

const withQueries = (element: JSX.Element) => <QueryClientProvider client={new QueryClient()}>{element}</QueryClientProvider>;

describe('QueryView', () => {
  it('shows loading, then the data', async () => {
    let resolve: (v: string[]) => void = () => undefined;
    mounted = await mount(withQueries(<Items load={() => new Promise((r) => (resolve = r))} />));
    expect(get('state-loading').textContent).toContain('Loading items');
    resolve(['alpha', 'beta']);
    await waitFor(() => expect(get('items').textContent).toBe('alphabeta'));
    expect(query('state-loading')).toBeNull();
  });

  it('shows the empty state for an empty list', async () => {
    mounted = await mount(withQueries(<Items load={() => Promise.resolve([])} />));
    await waitFor(() => expect(get('state-empty').textContent).toContain('No items yet'));
  });

  it('shows the error with a retry that asks again', async () => {
    const load = vi.fn<() => Promise<string[]>>().mockRejectedValueOnce(new Error('Server unreachable')).mockResolvedValue(['gamma']);
    mounted = await mount(withQueries(<Items load={load} />));
    await waitFor(() => expect(get('state-error').textContent).toContain('Server unreachable'));
    const retry = Array.from(get('state-error').querySelectorAll('button')).find((b) => b.textContent === 'Try again');
    await act(async () => {
      retry?.click();
    });
    await waitFor(() => expect(get('items').textContent).toBe('gamma'));
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('ConfirmButton', () => {
  it('acts only after the confirmation, and Escape backs out', async () => {
    const onConfirm = vi.fn();
    mounted = await mount(<ConfirmButton label="Delete" question="Delete “Refunds”?" onConfirm={onConfirm} testId="del" />);
    await click('del');
    expect(document.activeElement?.textContent).toBe('Cancel');
    await act(async () => {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await waitFor(() => expect(query('del')).not.toBeNull());
    expect(onConfirm).not.toHaveBeenCalled();
    await click('del');
    await click('del-confirm');
    expect(onConfirm).toHaveBeenCalledOnce();
  });
});

describe('SideNav', () => {
  it('moves focus with the arrow keys, Home and End, wrapping around; one tab stop', async () => {
    const screens = ['one', 'two', 'three'].map((id) => ({ id, label: id, summary: '', Component: () => null }));
    mounted = await mount(<SideNav screens={screens} current="two" onNavigate={() => undefined} />);
    expect(get('nav-two').getAttribute('aria-current')).toBe('page');
    expect(['nav-one', 'nav-two', 'nav-three'].map((id) => get(id).tabIndex)).toEqual([-1, 0, -1]);
    const press = (key: string) => document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    get('nav-two').focus();
    press('ArrowDown');
    expect(document.activeElement).toBe(get('nav-three'));
    press('ArrowDown');
    expect(document.activeElement).toBe(get('nav-one'));
    press('End');
    expect(document.activeElement).toBe(get('nav-three'));
    press('Home');
    expect(document.activeElement).toBe(get('nav-one'));
  });
});
