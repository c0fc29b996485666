/**
 * Where the visible helpdesk tab sits in the window: below the console's tab strip, right of its
 * navigation and left of the Copilot pane, filling the rest of the content area. Recomputed on every window resize and
 * whenever the console changes its layout; never negative, so a narrow window hides the tab
 * rather than overlapping the pane.
 */
import type { Rectangle } from 'electron';
import type { HelpdeskLayout } from '../../ipc/helpdeskChannels';

/** The console's tab strip height and Copilot pane width until it says otherwise. */
export const DEFAULT_HELPDESK_LAYOUT: HelpdeskLayout = { top: 44, copilotWidth: 420 };

export function helpdeskViewBounds(contentSize: readonly [number, number], layout: HelpdeskLayout): Rectangle {
  const [width, height] = contentSize;
  const top = Math.min(layout.top, Math.max(0, height));
  const left = Math.min(layout.left ?? 0, Math.max(0, width));
  return {
    x: left,
    y: top,
    width: Math.max(0, Math.floor(width - left - layout.copilotWidth)),
    height: Math.max(0, Math.floor(height - top)),
  };
}
