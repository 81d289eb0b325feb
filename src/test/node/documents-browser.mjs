// Browser test of the Tasklist "Tài liệu" tab (run by vn.hanoi.gdnn.webapp.DocumentsBrowserTest): a consulted
// unit opens "Lấy ý kiến" in Tasklist, answers "Đồng ý" and tries to complete it without its reply attached (the
// server refuses, Tasklist shows the Vietnamese message), opens the "Tài liệu" tab, sees a wrong file refused with
// the server's message, attaches a real DOCX, downloads it back, and completes the step.
// Usage: node documents-browser.mjs <baseUrl> <taskId> <user> <password> <docx> <wrongFile> <screenshot>
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { launchChromium, logIntoTasklist, openAndClaim, TIMEOUT } from './tasklist-session.mjs';

const [base, taskId, user, password, docx, wrongFile, shot] = process.argv.slice(2);

function step(message) {
  console.log(`[browser] ${message}`);
}

const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 1000 }, locale: 'vi-VN',
    acceptDownloads: true });
  const page = await context.newPage();
  const choosers = chooserQueue(page);
  await logIntoTasklist(page, base, user, password);
  await openAndClaim(page, base, taskId);
  await page.locator('.fjs-form').waitFor({ timeout: TIMEOUT });
  step('task claimed, its form is shown');

  const complete = page.getByRole('button', { name: 'Hoàn thành', exact: true });
  const fillForm = async () => {
    await page.locator('.fjs-form').waitFor({ timeout: TIMEOUT });
    const agree = page.getByLabel('Đồng ý', { exact: true });
    if (!(await agree.isChecked())) {
      await agree.check();
    }
    // "Đồng ý" needs no comment: the form hides the field.
    await page.locator('.fjs-form-field-label', { hasText: 'Ý kiến của cơ quan, đơn vị' }).click();
    await page.waitForTimeout(300);
  };

  await fillForm();
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/submit-form'), { timeout: TIMEOUT }),
    complete.click(),
  ]);
  if (refused.status() !== 400) {
    throw new Error(`completing without the document answered ${refused.status()}: ${await refused.text()}`);
  }
  const refusal = page.getByText(/cần đính kèm văn bản góp ý/).first();
  await refusal.waitFor({ timeout: TIMEOUT });
  step(`without a document the server answered 400 and Tasklist shows: ${(await refusal.innerText()).trim()}`);

  await page.locator('.nav-tabs a', { hasText: 'Tài liệu' }).click();
  const state = page.locator('.gdnn-doc-required');
  await state.waitFor({ timeout: TIMEOUT });
  step(`the tab says: ${(await state.innerText()).trim()}`);
  if ((await state.getAttribute('data-attached')) !== 'false') {
    throw new Error('the tab shows the requirement as met before anything was attached');
  }

  if (!(await page.getByText('Chọn tệp…').isVisible())) {
    throw new Error('the Vietnamese file button is not shown');
  }
  // By keyboard only: from the kind, Tab reaches the "Chọn tệp…" button, Space opens the browser's file chooser.
  await pickByKeyboard(page, choosers, ' ', wrongFile);
  await page.keyboard.press('Tab');
  await expectFocused(page, 'gdnn-doc-attach');
  await page.keyboard.press('Enter');
  const wrong = page.locator('.gdnn-doc-message.alert-danger');
  await wrong.waitFor({ timeout: TIMEOUT });
  step(`a wrong file is refused with: ${(await wrong.innerText()).trim()}`);

  await pickByKeyboard(page, choosers, 'Enter', docx);
  await page.keyboard.press('Tab');
  await expectFocused(page, 'gdnn-doc-attach');
  const [uploaded] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/plugin/gdnn-documents/') && r.request().method() === 'POST',
      { timeout: TIMEOUT }),
    page.keyboard.press('Enter'),
  ]);
  step(`attaching ${basename(docx)}: the server answered ${uploaded.status()}`);
  if (uploaded.status() !== 201) {
    throw new Error(`attaching answered ${uploaded.status()}: ${await uploaded.text()}`);
  }
  const done = page.locator('.gdnn-doc-message.alert-success');
  await done.waitFor({ timeout: TIMEOUT });
  step(`the tab says: ${(await done.innerText()).trim()}`);
  if ((await page.locator('.gdnn-doc-required').getAttribute('data-attached')) !== 'true') {
    throw new Error('the requirement is not shown as met after the upload');
  }
  const row = page.locator('.gdnn-doc-row', { hasText: basename(docx) });
  step(`listed: ${(await row.innerText()).replace(/\s+/g, ' ').trim()}`);
  step(`uploader shown: ${(await row.locator('.gdnn-doc-uploader').innerText()).trim()}`);
  await page.screenshot({ path: shot });

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: TIMEOUT }),
    row.locator('a.gdnn-doc-download').click(),
  ]);
  const saved = await download.path();
  if (!readFileSync(saved).equals(readFileSync(docx))) {
    throw new Error(`the downloaded file (${statSync(saved).size} bytes) differs from the attached one`);
  }
  step(`downloaded ${download.suggestedFilename()}: the same ${statSync(saved).size} bytes`);

  await page.locator('.nav-tabs a', { hasText: 'Biểu mẫu' }).click();
  await fillForm();
  const [accepted] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/submit-form'), { timeout: TIMEOUT }),
    complete.click(),
  ]);
  step(`with the document: the server answered ${accepted.status()}`);
  if (accepted.status() !== 204) {
    throw new Error(`completing with the document answered ${accepted.status()}: ${await accepted.text()}`);
  }
} finally {
  await browser.close();
}

