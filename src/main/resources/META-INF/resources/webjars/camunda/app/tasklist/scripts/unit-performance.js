/*
 * Tasklist page "Kết quả thực hiện của đơn vị" (issue 20, point 4): a unit's leader sees their own unit's monthly
 * figures — on time, late, working days late, open overdue, open not yet due, on-time rate, deliverables — as lead
 * and as co-operating unit, the 12-month trend of the on-time rate, and the unit's XLSX report. Leaders have
 * Tasklist only, not Cockpit, so this is the page they reach. A Tasklist custom script (customScripts in
 * config.js) like notification-preferences.js: a button in the bottom-left corner, shown only to leaders, opens
 * a panel. Data: the Cockpit dashboard's resource {api}/cockpit/plugin/gdnn-monitoring/default/units (mine,
 * ?period&unit, trend, xlsx) with the Tasklist session; webapp.UnitsPluginResource applies the rule of
 * /api/monitoring/units (AccessRules.readsUnitFigures), so a leader reads their own units only.
 */

const BASE = '/camunda/api/cockpit/plugin/gdnn-monitoring/default/units';
const LOCALE_KEY = 'gdnn.webapp.locale';
const PANEL = 'gdnn-unit-performance';
const BUTTON = 'gdnn-unit-performance-button';

function english() {
  try {
    return window.localStorage.getItem(LOCALE_KEY) === 'en';
  } catch (e) {
    return false;
  }
}

const TEXT = english()
  ? { button: 'My unit\'s results', title: 'Results of the unit', unit: 'Unit', period: 'Month', show: 'Show',
      close: 'Close', xlsx: 'Download report (XLSX)', failed: 'Could not load the figures: ', asOf: 'Figures as of',
      figure: 'Figure', total: 'Total', asLead: 'As lead unit', asCoOperating: 'As co-operating unit',
      onTime: 'Finished on time', late: 'Finished late', lateWorkingDays: 'Working days late',
      openOverdue: 'Open, overdue', openNotDue: 'Open, not yet due', onTimeRate: 'On-time rate',
      deliverables: 'Deliverables concerned', codes: 'Deliverables', trend: 'On-time rate over 12 months',
      month: 'Month', none: '— (nothing due)', from: 'from', to: 'to' }
  : { button: 'Kết quả thực hiện của đơn vị', title: 'Kết quả thực hiện nhiệm vụ của đơn vị', unit: 'Đơn vị',
      period: 'Tháng', show: 'Xem', close: 'Đóng', xlsx: 'Tải báo cáo (XLSX)', failed: 'Không tải được số liệu: ',
      asOf: 'Số liệu tính đến', figure: 'Chỉ tiêu', total: 'Tổng số', asLead: 'Chủ trì',
      asCoOperating: 'Phối hợp', onTime: 'Hoàn thành đúng hạn', late: 'Hoàn thành quá hạn',
      lateWorkingDays: 'Số ngày làm việc quá hạn', openOverdue: 'Đang xử lý, đã quá hạn',
      openNotDue: 'Đang xử lý, chưa đến hạn', onTimeRate: 'Tỷ lệ đúng hạn',
      deliverables: 'Số nhiệm vụ liên quan', codes: 'Mã nhiệm vụ', trend: 'Tỷ lệ đúng hạn 12 tháng gần nhất',
      month: 'Tháng', none: '— (không có việc đến hạn)', from: 'từ ngày', to: 'đến ngày' };

const FIGURES = ['onTime', 'late', 'lateWorkingDays', 'openOverdue', 'openNotDue', 'onTimeRate', 'deliverables'];

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

