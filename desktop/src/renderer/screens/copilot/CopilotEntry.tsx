/**
 * The Copilot screen, loaded when first opened: the shared panel's styles come with it, so the
 * console's other screens do not load them until someone uses the copilot.
 */
import { lazy, Suspense } from 'react';

const CopilotScreen = lazy(async () => ({ default: (await import('../CopilotScreen')).CopilotScreen }));

export function CopilotEntry() {
  return (
    <Suspense fallback={<p className="muted">Loading the copilot…</p>}>
      <CopilotScreen />
    </Suspense>
  );
}
