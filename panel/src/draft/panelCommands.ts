/**
 * The panel's two commands, whether they come from a key press inside the panel (Alt+Shift+R,
 * Alt+Shift+I) or from `chrome.commands` forwarded by the background while the focus is in the
 * helpdesk page. The side panel owns one `PanelCommands` and hands it to `DraftPanel`.
 */
import { useState } from 'react';

export const PANEL_COMMANDS = ['regenerate-draft', 'insert-draft'] as const;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];

export function isPanelCommand(value: unknown): value is PanelCommand {
  return typeof value === 'string' && (PANEL_COMMANDS as readonly string[]).includes(value);
}

export interface PanelCommands {
  /** Runs a command (e.g. the name a forwarded `chrome.commands` event carries); false when unknown or nobody listens. */
  run: (command: string) => boolean;
  /** DraftPanel listens while mounted; returns the way to stop. */
  listen: (handler: (command: PanelCommand) => void) => () => void;
}

export function createPanelCommands(): PanelCommands {
  const handlers = new Set<(command: PanelCommand) => void>();
  return {
    run: (command) => {
      if (!isPanelCommand(command) || handlers.size === 0) return false;
      for (const handler of handlers) handler(command);
      return true;
    },
    listen: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
}

/** One `PanelCommands` for the component's lifetime. */
export function usePanelCommands(): PanelCommands {
  const [commands] = useState(createPanelCommands);
  return commands;
}

/**
 * The command a key press means. By physical key (`code`), because Alt+Shift+R types "‰" on a Mac
 * keyboard, so `key` alone would miss it.
 */
export function panelCommandForKey(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code' | 'key'>) {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return undefined;
  if (event.code === 'KeyR' || event.key.toLowerCase() === 'r') return 'regenerate-draft' satisfies PanelCommand;
  if (event.code === 'KeyI' || event.key.toLowerCase() === 'i') return 'insert-draft' satisfies PanelCommand;
  return undefined;
}