async function get(path) {
  const response = await fetch(BASE + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  let json = {};
  try {
    json = await response.json();
  } catch (e) {
    // a sign-in page or an empty answer
  }
  if (!response.ok) {
    const error = new Error(json.message || String(response.status));
    error.status = response.status;
    throw error;
  }
  return json;
}

function rate(value) {
  if (value === null || value === undefined) {
    return TEXT.none;
  }
  return (english() ? value.toFixed(1) : value.toFixed(1).replace('.', ',')) + ' %';
}

function cell(name, value) {
  return name === 'onTimeRate' ? rate(value) : String(value);
}

function figuresTable(row) {
  const head = el('tr', {}, [TEXT.figure, TEXT.total, TEXT.asLead, TEXT.asCoOperating]
    .map((t) => el('th', { text: t })));
  const body = FIGURES.map((name) => el('tr', { 'data-figure': name }, [
    el('th', { text: TEXT[name] }),
    el('td', { text: cell(name, row[name]) }),
    el('td', { text: cell(name, row.asLead[name]) }),
    el('td', { text: cell(name, row.asCoOperating[name]) })
  ]));
  const codes = (role) => (role.deliverableCodes || []).join(', ');
  body.push(el('tr', {}, [el('th', { text: TEXT.codes }), el('td'),
    el('td', { text: codes(row.asLead) }), el('td', { text: codes(row.asCoOperating) })]));
  return el('table', { class: 'table table-condensed table-bordered gdnn-unit-figures' },
    [el('thead', {}, [head]), el('tbody', {}, body)]);
}

function trendTable(trend) {
  const rows = trend.months.map((m) => el('tr', {}, [el('td', { text: m.label }),
    el('td', { text: rate(m.onTimeRate) })]));
  return el('table', { class: 'table table-condensed gdnn-unit-trend' }, [
    el('thead', {}, [el('tr', {}, [el('th', { text: TEXT.month }), el('th', { text: TEXT.onTimeRate })])]),
    el('tbody', {}, rows)]);
}

async function show(panel, mine, unit, period) {
  const content = panel.querySelector('.gdnn-unit-content');
  content.replaceChildren(el('p', { text: '…' }));
  const query = '?period=' + encodeURIComponent(period) + '&unit=' + encodeURIComponent(unit);
  try {
    const [figures, trend] = await Promise.all([get(query), get('/trend' + query)]);
    const row = figures.units[0];
    content.replaceChildren(
      el('h5', { text: row.unitName + ' — ' + figures.periodLabel + ' (' + TEXT.from + ' ' + figures.from + ' '
        + TEXT.to + ' ' + figures.to + ')' }),
      el('p', { class: 'text-muted', text: TEXT.asOf + ' ' + figures.asOf }),
      figuresTable(row),
      el('a', { class: 'btn btn-default btn-sm gdnn-unit-xlsx', href: BASE + '/xlsx' + query, download: '',
        text: TEXT.xlsx }),
      el('h5', { text: TEXT.trend }),
      trendTable(trend));
  } catch (e) {
    content.replaceChildren(el('p', { class: 'text-danger', role: 'alert', text: TEXT.failed + e.message }));
  }
}

async function open() {
  const existing = document.getElementById(PANEL);
  if (existing) {
    existing.remove();
    return;
  }
  const panel = el('div', { id: PANEL, class: 'gdnn-panel', role: 'dialog', 'aria-label': TEXT.title,
    style: 'position:fixed;left:16px;bottom:56px;z-index:2000;background:#fff;border:1px solid #ccc;'
      + 'padding:12px 16px;width:640px;max-width:95vw;max-height:80vh;overflow:auto;'
      + 'box-shadow:0 2px 8px rgba(0,0,0,.2)' });
  document.body.appendChild(panel);
  let mine;
  try {
    mine = await get('/mine');
  } catch (e) {
    panel.textContent = TEXT.failed + e.message;
    return;
  }
  const unit = el('select', { name: 'unit', class: 'form-control input-sm' }, mine.units.map((u) =>
    el('option', { value: u.unit, text: u.unitName })));
  // Browsers without a month picker show a text field: the placeholder gives the form (year-month).
  const period = el('input', { type: 'month', name: 'period', class: 'form-control input-sm',
    placeholder: mine.defaultPeriod, pattern: '[0-9]{4}-[0-9]{2}' });
  period.value = mine.defaultPeriod;
  const form = el('form', { class: 'form-inline' }, [
    el('label', { text: TEXT.unit + ' ' }, [unit]), document.createTextNode(' '),
    el('label', { text: TEXT.period + ' ' }, [period]), document.createTextNode(' '),
    el('button', { type: 'submit', class: 'btn btn-primary btn-sm', text: TEXT.show }), document.createTextNode(' '),
    el('button', { type: 'button', class: 'btn btn-default btn-sm gdnn-close', text: TEXT.close })]);
  form.querySelector('.gdnn-close').addEventListener('click', () => panel.remove());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show(panel, mine, unit.value, period.value);
  });
  panel.replaceChildren(el('h4', { text: TEXT.title }), form, el('div', { class: 'gdnn-unit-content' }));
  show(panel, mine, unit.value, period.value);
}

let asked = false;

/**
 * Shows the button to a unit's leader only. Asked once per sign-in: at load, and again after the login page (a
 * sign-out or another person signing in), not at every navigation inside Tasklist.
 */
async function refreshButton() {
  const signingIn = window.location.hash.indexOf('/login') >= 0;
  if (asked && !signingIn) {
    return;
  }
  asked = !signingIn;
  let leads = false;
  if (!signingIn) {
    try {
      leads = (await get('/mine')).units.length > 0;
    } catch (e) {
      leads = false;
    }
  }
  const button = document.getElementById(BUTTON);
  if (!leads) {
    if (button) {
      button.remove();
    }
    const panel = document.getElementById(PANEL);
    if (panel) {
      panel.remove();
    }
    return;
  }
  if (button) {
    return;
  }
  const notifications = document.getElementById('gdnn-notification-button');
  const left = notifications ? Math.ceil(notifications.getBoundingClientRect().right) + 8 : 16;
  const added = el('button', { id: BUTTON, type: 'button', class: 'btn btn-default btn-sm',
    text: '▦ ' + TEXT.button, style: 'position:fixed;left:' + left + 'px;bottom:16px;z-index:2000' });
  added.addEventListener('click', open);
  document.body.appendChild(added);
}

function start() {
  refreshButton();
  window.addEventListener('hashchange', refreshButton);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}

export default [];
