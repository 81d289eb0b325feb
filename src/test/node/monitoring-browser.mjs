// Browser test of the inbox and the dashboard (run by vn.hanoi.gdnn.monitoring.MonitoringBrowserTest):
// 1) a staff member opens a task from "Việc của đơn vị", sees the Camunda Form in Vietnamese and submits it;
// 2) a leader signs off from "Chờ ký / phê duyệt"; 3) a manager sees the deliverable's new state in Cockpit.
// Usage: node monitoring-browser.mjs <baseUrl> <deliverableCode> <password> <screenshotDir> <staff> <leader> <manager>
import { chromium } from 'playwright-core';

const [base, code, password, shots, staff, leader, manager] = process.argv.slice(2);
const TIMEOUT = 30000;

function step(message) {
  console.log(`[browser] ${message}`);
}

async function login(page, app, user) {
  await page.goto(`${base}/camunda/app/${app}/default/`);
  await page.waitForLoadState('networkidle');
  const name = page.locator('input[type=text]');
  const secret = page.locator('input[type=password]');
  // The login form can be re-rendered while the app boots: fill until both fields hold what was typed.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await name.fill(user);
    await secret.fill(password);
    if (await name.inputValue() === user && await secret.inputValue() === password) {
      break;
    }
    await page.waitForTimeout(500);
  }
  await page.click('button[type=submit]');
}

async function openTask(page, filterName, taskName, listShot) {
  await page.locator('.task-filter h4.name a', { hasText: filterName }).first().click();
  const item = page.locator('ol.tasks-list li.task', { hasText: code }).filter({ hasText: taskName }).first();
  await item.waitFor({ timeout: TIMEOUT });
  if (listShot) {
    await page.screenshot({ path: `${shots}/${listShot}` });
  }
  await item.locator('h4.task a').click();
  await page.locator('button.claim').click();
  await page.locator('.fjs-form').waitFor({ timeout: TIMEOUT });
}

async function complete(page) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/submit-form'), { timeout: TIMEOUT }),
    page.getByRole('button', { name: 'Hoàn thành', exact: true }).click(),
  ]);
  if (response.status() !== 204) {
    throw new Error(`submitting the form answered ${response.status()}: ${await response.text()}`);
  }
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let page;
try {
  const viewport = { width: 1366, height: 860 };

  step(`staff ${staff} opens the draft of ${code} from "Việc của đơn vị"`);
  let context = await browser.newContext({ viewport, locale: 'vi-VN' });
  page = await context.newPage();
  await login(page, 'tasklist', staff);
  await openTask(page, 'Việc của đơn vị', 'Soạn dự thảo văn bản', 'monitoring-0-unit-inbox.png');
  const labels = await page.locator('.fjs-form-field-label').allInnerTexts();
  if (!labels.some((l) => l.includes('Tóm tắt nội dung dự thảo'))) {
    throw new Error(`form labels are not the Vietnamese ones: ${labels.join(' | ')}`);
  }
  await page.locator('.fjs-form textarea').first().fill('Dự thảo Quyết định ban hành Kế hoạch truyền thông');
  await page.getByLabel('Số trang của dự thảo').fill('12');
  await page.screenshot({ path: `${shots}/monitoring-1-staff-form.png` });
  await complete(page);
  step('staff submitted the form');
  await context.close();

  step(`leader ${leader} signs off from "Chờ ký / phê duyệt"`);
  context = await browser.newContext({ viewport, locale: 'vi-VN' });
  page = await context.newPage();
  await login(page, 'tasklist', leader);
  await openTask(page, 'Chờ ký / phê duyệt', 'Lãnh đạo ký duyệt dự thảo');
  await page.locator('.fjs-form textarea').first().fill('Đồng ý ban hành.');
  await page.screenshot({ path: `${shots}/monitoring-2-leader-sign-off.png` });
  await complete(page);
  step('leader signed off');
  await context.close();

  step(`manager ${manager} opens the Cockpit dashboard`);
  context = await browser.newContext({ viewport: { width: 1366, height: 1400 }, locale: 'vi-VN' });
  page = await context.newPage();
  await login(page, 'cockpit', manager);
  const dashboard = page.locator('.gdnn-dashboard');
  await dashboard.waitFor({ timeout: TIMEOUT });
  const line = dashboard.locator('.gdnn-deliverable', { hasText: code }).first();
  await line.waitFor({ timeout: TIMEOUT });
  const text = await line.innerText();
  if (!text.includes('Vào sổ, phát hành văn bản')) {
    throw new Error(`dashboard does not show the deliverable's new step: ${text}`);
  }
  const href = await line.locator('a').first().getAttribute('href');
  if (!href || !href.startsWith('#/process-instance/')) {
    throw new Error(`no link to the process instance: ${href}`);
  }
  await dashboard.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/monitoring-3-manager-dashboard.png`, fullPage: true });
  console.log(`[browser] DASHBOARD ${text.replace(/\s+/g, ' ')}`);
  await context.close();
  step('done');
} catch (error) {
  if (page) {
    await page.screenshot({ path: `${shots}/../../target/monitoring-browser-failure.png`, fullPage: true })
      .catch(() => {});
  }
  console.error(`[browser] FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
