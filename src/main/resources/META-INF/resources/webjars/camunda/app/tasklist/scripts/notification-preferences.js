/*
 * Tasklist page "Nhận thông báo": each person chooses how they hear of their work — mails at once, the daily
 * digest, both, or none (docs/notifications.md). A Tasklist custom script (customScripts in config.js): a button
 * in the bottom-left corner opens a small panel (the right side holds the form's "Complete" button). Data: GET/PUT {api}/cockpit/plugin/gdnn-notifications/default/preferences
 * with the Tasklist session and its XSRF token (webapp.PreferencesPluginResource; the same rules as
 * /api/notifications/preferences).
 */

const URL = '/camunda/api/cockpit/plugin/gdnn-notifications/default/preferences';
const LOCALE_KEY = 'gdnn.webapp.locale';

function english() {
  try {
    return window.localStorage.getItem(LOCALE_KEY) === 'en';
  } catch (e) {
    return false;
  }
}

const TEXT = english()
  ? { button: 'Notifications', title: 'How I hear of my work', save: 'Save', close: 'Close', saved: 'Saved.',
      noMail: 'You have no e-mail address in the system: ask an administrator to add it.',
      off: 'The system sends no e-mails at the moment (no mail server configured).', failed: 'Could not save: ' }
  : { button: 'Nhận thông báo', title: 'Cách nhận thông báo công việc', save: 'Lưu', close: 'Đóng',
      saved: 'Đã lưu lựa chọn.', noMail: 'Tài khoản chưa có địa chỉ thư điện tử: đề nghị quản trị hệ thống bổ sung.',
      off: 'Hệ thống hiện chưa gửi thư (chưa cấu hình máy chủ thư).', failed: 'Không lưu được: ' };

function xsrf() {
  const match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

function el(tag, attrs, children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value);
    }
  });
  (children || []).forEach((child) => child && node.appendChild(child));
  return node;
}

async function call(method, body) {
  const response = await fetch(URL, {
    method,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf(), Accept: 'application/json' },
    body: body ? JSON.stringify(body) : undefined
  });
  const json = await response.json();
  if (!response.ok) {
    throw new Error(json.message || response.status);
  }
  return json;
}

function render(panel, view) {
  panel.replaceChildren();
  panel.appendChild(el('h4', { text: TEXT.title }));
  if (!view.mailOn) {
    panel.appendChild(el('p', { class: 'gdnn-notice', text: TEXT.off }));
  }
  if (!view.email) {
    panel.appendChild(el('p', { class: 'gdnn-notice', text: TEXT.noMail }));
  } else {
    panel.appendChild(el('p', { text: view.email }));
  }
  const form = el('form');
  Object.entries(view.modes).forEach(([mode, label]) => {
    const input = el('input', { type: 'radio', name: 'gdnn-mode', value: mode });
    input.checked = mode === view.mode;
    form.appendChild(el('label', { style: 'display:block;font-weight:normal' }, [input, document.createTextNode(' ' + label)]));
  });
  const status = el('p', { role: 'status' });
  const save = el('button', { type: 'submit', class: 'btn btn-primary', text: TEXT.save });
  const close = el('button', { type: 'button', class: 'btn btn-default', text: TEXT.close });
  close.addEventListener('click', () => panel.remove());
  form.appendChild(el('div', {}, [save, document.createTextNode(' '), close]));
  form.appendChild(status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="gdnn-mode"]:checked');
    try {
      render(panel, await call('PUT', { mode: chosen ? chosen.value : null }));
      panel.querySelector('[role="status"]').textContent = TEXT.saved;
    } catch (e) {
      status.textContent = TEXT.failed + e.message;
    }
  });
  panel.appendChild(form);
}

async function open() {
  const existing = document.getElementById('gdnn-notification-preferences');
  if (existing) {
    existing.remove();
    return;
  }
  const panel = el('div', { id: 'gdnn-notification-preferences', class: 'gdnn-panel',
    style: 'position:fixed;left:16px;bottom:56px;z-index:2000;background:#fff;border:1px solid #ccc;'
      + 'padding:12px 16px;max-width:380px;box-shadow:0 2px 8px rgba(0,0,0,.2)' });
  document.body.appendChild(panel);
  try {
    render(panel, await call('GET'));
  } catch (e) {
    panel.textContent = TEXT.failed + e.message;
  }
}

function addButton() {
  if (document.getElementById('gdnn-notification-button')) {
    return;
  }
  const button = el('button', { id: 'gdnn-notification-button', type: 'button', class: 'btn btn-default btn-sm',
    text: '✉ ' + TEXT.button, style: 'position:fixed;left:16px;bottom:16px;z-index:2000' });
  button.addEventListener('click', open);
  document.body.appendChild(button);
}

// Tasklist is an Angular application: its body exists at once, the login page included (the panel then answers
// with the sign-in message of the server).
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', addButton);
} else {
  addButton();
}

export default [];
