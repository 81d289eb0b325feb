// Browser test of the inbox and the dashboard on a real deliverable of the plan (run by
// vn.hanoi.gdnn.monitoring.MonitoringBrowserTest):
// 1) a staff member of the lead unit opens the deliverable's tasks from "Việc của đơn vị", sees the Camunda Forms
//    in Vietnamese and submits them; 2) a leader approves from "Chờ ký / phê duyệt"; 3) the plan manager sees the
//    deliverable's new step on the Cockpit dashboard; the leader also opens Tasklist's page "Kết quả thực hiện của
//    đơn vị" (their unit's figures of last month and the 12-month trend), which staff do not see. Demo users: the password is the user id.
// Usage: node monitoring-browser.mjs <baseUrl> <businessKey> <screenshotDir> <staff> <leader> <manager>
import { chromium } from 'playwright-core';

const [base, key, shots, staff, leader, manager] = process.argv.slice(2);
const TIMEOUT = 30000;

function step(message) {
  console.log(`[browser] ${message}`);
}

async function login(page, app, user) {
  const password = user;
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

// Opens the filter, narrows the list to the deliverable (Tasklist's search on the business key, as a clerk types
// it) and opens the task of the given step.
async function openTask(page, filterName, stepName, listShot) {
  await page.locator('.task-filter h4.name a', { hasText: filterName }).first().click();
  await page.waitForURL(/filter=/, { timeout: TIMEOUT });
  const url = new URL(page.url());
  const [path, query] = url.hash.split('?');
  const params = new URLSearchParams(query || '');
  params.set('searchQuery', JSON.stringify([{ type: 'processInstanceBusinessKey', operator: 'eq', value: key,
    name: '' }]));
  params.delete('task');
  await page.goto(`${url.origin}${url.pathname}${path}?${params.toString()}`);
  const item = page.locator('ol.tasks-list li.task').filter({ hasText: stepName }).first();
  await item.waitFor({ timeout: TIMEOUT });
  if (listShot) {
    await page.mouse.move(900, 600); // no tooltip over the list
    await page.screenshot({ path: `${shots}/${listShot}` });
  }
  await item.locator('h4.task a').click();
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/claim'), { timeout: TIMEOUT }),
    page.locator('button.claim').click(),
  ]);
  await page.locator('button.claim').waitFor({ state: 'detached', timeout: TIMEOUT });
  await page.locator('.fjs-form').waitFor({ timeout: TIMEOUT });
  await page.waitForLoadState('networkidle');
}

async function requireLabels(page, expected) {
  const labels = await page.locator('.fjs-form-field-label').allInnerTexts();
  for (const label of expected) {
    if (!labels.some((l) => l.includes(label))) {
      throw new Error(`form label "${label}" missing; the form shows: ${labels.join(' | ')}`);
    }
  }
}

