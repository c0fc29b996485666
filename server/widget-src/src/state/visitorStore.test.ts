// @vitest-environment jsdom
// The visitor's token and conversation survive a reload, per site key, and storage that throws or
// holds junk never breaks the widget.
import { afterEach, describe, expect, it } from 'vitest';
import { visitorStore } from './visitorStore.js';

afterEach(() => localStorage.clear());

describe('visitorStore', () => {
  it('keeps each site key apart and survives a new instance (a reload)', () => {
    visitorStore(localStorage, 'pk_aaaaaaaaaaaaaaaa').write({ visitorToken: 'vt1.a', conversationId: 'c1', open: true });
    visitorStore(localStorage, 'pk_bbbbbbbbbbbbbbbb').write({ visitorToken: 'vt1.b' });
    expect(visitorStore(localStorage, 'pk_aaaaaaaaaaaaaaaa').read()).toEqual({ visitorToken: 'vt1.a', conversationId: 'c1', open: true });
    expect(visitorStore(localStorage, 'pk_bbbbbbbbbbbbbbbb').read().visitorToken).toBe('vt1.b');
  });

  it('reads junk as nothing', () => {
    localStorage.setItem('tandem-widget:v1:pk_aaaaaaaaaaaaaaaa', '{"visitorToken":42,"open":"yes"}');
    expect(visitorStore(localStorage, 'pk_aaaaaaaaaaaaaaaa').read()).toEqual({
      visitorToken: undefined,
      conversationId: undefined,
      open: false,
    });
    localStorage.setItem('tandem-widget:v1:pk_aaaaaaaaaaaaaaaa', 'not json');
    expect(visitorStore(localStorage, 'pk_aaaaaaaaaaaaaaaa').read()).toEqual({});
  });

  it('falls back to memory when storage throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    } as unknown as Storage;
    const store = visitorStore(throwing, 'pk_aaaaaaaaaaaaaaaa');
    store.write({ visitorToken: 'vt1.m' });
    expect(store.read().visitorToken).toBe('vt1.m');
  });
});
