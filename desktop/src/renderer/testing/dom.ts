/**
 * Just enough of a testing library for React 18 in jsdom (React Testing Library is not a
 * dependency): mount, find by data-testid, type, click, and wait for the UI to settle.
 */
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  container: HTMLElement;
  unmount(): void;
}

export async function mount(element: ReactElement): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(container);
    root.render(element);
  });
  return {
    container,
    unmount() {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

export function query(testId: string): HTMLElement | null {
  return document.querySelector(`[data-testid="${testId}"]`);
}

export function get(testId: string): HTMLElement {
  const element = query(testId);
  if (element === null) throw new Error(`No element with data-testid="${testId}"`);
  return element;
}

/** Sets an input's value the way typing does, so React's onChange sees it. */
export async function type(testId: string, value: string): Promise<void> {
  const input = get(testId) as HTMLInputElement;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  await act(async () => {
    setValue?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(testId: string): Promise<void> {
  await act(async () => {
    get(testId).click();
  });
}

/** Retries `assertion` until it passes, letting fetches resolve and React re-render in between. */
export async function waitFor(assertion: () => void, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  let elapsed = 0;
  for (;;) {
    try {
      assertion();
      return;
    } catch (err) {
      if (Date.now() - started > timeoutMs || elapsed > timeoutMs) throw err;
    }
    await act(async () => {
      if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(10);
      else await new Promise((resolve) => setTimeout(resolve, 10));
    });
    elapsed += 10;
  }
}