// Submits the form. Tasklist may still be re-rendering the form after the claim when the button is first
// clicked; the click is repeated (at most three times) until the submission reaches the server.
async function complete(page) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/submit-form'), { timeout: 5000 }),
        page.getByRole('button', { name: 'Hoàn thành', exact: true }).click(),
      ]);
      if (response.status() !== 204) {
        throw new Error(`submitting the form answered ${response.status()}: ${await response.text()}`);
      }
      return;
    } catch (error) {
      if (attempt >= 3 || error.message.startsWith('submitting the form answered')) {
        throw error;
      }
      step(`no submission after click ${attempt}, clicking again`);
    }
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

  step(`staff ${staff} opens the plan of ${key} from "Việc của đơn vị"`);
  let context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
  await login(page, 'tasklist', staff);
  await openTask(page, 'Việc của đơn vị', 'Xây dựng kế hoạch tổ chức hoạt động', 'monitoring-0-unit-inbox.png');
  await requireLabels(page, ['Mã nhiệm vụ', 'Nhiệm vụ', 'Dự thảo (số, tên hoặc đường dẫn tệp)']);
  await page.getByLabel('Dự thảo (số, tên hoặc đường dẫn tệp)').fill('Dự thảo Kế hoạch tổ chức các hoạt động truyền thông năm 2026');
  await page.getByLabel('Tóm tắt nội dung chính').fill('Tọa đàm, cuộc thi và chương trình truyền hình về giáo dục nghề nghiệp.');
  await page.screenshot({ path: `${shots}/monitoring-1-staff-form.png` });
  await complete(page);
  step('staff submitted the plan');
  await openTask(page, 'Việc của đơn vị', 'Lập dự toán kinh phí');
  await requireLabels(page, ['Kết quả thực hiện']);
  await page.getByLabel('Kết quả thực hiện').fill('Dự toán kinh phí 850 triệu đồng từ ngân sách sự nghiệp giáo dục.');
  await complete(page);
  step('staff submitted the budget');
  if (await page.locator('#gdnn-unit-performance-button').count() !== 0) {
    throw new Error('staff see the leaders\' button "Kết quả thực hiện của đơn vị"');
  }
  await context.close();

  step(`leader ${leader} approves from "Chờ ký / phê duyệt"`);
  context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
  await login(page, 'tasklist', leader);
  await openTask(page, 'Chờ ký / phê duyệt', 'Phê duyệt kế hoạch và dự toán kinh phí');
  await requireLabels(page, ['Ý kiến của lãnh đạo']);
  await page.getByLabel('Phê duyệt', { exact: true }).check();
  await page.screenshot({ path: `${shots}/monitoring-2-leader-sign-off.png` });
  await complete(page);
  step('leader approved');

  step(`leader ${leader} opens "Kết quả thực hiện của đơn vị" (their unit, last month)`);
  await page.getByRole('button', { name: 'Kết quả thực hiện của đơn vị' }).click();
  const own = page.locator('#gdnn-unit-performance');
  const figures = own.locator('table.gdnn-unit-figures');
  await figures.waitFor({ timeout: TIMEOUT });
  const heading = await own.locator('h5').first().innerText();
  if (!heading.includes('Sở Giáo dục và Đào tạo') || !/Tháng \d{2}\/\d{4}/.test(heading)
    || !/từ ngày 01\/\d{2}\/\d{4}/.test(heading)) {
    throw new Error(`the page does not name the unit and the month: ${heading}`);
  }
  for (const label of ['Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Số ngày làm việc quá hạn',
    'Đang xử lý, đã quá hạn', 'Đang xử lý, chưa đến hạn', 'Tỷ lệ đúng hạn', 'Số nhiệm vụ liên quan']) {
    if (await figures.locator('tbody tr th', { hasText: label }).count() !== 1) {
      throw new Error(`the unit's figures have no row "${label}"`);
    }
  }
  const trendRows = own.locator('table.gdnn-unit-trend tbody tr');
  if ((await trendRows.count()) !== 12) {
    throw new Error(`the unit's trend does not have 12 months: ${await trendRows.count()}`);
  }
  if (await own.locator('a.gdnn-unit-xlsx').count() !== 1) {
    throw new Error('no XLSX download on the unit\'s page');
  }
  await page.screenshot({ path: `${shots}/monitoring-6-leader-unit-figures.png` });
  console.log(`[browser] LEADER-UNIT ${heading} | ${(await figures.locator('tbody tr').first().innerText())
    .replace(/\s+/g, ' ')}`);
  await context.close();

  step(`manager ${manager} opens the Cockpit dashboard`);
  context = await browser.newContext({ viewport: { width: 1366, height: 1300 }, locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
  await login(page, 'cockpit', manager);
  const dashboard = page.locator('.gdnn-dashboard:not(.gdnn-units)');
  await dashboard.waitFor({ timeout: TIMEOUT });
  const line = dashboard.locator('.gdnn-deliverable', { hasText: `${key} — ` }).first();
  await line.waitFor({ timeout: TIMEOUT });
  const text = await line.innerText();
  if (!text.includes('Tổ chức thực hiện các hoạt động')) {
    throw new Error(`dashboard does not show the deliverable's new step: ${text}`);
  }
  const href = await line.locator('a').first().getAttribute('href');
  if (!href || !href.startsWith('#/process-instance/')) {
    throw new Error(`no link to the process instance: ${href}`);
  }
  await page.evaluate(() => window.scrollTo(0, 0)); // totals and the first area, where the deliverable is
  await page.mouse.move(1300, 200);
  await page.screenshot({ path: `${shots}/monitoring-3-manager-dashboard.png` });
  await line.evaluate((node) => node.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `${shots}/monitoring-4-dashboard-deliverable.png` });
  console.log(`[browser] DASHBOARD ${text.replace(/\s+/g, ' ')}`);

  step('manager reads the units\' ranking and trend charts and the numbers behind them');
  const units = page.locator('.gdnn-units');
  await units.waitFor({ timeout: TIMEOUT });
  await units.locator('canvas.gdnn-trend-chart').waitFor({ timeout: TIMEOUT });
  const drawn = await page.waitForFunction(() => window.Chart
    && window.Chart.getChart(document.querySelector('canvas.gdnn-trend-chart')) !== undefined, null,
  { timeout: TIMEOUT });
  if (!drawn) {
    throw new Error('the trend chart was not drawn');
  }
  const trendBlock = units.locator('.gdnn-chart-block', { has: page.locator('canvas.gdnn-trend-chart') });
  await trendBlock.locator('.gdnn-show-numbers').click();
  const months = trendBlock.locator('.gdnn-trend-table tbody tr');
  await months.first().waitFor({ timeout: TIMEOUT });
  if ((await months.count()) !== 12) {
    throw new Error(`the trend's numbers do not have 12 months: ${await months.count()}`);
  }
  const unitRows = units.locator('.gdnn-units-table tbody tr[data-unit="so-gddt"]').last();
  console.log(`[browser] UNITS ${(await unitRows.innerText()).replace(/\s+/g, ' ')}`);
  await units.evaluate((node) => node.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${shots}/monitoring-5-units-charts.png` });
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
