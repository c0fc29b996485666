/**
 * What survives a page reload, in the page's localStorage under one key per site key (so two
 * widgets of different sites on one origin never share a visitor): the signed visitor token, the
 * conversation being followed and whether the panel was open. A page that forbids storage
 * (private modes, blocked third-party storage) still gets a working widget for the page's life.
 */
export interface StoredVisitor {
  visitorToken?: string | undefined;
  conversationId?: string | undefined;
  open?: boolean | undefined;
}

const PREFIX = 'tandem-widget:v1:';

export interface VisitorStore {
  read(): StoredVisitor;
  write(patch: StoredVisitor): void;
  clear(): void;
}

export function visitorStore(storage: Storage | undefined, siteKey: string): VisitorStore {
  const key = PREFIX + siteKey;
  let memory: StoredVisitor = {};

  function read(): StoredVisitor {
    try {
      const raw = storage?.getItem(key);
      if (raw === null || raw === undefined) return memory;
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null) return memory;
      const v = parsed as Record<string, unknown>;
      // Whatever else a script on the page put there is ignored.
      return {
        visitorToken: typeof v['visitorToken'] === 'string' && v['visitorToken'].length <= 1000 ? v['visitorToken'] : undefined,
        conversationId: typeof v['conversationId'] === 'string' && v['conversationId'].length <= 100 ? v['conversationId'] : undefined,
        open: v['open'] === true,
      };
    } catch {
      return memory;
    }
  }

  return {
    read,
    write(patch) {
      memory = { ...read(), ...patch };
      try {
        storage?.setItem(key, JSON.stringify(memory));
      } catch {
        // Storage full or forbidden: the memory copy lasts as long as the page.
      }
    },
    clear() {
      memory = {};
      try {
        storage?.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}
