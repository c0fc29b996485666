/**
 * A stand-in for the two tRPC calls a draft makes, for the panel's tests: it records every start
 * and subscription, and lets a test push events, errors and reconnects into a subscription.
 */
import type { DraftEvent } from '@tandem/shared';
import type { DraftClient, DraftObserver } from './useDraft';

type StartInput = Parameters<DraftClient['assist']['start']['mutate']>[0];

export interface FakeSubscription {
  draftId: string;
  unsubscribed: boolean;
  push: (...events: DraftEvent[]) => void;
  fail: (error: unknown) => void;
  reconnecting: () => void;
}

export interface FakeDraftClient {
  client: DraftClient;
  starts: StartInput[];
  subscriptions: FakeSubscription[];
  /** Makes the next `assist.start` fail with this error. */
  failNextStart: (error: unknown) => void;
}

export function fakeDraftClient(): FakeDraftClient {
  const starts: StartInput[] = [];
  const subscriptions: FakeSubscription[] = [];
  let nextFailure: unknown;
  let failing = false;
  let sequence = 0;

  const client: DraftClient = {
    assist: {
      start: {
        mutate: (input) => {
          starts.push(input);
          if (failing) {
            failing = false;
            return Promise.reject(nextFailure instanceof Error ? nextFailure : new Error('start failed'));
          }
          sequence += 1;
          return Promise.resolve({ draftId: `dr_${sequence}` });
        },
      },
      draft: {
        subscribe: (input, observer: DraftObserver) => {
          const { draftId } = input;
          let eventId = 0;
          const subscription: FakeSubscription = {
            draftId,
            unsubscribed: false,
            push: (...events) => {
              for (const data of events) {
                eventId += 1;
                observer.onData({ id: `${draftId}:${eventId}`, data });
              }
            },
            fail: (error) => observer.onError(error),
            reconnecting: () => observer.onConnectionStateChange({ state: 'connecting', error: new Error('connection dropped') }),
          };
          subscriptions.push(subscription);
          return {
            unsubscribe: () => {
              subscription.unsubscribed = true;
            },
          };
        },
      },
    },
  };

  return {
    client,
    starts,
    subscriptions,
    failNextStart: (error) => {
      failing = true;
      nextFailure = error;
    },
  };
}
