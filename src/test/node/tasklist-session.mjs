// What the Tasklist browser tests share: Debian's Chromium, headless, and a person signing into Tasklist and
// opening a task. Imported by the *-browser.mjs scripts (NodeTools copies this folder whole).
import { chromium } from 'playwright-core';

export const TIMEOUT = 30000;

/** Debian's Chromium (Playwright cannot download a browser here), headless, without background traffic. */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Signs into Tasklist through its own login page; done when the filters are shown. */
export async function logIntoTasklist(page, base, user, password) {
  await page.goto(`${base}/camunda/app/tasklist/default/`);
  await page.waitForLoadState('networkidle');
  // The login form may still be binding when first shown: fill until the name stays.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await page.locator('input[type=text]').fill(user);
    await page.locator('input[type=password]').fill(password);
    if (await page.locator('input[type=text]').inputValue() === user) {
      break;
    }
    await page.waitForTimeout(500);
  }
  await page.click('button[type=submit]');
  await page.locator('.task-filter').first().waitFor({ timeout: TIMEOUT });
}

/** Opens the task in Tasklist and claims it, as its holder does before working on it. */
export async function openAndClaim(page, base, taskId) {
  await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${taskId}`);
  await page.locator('button.claim').click({ timeout: TIMEOUT });
}
