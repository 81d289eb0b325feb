// Browser test of the issuance form's date warning (run by vn.hanoi.gdnn.webapp.IssuanceFormBrowserTest): the
// office clerk opens "Cập nhật thông tin văn bản ban hành" in Tasklist, types tomorrow as the date of issue and
// sees the form say it cannot be later than today; types yesterday and the warning is gone.
// Usage: node issuance-date-browser.mjs <baseUrl> <taskId> <user> <password> <tomorrow> <yesterday>
import { launchChromium, logIntoTasklist, openAndClaim, TIMEOUT } from './tasklist-session.mjs';

const [base, taskId, user, password, tomorrow, yesterday] = process.argv.slice(2);
const WARNING = 'Ngày ban hành không được sau ngày hôm nay.';

function step(message) {
  console.log(`[browser] ${message}`);
}

const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 1000 }, locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await logIntoTasklist(page, base, user, password);
  await openAndClaim(page, base, taskId);
  await page.locator('.fjs-form').waitFor({ timeout: TIMEOUT });
  step('the issuance form is shown');
  const date = page.getByLabel('Ngày ban hành', { exact: false }).first();
  const warning = page.getByText(WARNING);
  step(`empty date: warning shown ${await warning.isVisible()}`);

  await date.fill(tomorrow);
  await page.waitForTimeout(500);
  step(`date ${tomorrow}: warning shown ${await warning.isVisible()}`);

  await date.fill(yesterday);
  await page.waitForTimeout(500);
  step(`date ${yesterday}: warning shown ${await warning.isVisible()}`);
} finally {
  await browser.close();
}