/**
 * The page's file choosers, caught by one listener kept for the page's whole life. Playwright intercepts the
 * browser's chooser only while a "filechooser" listener exists, and switches that on without waiting: with a
 * listener added just before the key press (waitForEvent), a press that wins the race opens headless Chromium's
 * own chooser, which nobody answers and which blocks every later one; the listener's removal after each event
 * switches interception off again (CI, 02/12/2026: the first or the second chooser, now and then).
 */
function chooserQueue(page) {
  let waiting = null;
  page.on('filechooser', (chooser) => waiting?.(chooser));
  return {
    /** The next chooser the page opens; ask before the key press that opens it. */
    next() {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting = null;
          reject(new Error(`no file chooser opened within ${TIMEOUT} ms`));
        }, TIMEOUT);
        waiting = (chooser) => {
          clearTimeout(timer);
          waiting = null;
          resolve(chooser);
        };
      });
    },
  };
}

/** Tab from the kind to the file button, open the chooser with the key, choose the file; the name is shown. */
async function pickByKeyboard(page, choosers, key, path) {
  await page.locator('.gdnn-doc-kind').focus();
  await page.keyboard.press('Tab');
  const name = await expectFocused(page, 'gdnn-doc-pick');
  const opened = choosers.next();
  await page.keyboard.press(key);
  const chooser = await opened;
  await chooser.setFiles(path);
  await page.locator('.gdnn-doc-chosen', { hasText: basename(path) }).waitFor({ timeout: TIMEOUT });
  step(`by keyboard: Tab reached "${name}", ${key === ' ' ? 'Space' : key} opened the file chooser, `
    + `${basename(path)} chosen`);
}

/** The focused element must carry the class; returns its accessible name (aria-label, else its text). */
async function expectFocused(page, cls) {
  const focused = await page.evaluate(() => {
    const a = document.activeElement;
    return a ? { cls: a.className, name: a.getAttribute('aria-label') || a.textContent.trim() } : null;
  });
  if (!focused || !String(focused.cls).split(/\s+/).includes(cls)) {
    throw new Error(`expected the focus on .${cls}, it is on ${JSON.stringify(focused)}`);
  }
  return focused.name;
}
