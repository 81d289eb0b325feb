// Browser test of a Camunda Form with a dynamic list (run by vn.hanoi.gdnn.procedure.ConsolidationBrowserTest):
// the drafting unit opens "Tiếp thu, giải trình ý kiến góp ý" in Tasklist, chooses how a reply is handled ("Hoàn
// thành" must then be enabled), writes the note and completes the form (the server accepts it).
// Usage: node consolidation-browser.mjs <baseUrl> <taskId> <user> <password> <screenshot>
import { chromium } from 'playwright-core';

const [base, taskId, user, password, shot] = process.argv.slice(2);
const TIMEOUT = 30000;

function step(message) {
  console.log(`[browser] ${message}`);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 1000 }, locale: 'vi-VN' });
  const submitted = [];
  page.on('request', (r) => { if (r.url().includes('/submit-form')) submitted.push(r.postData()); });
  await page.goto(`${base}/camunda/app/tasklist/default/`);
  await page.waitForLoadState('networkidle');
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
  await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${taskId}`);
  await page.locator('button.claim').click({ timeout: TIMEOUT });
  await page.locator('.fjs-form-field-dynamiclist').waitFor({ timeout: TIMEOUT });
  step('form with its dynamic list is shown');

  const complete = page.getByRole('button', { name: 'Hoàn thành', exact: true });
  await page.getByLabel('Giải trình', { exact: true }).first().check();
  await page.waitForTimeout(500);
  if (await complete.isDisabled()) {
    throw new Error('"Hoàn thành" stays disabled after a choice in the dynamic list');
  }
  const note = page.locator('.fjs-form-field-dynamiclist textarea:not([readonly])').first();
  await note.click();
  await page.keyboard.type('Kinh phí được bố trí trong dự toán năm 2026 của Thành phố.');
  await page.locator('.fjs-form-field-label', { hasText: 'Ghi chú tổng hợp' }).click(); // leave the field
  await page.waitForTimeout(500);
  const messages = await page.locator('.fjs-form-field-error li').allInnerTexts();
  if (messages.length) {
    throw new Error(`form-js still shows: ${messages.join(' | ')}`);
  }
  await page.screenshot({ path: shot });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/submit-form'), { timeout: TIMEOUT }),
    complete.click(),
  ]);
  step(`with the note: the server answered ${response.status()}`);
  step(`sent: ${submitted[0]}`);
  if (response.status() !== 204) {
    throw new Error(`submitting the form answered ${response.status()}: ${await response.text()}`);
  }
} finally {
  await browser.close();
}
