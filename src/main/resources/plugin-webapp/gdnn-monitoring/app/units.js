// Cockpit dashboard: how the units carry their tasks (issue 20) — ranking and 12-month trend of the on-time rate
// as Chart.js charts, each with its numbers one click away, the units' table and the XLSX report.
// Data: GET {cockpitApi}/plugin/gdnn-monitoring/{engine}/units[/trend|/xlsx]?period=…&unit=… (docs/monitoring.md).

const FIGURES = [
  ['onTime', 'Đúng hạn'], ['late', 'Trễ hạn'], ['lateWorkingDays', 'Số ngày làm việc trễ'],
  ['openOverdue', 'Quá hạn, chưa xong'], ['openNotDue', 'Chưa đến hạn'], ['onTimeRate', 'Tỷ lệ đúng hạn (%)'],
  ['deliverables', 'Nhiệm vụ liên quan']];

let chartLibrary;

// Chart.js is vendored as a static file of this plugin (vendor/chart.umd.min.js, MIT). Its UMD wrapper would
// register with an AMD loader if the page had one, so `define` is hidden while it loads; it then sets window.Chart.
function loadChart() {
  if (window.Chart) {
    return Promise.resolve(window.Chart);
  }
  if (!chartLibrary) {
    chartLibrary = new Promise((resolve, reject) => {
      const amd = window.define;
      window.define = undefined;
      const script = document.createElement('script');
      script.src = new URL('./vendor/chart.umd.min.js', import.meta.url).href;
      script.onload = () => { window.define = amd; resolve(window.Chart); };
      script.onerror = () => { window.define = amd; reject(new Error('chart.js')); };
      document.head.appendChild(script);
    });
  }
  return chartLibrary;
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

function number(value) {
  return value === null || value === undefined ? '—' : String(value).replace('.', ',');
}

/** Periods to choose from: the last 12 months, the quarters of this year and last year, the two years. */
function periods(now) {
  const list = [];
  for (let i = 0; i < 12; i++) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    const m = String(d.getMonth() + 1).padStart(2, '0');
    list.push([d.getFullYear() + '-' + m, 'Tháng ' + m + '/' + d.getFullYear()]);
  }
  const roman = ['I', 'II', 'III', 'IV'];
  [now.getFullYear(), now.getFullYear() - 1].forEach((y) => {
    for (let q = 4; q >= 1; q--) {
      if (y < now.getFullYear() || (q - 1) * 3 <= now.getMonth()) {
        list.push([y + '-Q' + q, 'Quý ' + roman[q - 1] + ' năm ' + y]);
      }
    }
    list.push([String(y), 'Năm ' + y]);
  });
  return list;
}

function figuresTable(rows, withRoles) {
  const head = [el('th', { text: 'Xếp hạng' }), el('th', { text: 'Đơn vị' })]
    .concat(FIGURES.map(([, label]) => el('th', { text: label })));
  if (withRoles) {
    head.push(el('th', { text: 'Chủ trì: đúng hạn / trễ / quá hạn / chưa đến hạn' }),
      el('th', { text: 'Phối hợp: đúng hạn / trễ / quá hạn / chưa đến hạn' }));
  }
  const role = (r) => [r.onTime, r.late, r.openOverdue, r.openNotDue].join(' / ')
    + (r.onTimeRate === null ? '' : ' (' + number(r.onTimeRate) + '%)');
  const body = rows.map((u) => el('tr', { 'data-unit': u.unit },
    [el('td', { text: u.rank ? String(u.rank) : '—' }), el('td', { text: u.unitName })]
      .concat(FIGURES.map(([key]) => el('td', { class: 'gdnn-count', 'data-figure': key, text: number(u[key]) })))
      .concat(withRoles ? [el('td', { text: role(u.asLead) }), el('td', { text: role(u.asCoOperating) })] : [])));
  return el('table', { class: 'table table-bordered table-condensed gdnn-table gdnn-units-table' },
    [el('thead', {}, [el('tr', {}, head)]), el('tbody', {}, body)]);
}

function trendTable(months) {
  return el('table', { class: 'table table-bordered table-condensed gdnn-table gdnn-trend-table' }, [
    el('thead', {}, [el('tr', {}, ['Tháng', 'Đúng hạn', 'Trễ hạn', 'Quá hạn, chưa xong', 'Tỷ lệ đúng hạn (%)']
      .map((t) => el('th', { text: t })))]),
    el('tbody', {}, months.map((m) => el('tr', { 'data-period': m.period }, [el('td', { text: m.label }),
      el('td', { class: 'gdnn-count', text: String(m.onTime) }), el('td', { class: 'gdnn-count', text: String(m.late) }),
      el('td', { class: 'gdnn-count', text: String(m.openOverdue) }),
      el('td', { class: 'gdnn-count', 'data-figure': 'onTimeRate', text: number(m.onTimeRate) })])))]);
}

