/**
 * Signs in to the console at /console the way a lead does: the sign-in form fills in the server it
 * was served from (waited for, so a fill cannot race it), then the token, then Sign in. Used by
 * the console e2e files and the desktop follow bench.
 */
import type { Page } from 'playwright-core';

export async function signInToConsole(page: Page, serverUrl: string, token: string): Promise<void> {
  await page.goto(`${serverUrl}/console/`);
  await page.waitForFunction(
    (url) => (document.querySelector('[data-testid="server-url"]') as HTMLInputElement | null)?.value === url,
    serverUrl,
  );
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('sign-in').click();
}
