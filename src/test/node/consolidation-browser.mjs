// Browser test of a Camunda Form with a dynamic list (run by vn.hanoi.gdnn.procedure.ConsolidationBrowserTest):
// the drafting unit opens "Tiếp thu, giải trình ý kiến góp ý" in Tasklist, chooses how a reply is handled ("Hoàn
// thành" must then be enabled), writes the note and completes the form (the server accepts it).
// Usage: node consolidation-browser.mjs <baseUrl> <taskId> <user> <password> <screenshot>
import { launchChromium, logIntoTasklist, openAndClaim, TIMEOUT } from './tasklist-session.mjs';

const [base, taskId, user, password, shot] = process.argv.slice(2);

function step(message) {
  console.log(`[browser] ${message}`);
}

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 1000 }, locale: 'vi-VN' });
  const submitted = [];
  page.on('request', (r) => { if (r.url().includes('/submit-form')) submitted.push(r.postData()); });
  await logIntoTasklist(page, base, user, password);
  await openAndClaim(page, base, taskId);
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
