/**
 * What the window loads and what counts as "inside the app": the bundled console over the app
 * protocol, or a console served elsewhere when TANDEM_CONSOLE_URL is set (development against a
 * running server). Navigation and IPC are allowed only for URLs under the same origin and path.
 */
import { APP_ENTRY_URL } from './appUrl';

export interface RendererTarget {
  url: string;
  isAppUrl(url: string): boolean;
}

export class RendererTargetError extends Error {
  override name = 'RendererTargetError';
}

export function rendererTarget(env: Record<string, string | undefined> = process.env): RendererTarget {
  const configured = env.TANDEM_CONSOLE_URL?.trim();
  if (configured === undefined || configured === '') return targetFor(APP_ENTRY_URL);
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new RendererTargetError(`TANDEM_CONSOLE_URL is not a URL: '${configured}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RendererTargetError(`TANDEM_CONSOLE_URL must be an http(s) URL, got '${url.protocol}'`);
  }
  return targetFor(url.toString());
}

function targetFor(entry: string): RendererTarget {
  const base = new URL(entry);
  // Everything under the entry's folder is the app: /console/ and its client-side routes.
  const basePath = base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1);
  return {
    url: entry,
    isAppUrl(candidate) {
      let url: URL;
      try {
        url = new URL(candidate);
      } catch {
        return false;
      }
      // Compared by parts: WHATWG URL reports an opaque "null" origin for custom schemes.
      return url.protocol === base.protocol && url.host === base.host && url.pathname.startsWith(basePath);
    },
  };
}
