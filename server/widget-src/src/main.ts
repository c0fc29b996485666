/**
 * The bundle's entry (`<script src="https://<server>/widget.js" data-site-key="pk_…" async>`):
 * reads its own script tag, mounts one `<tandem-widget>` host at the end of the page's body and
 * renders into its shadow root. The root is open, not closed: a closed root would hide the widget
 * from accessibility checkers (axe), test drivers and assistive browser extensions, while
 * protecting nothing (a script on the page shares the widget's realm and can read its storage or
 * patch attachShadow before it runs). What keeps the page's CSS out, and ours in, is the shadow
 * boundary itself, whichever the mode.
 * A signed-in page may add `data-user-id`, `data-user-hash` (its backend's HMAC) and
 * `data-user-name` for a verified visitor.
 */
import type { WidgetIdentity } from '@tandem/shared';
import { widgetApi } from './transport/api.js';
import { visitorStore } from './state/visitorStore.js';
import { setAttribute } from './ui/dom.js';
import { startWidget } from './widget.js';

function identityOf(data: DOMStringMap): WidgetIdentity | undefined {
  const { userId, userHash, userName } = data;
  if (userId === undefined || userHash === undefined || !/^[0-9a-fA-F]{64}$/.test(userHash) || userId.trim() === '') return undefined;
  return { userId: userId.trim(), userHash, ...(userName === undefined || userName.trim() === '' ? {} : { name: userName.trim() }) };
}

function pageStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function boot(script: HTMLScriptElement): void {
  const siteKey = script.dataset['siteKey'] ?? '';
  if (!/^pk_[A-Za-z0-9]{16,64}$/.test(siteKey)) return;
  // Loaded twice on one page: the first copy serves.
  if (document.querySelector(`tandem-widget[data-site-key="${siteKey}"]`) !== null) return;
  const host = document.createElement('tandem-widget');
  setAttribute(host, 'data-site-key', siteKey);
  const shadow = host.attachShadow({ mode: 'open' });
  const mount = () => {
    document.body.appendChild(host);
    void startWidget({
      api: widgetApi(new URL(script.src).origin, siteKey),
      store: visitorStore(pageStorage(), siteKey),
      host,
      shadow,
      identity: identityOf(script.dataset),
    }).then((widget) => {
      if (widget === undefined) host.remove();
    });
  };
  if (document.body === null) document.addEventListener('DOMContentLoaded', mount, { once: true });
  else mount();
}

const current = document.currentScript;
if (current instanceof HTMLScriptElement) boot(current);