/** A chart with a "Xem số liệu" button that shows the table of the numbers drawn. */
function chartBlock(title, cssClass, table, draw) {
  const canvas = el('canvas', { class: cssClass });
  const holder = el('div', { class: 'gdnn-chart' }, [canvas]);
  const numbers = el('div', { class: 'gdnn-numbers', hidden: '' }, [table]);
  const toggle = el('button', { type: 'button', class: 'btn btn-default btn-sm gdnn-show-numbers',
    text: 'Xem số liệu' });
  toggle.addEventListener('click', () => {
    const hidden = numbers.hasAttribute('hidden');
    if (hidden) {
      numbers.removeAttribute('hidden');
    } else {
      numbers.setAttribute('hidden', '');
    }
    toggle.textContent = hidden ? 'Ẩn số liệu' : 'Xem số liệu';
  });
  loadChart().then((Chart) => draw(Chart, canvas))
    .catch(() => holder.replaceChildren(el('p', { class: 'text-muted', text: 'Không tải được biểu đồ; xem số liệu.' })));
  return el('div', { class: 'gdnn-chart-block' }, [el('h5', { text: title }), holder, toggle, numbers]);
}

function get(url, api) {
  return fetch(url, { credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken } })
    .then((response) => response.json().then((body) => ({ ok: response.ok, body })));
}

export function renderUnits(node, api, period, unit) {
  const base = api.cockpitApi + '/plugin/gdnn-monitoring/' + api.engine + '/units';
  const chosen = period || periods(new Date())[0][0];
  const query = '?period=' + encodeURIComponent(chosen) + (unit ? '&unit=' + encodeURIComponent(unit) : '');
  node.textContent = 'Đang tải số liệu đánh giá đơn vị…';
  Promise.all([get(base + query, api), get(base + '/trend' + query, api)]).then(([figures, trend]) => {
    node.textContent = '';
    if (!figures.ok || !trend.ok) {
      node.appendChild(el('div', { class: 'alert alert-warning',
        text: (figures.body.message || trend.body.message) || 'Không tải được số liệu.' }));
      return;
    }
    const body = figures.body;
    const periodSelect = el('select', { class: 'form-control gdnn-period' },
      periods(new Date()).map(([code, label]) => el('option', { value: code, text: label })));
    periodSelect.value = chosen;
    const unitSelect = el('select', { class: 'form-control gdnn-units-unit' },
      [el('option', { value: '', text: 'Tất cả đơn vị' })]
        .concat((unit ? [] : body.units).map((u) => el('option', { value: u.unit, text: u.unitName }))));
    if (unit) {
      unitSelect.appendChild(el('option', { value: unit, text: body.units[0].unitName }));
    }
    unitSelect.value = unit || '';
    periodSelect.addEventListener('change', () => renderUnits(node, api, periodSelect.value, unitSelect.value));
    unitSelect.addEventListener('change', () => renderUnits(node, api, periodSelect.value, unitSelect.value));
    const ranked = body.units.filter((u) => u.onTimeRate !== null).sort((a, b) => a.rank - b.rank);
    const months = trend.body.months;
    const ranking = chartBlock('Xếp hạng đơn vị theo tỷ lệ hoàn thành đúng hạn — ' + body.periodLabel,
      'gdnn-ranking-chart', figuresTable(ranked, false), (Chart, canvas) => new Chart(canvas, {
        type: 'bar',
        data: { labels: ranked.map((u) => u.unitName),
          datasets: [{ label: 'Tỷ lệ đúng hạn (%)', data: ranked.map((u) => u.onTimeRate),
            backgroundColor: ranked.map((u) => (u.onTimeRate >= 90 ? '#2e7d32' : u.onTimeRate >= 70 ? '#ef6c00' : '#c62828')) }] },
        options: { indexAxis: 'y', animation: false, maintainAspectRatio: false,
          scales: { x: { min: 0, max: 100 } }, plugins: { legend: { display: false } } } }));
    ranking.querySelector('.gdnn-chart').style.height = Math.max(120, 26 * ranked.length + 40) + 'px';
    const trendChart = chartBlock('Xu hướng tỷ lệ đúng hạn 12 tháng — '
      + (unit ? body.units[0].unitName : 'tất cả đơn vị'), 'gdnn-trend-chart', trendTable(months),
    (Chart, canvas) => new Chart(canvas, {
      type: 'line',
      data: { labels: months.map((m) => m.label.replace('Tháng ', '')),
        datasets: [{ label: 'Tỷ lệ đúng hạn (%)', data: months.map((m) => m.onTimeRate), borderColor: '#1565c0',
          spanGaps: true }] },
      options: { animation: false, scales: { y: { min: 0, max: 100 } } } }));
    node.appendChild(el('section', { class: 'gdnn-dashboard gdnn-units' }, [
      el('h3', { text: 'Đánh giá thực hiện nhiệm vụ của các đơn vị' }),
      el('p', { class: 'gdnn-asof', text: body.periodLabel + ' (từ ngày ' + body.from + ' đến ngày ' + body.to
        + '); số liệu tính đến ' + body.asOf + '; số ngày trễ tính theo ngày làm việc.' }),
      el('div', { class: 'gdnn-toolbar' }, [periodSelect, unitSelect,
        el('a', { class: 'btn btn-default', href: base + '/xlsx' + query, download: '',
          text: 'Xuất báo cáo đánh giá (Excel)' })]),
      el('div', { class: 'gdnn-charts' }, [ranking, trendChart]),
      el('h4', { text: 'Số liệu theo đơn vị (tổng hợp, chủ trì, phối hợp)' }),
      figuresTable(body.units, true)]));
  }).catch(() => {
    node.textContent = 'Không tải được số liệu đánh giá đơn vị.';
  });
}
