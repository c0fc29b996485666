/**
 * Tells main where the helpdesk web view goes: below the Copilot screen's tab strip, from the
 * strip's left edge (so the console's navigation stays visible) to its Copilot pane, measured from
 * the real elements in window coordinates (`copilotWidth` is everything right of the pane's left
 * edge). Sent on mount and
 * whenever either element, the window or the scroll position moves them; unchanged layouts are
 * not resent.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { HelpdeskBridge, HelpdeskLayout } from '../../ipc/helpdeskChannels';

/** Main refuses layouts outside these (helpdeskLayoutSchema): clamp rather than lose the update. */
const MAX_TOP = 400;
const MAX_LEFT = 1000;
const MAX_WIDTH = 4000;

function clamp(value: number, max: number): number {
  return Math.min(max, Math.max(0, Math.round(value)));
}

export function measureHelpdeskLayout(strip: HTMLElement, pane: HTMLElement): HelpdeskLayout {
  return {
    top: clamp(strip.getBoundingClientRect().bottom, MAX_TOP),
    left: clamp(strip.getBoundingClientRect().left, MAX_LEFT),
    copilotWidth: clamp(window.innerWidth - pane.getBoundingClientRect().left, MAX_WIDTH),
  };
}

export function useHelpdeskLayout(
  bridge: HelpdeskBridge,
  strip: RefObject<HTMLElement>,
  pane: RefObject<HTMLElement>,
  /** Anything that may move the elements without resizing them (which tab is shown). */
  layoutKey: string,
): void {
  const sent = useRef<string>();

  useEffect(() => {
    const send = () => {
      if (strip.current === null || pane.current === null) return;
      const layout = measureHelpdeskLayout(strip.current, pane.current);
      const key = `${layout.top}:${layout.left ?? 0}:${layout.copilotWidth}`;
      if (key === sent.current) return;
      sent.current = key;
      void bridge.setLayout(layout);
    };
    send();
    window.addEventListener('resize', send);
    window.addEventListener('scroll', send, true);
    // jsdom and old engines have no ResizeObserver; the window events still cover resizes there.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(send);
    for (const element of [strip.current, pane.current, document.body]) if (element !== null) observer?.observe(element);
    return () => {
      window.removeEventListener('resize', send);
      window.removeEventListener('scroll', send, true);
      observer?.disconnect();
    };
  }, [bridge, strip, pane, layoutKey]);
}
