/**
 * Commands reach the panel from forwarded chrome.commands and from Alt+Shift shortcuts.
 */
import { describe, expect, it, vi } from 'vitest';
import { createPanelCommands, isPanelCommand, panelCommandForKey } from './panelCommands';

const key = (
  code: string,
  over: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; key: string }> = {},
) => ({
  code,
  key: code.replace('Key', '').toLowerCase(),
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  ...over,
});

describe('panel commands', () => {
  it('knows exactly the two commands', () => {
    expect(isPanelCommand('regenerate-draft')).toBe(true);
    expect(isPanelCommand('insert-draft')).toBe(true);
    expect(isPanelCommand('_execute_action')).toBe(false);
    expect(isPanelCommand(42)).toBe(false);
  });

  it('runs known commands for every listener until it stops', () => {
    const commands = createPanelCommands();
    expect(commands.run('insert-draft')).toBe(false);
    const handler = vi.fn();
    const stop = commands.listen(handler);

    expect(commands.run('insert-draft')).toBe(true);
    expect(commands.run('open-everything')).toBe(false);
    stop();
    expect(commands.run('regenerate-draft')).toBe(false);
    expect(handler.mock.calls).toEqual([['insert-draft']]);
  });

  it('maps Alt+Shift+R and Alt+Shift+I, by physical key too', () => {
    expect(panelCommandForKey(key('KeyR'))).toBe('regenerate-draft');
    expect(panelCommandForKey(key('KeyI'))).toBe('insert-draft');
    expect(panelCommandForKey(key('KeyR', { key: '‰' }))).toBe('regenerate-draft');
    expect(panelCommandForKey(key('KeyR', { shiftKey: false }))).toBeUndefined();
    expect(panelCommandForKey(key('KeyI', { ctrlKey: true }))).toBeUndefined();
    expect(panelCommandForKey(key('KeyX'))).toBeUndefined();
  });
});
