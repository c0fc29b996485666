/**
 * Marks the panel's first paint after opening (a `tandem:panel-painted` performance mark, taken in
 * the first animation frame after React committed), so the panel benchmark reads when the agent
 * first sees the panel rather than when its script started.
 */
import { useEffect } from 'react';

export const PANEL_PAINT_MARK = 'tandem:panel-painted';

export function usePanelPaintMark(): void {
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      // A frame's callback runs before that frame paints; the next task runs after it.
      setTimeout(() => {
        if (performance.getEntriesByName(PANEL_PAINT_MARK).length === 0) performance.mark(PANEL_PAINT_MARK);
      }, 0);
    });
    return () => cancelAnimationFrame(frame);
  }, []);
}
