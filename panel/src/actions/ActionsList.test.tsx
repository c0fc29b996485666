// @vitest-environment jsdom
/**
 * Suggested actions run only after the agent confirms: Cancel runs nothing, Confirm runs once with
 * `confirmed: true` and a fresh idempotency key, a retry of the same attempt reuses its key, and
 * results and typed errors are shown. Hostile arguments stay text.
 */
import type { ActionResult, ExecuteActionInput } from '@tandem/shared';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { suggestion } from '../draft/draftFixtures';
import { ActionsList, type ActionsClient } from './ActionsList';

const SUCCEEDED: ActionResult = {
  status: 'succeeded',
  suggestionId: 'sg_1',
  action: 'store.refundOrder',
  summary: 'Refunded 25 on #1042',
  output: {},
  executedAt: '2026-12-01T10:00:00.000Z',
};

function fakeClient(answers: (() => Promise<ActionResult>)[] = [() => Promise.resolve(SUCCEEDED)]) {
  const calls: ExecuteActionInput[] = [];
  const client: ActionsClient = {
    actions: {
      execute: {
        mutate: (input) => {
          calls.push(input);
          const answer = answers.shift() ?? (() => Promise.resolve(SUCCEEDED));
          return answer();
        },
      },
    },
  };
  return { client, calls };
}

afterEach(cleanup);

describe('ActionsList', () => {
  it('shows nothing without suggestions', () => {
    const { container } = render(<ActionsList client={fakeClient().client} actions={[]} />);
    expect(container.innerHTML).toBe('');
  });

  it('lists the arguments in the dialog, and Cancel runs nothing', () => {
    const { client, calls } = fakeClient();
    render(<ActionsList client={client} actions={[suggestion()]} />);

    fireEvent.click(within(screen.getByTestId('action-sg_1')).getByTestId('action-run'));
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByTestId('action-arguments').textContent).toBe('orderId#1042amount25');
    expect(document.activeElement).toBe(screen.getByTestId('action-cancel'));

    fireEvent.click(screen.getByTestId('action-cancel'));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls).toEqual([]);
    expect(screen.queryByTestId('action-result')).toBeNull();
  });

  it('closes on Escape without running anything', () => {
    const { client, calls } = fakeClient();
    render(<ActionsList client={client} actions={[suggestion()]} />);
    fireEvent.click(screen.getByTestId('action-run'));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls).toEqual([]);
  });

  it('runs once with confirmation and a fresh key, then shows the result', async () => {
    const { client, calls } = fakeClient();
    render(<ActionsList client={client} actions={[suggestion()]} />);

    fireEvent.click(screen.getByTestId('action-run'));
    const confirm = screen.getByTestId('action-confirm');
    fireEvent.click(confirm);
    fireEvent.click(confirm);

    expect(await screen.findByTestId('action-result')).toHaveProperty('textContent', 'Done: Refunded 25 on #1042');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual({ suggestionId: 'sg_1', confirmed: true, idempotencyKey: expect.stringMatching(/^act_[0-9a-f-]{36}$/) });
    // Done once: running it again would be a second refund.
    expect(screen.getByTestId('action-run')).toHaveProperty('disabled', true);
  });

  it('shows a typed error and retries the same attempt with the same key', async () => {
    const refused = Object.assign(new Error('Forbidden'), {
      data: { tandem: { code: 'FORBIDDEN', message: 'Your role may not run this action', requestId: 'req_7' } },
    });
    const { client, calls } = fakeClient([() => Promise.reject(refused), () => Promise.resolve(SUCCEEDED)]);
    render(<ActionsList client={client} actions={[suggestion()]} />);

    fireEvent.click(screen.getByTestId('action-run'));
    fireEvent.click(screen.getByTestId('action-confirm'));

    const result = await screen.findByTestId('action-result');
    expect(result.textContent).toContain('Your role may not run this action (FORBIDDEN, request req_7)');
    fireEvent.click(screen.getByTestId('action-retry'));
    await waitFor(() => expect(screen.getByTestId('action-result').textContent).toBe('Done: Refunded 25 on #1042'));

    expect(calls).toHaveLength(2);
    expect(calls[1]?.idempotencyKey).toBe(calls[0]?.idempotencyKey);
  });

  it('lets the agent run a failed action again, as a new attempt with a new key', async () => {
    const failed: ActionResult = {
      status: 'failed',
      suggestionId: 'sg_1',
      action: 'store.refundOrder',
      error: 'Order is locked',
      executedAt: SUCCEEDED.executedAt,
    };
    const { client, calls } = fakeClient([() => Promise.resolve(failed), () => Promise.resolve(SUCCEEDED)]);
    render(<ActionsList client={client} actions={[suggestion()]} />);

    fireEvent.click(screen.getByTestId('action-run'));
    fireEvent.click(screen.getByTestId('action-confirm'));
    expect((await screen.findByTestId('action-result')).textContent).toBe('The action failed: Order is locked');

    fireEvent.click(screen.getByTestId('action-run'));
    fireEvent.click(screen.getByTestId('action-confirm'));
    await waitFor(() => expect(screen.getByTestId('action-result').textContent).toBe('Done: Refunded 25 on #1042'));

    expect(calls).toHaveLength(2);
    expect(calls[1]?.idempotencyKey).not.toBe(calls[0]?.idempotencyKey);
    expect(calls.every((call) => call.confirmed)).toBe(true);
  });

  it('warns about a flagged suggestion and renders hostile text inert', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const action = suggestion({
      title: hostile,
      rationale: hostile,
      arguments: { note: hostile, nested: { html: hostile }, blank: '' },
      flagged: { reason: 'text that looks like an instruction to the assistant' },
    });
    const { container } = render(<ActionsList client={fakeClient().client} actions={[action]} />);

    expect(screen.getByTestId('action-flagged').textContent).toContain('instruction to the assistant');
    fireEvent.click(screen.getByTestId('action-run'));

    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Flagged:');
    expect(within(dialog).getByTestId('action-arguments').textContent).toContain(hostile);
    expect(within(dialog).getByTestId('action-arguments').textContent).toContain('(blank)');
    expect(container.querySelector('img, script')).toBeNull();
    expect(document.querySelector('img, script')).toBeNull();
  });
});
