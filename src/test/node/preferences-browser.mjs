// Browser test of Tasklist's page "Nhận thông báo" (run by vn.hanoi.gdnn.notification.PreferencesBrowserTest): a
// person signs in to Tasklist, opens the panel, sees their current choice, chooses "Chỉ nhận thư tổng hợp hằng
// ngày", saves, reloads the page, opens the panel again and finds the choice kept.
// Usage: node preferences-browser.mjs <baseUrl> <user> <password> <mode to choose>
import { launchChromium, logIntoTasklist, TIMEOUT } from './tasklist-session.mjs';

const [base, user, password, mode] = process.argv.slice(2);

function step(message) {
  console.log(`[browser] ${message}`);
}

async function openPanel(page) {
  await page.locator('#gdnn-notification-button').click({ timeout: TIMEOUT });
  const panel = page.locator('#gdnn-notification-preferences');
  await panel.locator('input[name="gdnn-mode"]').first().waitFor({ timeout: TIMEOUT });
  return panel;
}

async function chosen(panel) {
  const checked = panel.locator('input[name="gdnn-mode"]:checked');
  if ((await checked.count()) !== 1) {
    throw new Error(`expected one choice checked, found ${await checked.count()}`);
  }
  const value = await checked.getAttribute('value');
  const label = (await checked.locator('xpath=..').innerText()).trim();
  return { value, label };
}

const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 1000 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await logIntoTasklist(page, base, user, password);
  step(`signed in as ${user}; the button reads "${(await page.locator('#gdnn-notification-button').innerText()).trim()}"`);

  let panel = await openPanel(page);
  const before = await chosen(panel);
  step(`before: ${before.value} (${before.label})`);
  await panel.locator(`input[name="gdnn-mode"][value="${mode}"]`).check();
  const [saved] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/gdnn-notifications/default/preferences')
      && r.request().method() === 'PUT', { timeout: TIMEOUT }),
    panel.getByRole('button', { name: 'Lưu', exact: true }).click(),
  ]);
  step(`saving: the server answered ${saved.status()}`);
  await panel.getByText('Đã lưu lựa chọn.').waitFor({ timeout: TIMEOUT });
  step('the panel says: Đã lưu lựa chọn.');

  await page.reload();
  await page.waitForLoadState('networkidle');
  await page.locator('.task-filter').first().waitFor({ timeout: TIMEOUT });
  panel = await openPanel(page);
  const after = await chosen(panel);
  step(`after reloading: ${after.value} (${after.label})`);
} finally {
  await browser.close();
}
