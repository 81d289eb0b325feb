// Cockpit dashboard plugin: progress of plan KH 115/KH-UBND by content area and by lead unit.
// Data: GET {cockpitApi}/plugin/gdnn-monitoring/{engine}/progress with the Cockpit session (see docs/monitoring.md).

import { renderUnits } from './units.js';

const ORDER = ['OVERDUE', 'STUCK', 'AT_RISK', 'ON_TRACK', 'COMPLETED'];

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

function badge(health, label, count) {
  return el('span', { class: 'gdnn-badge gdnn-' + health.toLowerCase().replace('_', '-'),
    'data-health': health, text: count === undefined ? label : label + ': ' + count });
}

function instanceLink(d) {
  const text = d.code + ' — ' + (d.title || '');
  if (!d.running) {
    return el('span', { text });
  }
  return el('a', { href: '#/process-instance/' + d.processInstanceId + '/runtime', text,
    title: 'Mở phiên bản quy trình trong Cockpit' });
}

function groupTable(caption, groups, healths) {
  const labels = Object.fromEntries(healths.map((h) => [h.code, h.label]));
  const head = el('tr', {}, [el('th', { text: caption })]
    .concat(ORDER.map((code) => el('th', { text: labels[code] })))
    .concat([el('th', { text: 'Nhiệm vụ' })]));
  const rows = groups.map((g) => el('tr', { class: 'gdnn-row gdnn-' + g.colour, 'data-key': g.key || '' },
    [el('td', { class: 'gdnn-group-name', text: g.name || g.key || 'Chưa xác định' })]
      .concat(ORDER.map((code) => el('td', { class: 'gdnn-count', text: String(g.counts[code] || 0) })))
      .concat([el('td', {}, g.deliverables.map((d) => el('div', { class: 'gdnn-deliverable' },
        [badge(d.health, d.healthLabel), instanceLink(d),
          d.running && d.currentSteps.length
            ? el('span', { class: 'gdnn-steps', text: ' — đang: ' + d.currentSteps.join('; ') }) : null,
          d.after && d.after.length
            ? el('span', { class: 'gdnn-after text-muted', text: ' (làm sau nhiệm vụ ' + d.after.join(', ') + ')' })
            : null,
          d.notes.length ? el('div', { class: 'gdnn-notes text-muted', text: d.notes.join('; ') }) : null])))])));
  return el('table', { class: 'table table-bordered gdnn-table' },
    [el('thead', {}, [head]), el('tbody', {}, rows)]);
}

function render(node, api, unit) {
  const base = api.cockpitApi + '/plugin/gdnn-monitoring/' + api.engine + '/progress';
  const query = unit ? '?unit=' + encodeURIComponent(unit) : '';
  node.textContent = 'Đang tải tiến độ thực hiện kế hoạch…';
  fetch(base + query, { credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken } })
    .then((response) => response.json().then((body) => ({ ok: response.ok, body })))
    .then(({ ok, body }) => {
      node.textContent = '';
      if (!ok) {
        node.appendChild(el('div', { class: 'alert alert-warning', text: body.message || 'Không tải được dữ liệu.' }));
        return;
      }
      const totals = el('div', { class: 'gdnn-totals' }, ORDER.map((code) => {
        const h = body.healths.find((x) => x.code === code);
        return badge(code, h.label, body.total[code]);
      }));
      const select = el('select', { class: 'form-control gdnn-unit' },
        [el('option', { value: '', text: 'Toàn kế hoạch' })].concat(body.byLeadUnit
          .filter((g) => g.key)
          .map((g) => el('option', { value: g.key, text: g.name || g.key }))));
      select.value = unit || '';
      select.addEventListener('change', () => render(node, api, select.value));
      const exports = el('span', { class: 'gdnn-exports' }, [
        el('a', { class: 'btn btn-default', href: base + '/report.xlsx' + query, download: '',
          text: 'Xuất báo cáo (Excel)' }),
        el('a', { class: 'btn btn-default', href: base + '/report.csv' + query, download: '',
          text: 'Xuất báo cáo (CSV)' })]);
      node.appendChild(el('section', { class: 'gdnn-dashboard' }, [
        el('h3', { text: 'Tiến độ thực hiện Kế hoạch 115/KH-UBND' }),
        el('p', { class: 'gdnn-asof', text: 'Số liệu ngày ' + body.asOf }),
        el('div', { class: 'gdnn-toolbar' }, [select, exports]),
        totals,
        el('h4', { text: 'Theo nhóm nội dung' }),
        groupTable('Nhóm nội dung', body.byArea, body.healths),
        el('h4', { text: 'Theo đơn vị chủ trì' }),
        groupTable('Đơn vị chủ trì', body.byLeadUnit, body.healths),
        el('p', { class: 'text-muted',
          text: 'Sự cố kỹ thuật và công việc tự động lỗi được xem và xử lý trong các trang của Cockpit'
            + ' (mở nhiệm vụ để xem phiên bản quy trình).' })]));
    })
    .catch(() => {
      node.textContent = 'Không tải được tiến độ thực hiện kế hoạch.';
    });
}

// Two dashboard sections: the plan's progress, then the units' evaluation (units.js).
export default [{
  id: 'gdnn-monitoring-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node, { api }) => render(node, api, ''),
}, {
  id: 'gdnn-units-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 90,
  render: (node, { api }) => renderUnits(node, api, '', ''),
}];
