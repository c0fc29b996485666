/**
 * What became of drafts inserted into the app's helpdesk tabs (sent as is, edited, discarded)
 * goes to the server's assist.feedback, as the extension's background does for the side panel.
 * An outcome the server cannot take now waits in memory and goes out after the next one that
 * gets through.
 */
import { useEffect, useRef } from 'react';
import type { DraftFeedback } from '@tandem/shared';
import type { HelpdeskBridge } from '../../ipc/helpdeskChannels';

export interface OutcomeFeedbackClient {
  assist: { feedback: { mutate: (input: DraftFeedback) => Promise<unknown> } };
}

/** Enough for a long outage of a busy agent; beyond it the oldest outcome is dropped. */
const MAX_WAITING = 200;

export function useHelpdeskDraftOutcomes(bridge: HelpdeskBridge, client: OutcomeFeedbackClient): void {
  const waiting = useRef<DraftFeedback[]>([]);
  const clientRef = useRef(client);
  useEffect(() => {
    clientRef.current = client;
  });

  useEffect(() => {
    const deliver = async (feedback: DraftFeedback) => {
      try {
        await clientRef.current.assist.feedback.mutate(feedback);
      } catch {
        waiting.current = [...waiting.current, feedback].slice(-MAX_WAITING);
        return;
      }
      while (waiting.current.length > 0) {
        const [next, ...rest] = waiting.current;
        if (next === undefined) break;
        try {
          await clientRef.current.assist.feedback.mutate(next);
        } catch {
          return;
        }
        waiting.current = rest;
      }
    };
    return bridge.onDraftOutcome(({ draftId, outcome, keptRatio }) => void deliver({ draftId, outcome, keptRatio }));
  }, [bridge]);
}
