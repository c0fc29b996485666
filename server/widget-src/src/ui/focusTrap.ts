/**
 * Keeps keyboard focus inside the open panel: Tab from its last control goes to its first, and
 * Shift+Tab from its first to its last. The panel lives in a shadow root, so the element in focus
 * is asked of the root, not of the document (which sees only the widget's host).
 */
const FOCUSABLE = 'button:not([disabled]), a[href], textarea:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The panel's controls a visitor can reach now, in order (hidden parts skipped). */
export function focusables(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.closest('[hidden]') === null);
}

/** Handles a keydown inside `container`; returns whether it moved focus. */
export function trapTab(event: KeyboardEvent, container: HTMLElement, root: DocumentOrShadowRoot): boolean {
  if (event.key !== 'Tab') return false;
  const items = focusables(container);
  const first = items[0];
  const last = items[items.length - 1];
  if (first === undefined || last === undefined) return false;
  const active = root.activeElement;
  const inside = active instanceof HTMLElement && container.contains(active);
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault();
    last.focus();
    return true;
  }
  if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault();
    first.focus();
    return true;
  }
  return false;
}
