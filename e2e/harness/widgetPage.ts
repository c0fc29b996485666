/**
 * Drives the website widget on a page the way a visitor does: open it from its launcher, type and
 * send, and read what it shows. Playwright's CSS locators reach into the widget's open shadow root.
 */
import type { Locator, Page } from 'playwright-core';

export const widgetParts = (page: Page) => {
  const host = page.locator('tandem-widget');
  return {
    host,
    launcher: host.locator('button.launcher'),
    panel: host.locator('[role="dialog"]'),
    input: host.locator('textarea'),
    who: host.locator('.who'),
    log: host.locator('ol.log'),
    entries: host.locator('ol.log > li'),
    aiAnswers: host.locator('ol.log > li.msg.ai:not(.draft)'),
    humanReplies: host.locator('ol.log > li.msg.human'),
    notices: host.locator('ol.log > li.notice'),
    visitorMessages: host.locator('ol.log > li.msg.visitor'),
    suggestions: host.locator('.suggestions button'),
    talkToPerson: host.locator('button.human-btn'),
    stars: host.locator('.rating button.star'),
    thanks: host.locator('.rating .thanks'),
  };
};

export async function openWidget(page: Page): Promise<ReturnType<typeof widgetParts>> {
  const w = widgetParts(page);
  await w.launcher.waitFor({ state: 'visible', timeout: 20_000 });
  if ((await w.launcher.getAttribute('aria-expanded')) !== 'true') await w.launcher.click();
  await w.panel.waitFor({ state: 'visible' });
  return w;
}

/** Types a message into the composer and sends it with Enter, as a visitor does. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const w = widgetParts(page);
  await w.input.fill(text);
  await w.input.press('Enter');
}

export const textsOf = async (items: Locator): Promise<string[]> => (await items.allInnerTexts()).map((t) => t.trim());

/** What the widget keeps in the page's localStorage for a site key: the visitor's token and conversation. */
export async function storedVisitor(page: Page, siteKey: string): Promise<{ visitorToken?: string; conversationId?: string }> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(`tandem-widget:v1:${key}`) ?? '{}') as object, siteKey);
}

/**
 * Everything inside the widget's shadow root that could run or navigate somewhere: elements that
 * run or load (script, img, iframe…), `on*` attributes, and links that are not http(s).
 */
export async function activeContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('tandem-widget')?.shadowRoot;
    if (root === null || root === undefined) return ['no widget'];
    const found: string[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (
        ['script', 'img', 'iframe', 'object', 'embed', 'image', 'video', 'audio', 'form'].includes(tag) &&
        !el.classList.contains('composer')
      )
        found.push(`<${tag}>`);
      for (const name of el.getAttributeNames()) if (name.toLowerCase().startsWith('on')) found.push(`${tag}[${name}]`);
      const href = el.getAttribute('href') ?? el.getAttribute('xlink:href');
      if (href !== null && !/^https?:\/\//i.test(href)) found.push(`${tag}[href=${href}]`);
    }
    return found;
  });
}
