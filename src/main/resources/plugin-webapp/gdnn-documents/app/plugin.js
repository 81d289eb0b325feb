// Tasklist plugin: the "Tài liệu" tab of a task (plugin point tasklist.task.detail). Shows what the step must
// produce, every document of the deliverable (all versions) with download links, and attaches a file to the step.
// Data: {tasklistApi}/plugin/gdnn-documents/{engine}/... with the Tasklist session; an upload is a POST and sends
// the session's XSRF token, as Camunda's CSRF filter requires (see docs/documents.md).

const ACCEPT = '.pdf,.docx,.xlsx,.odt';

function el(tag, attrs, children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (value === undefined || value === null) {
      return;
    }
    if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value);
    }
  });
  (children || []).forEach((child) => child && node.appendChild(child));
  return node;
}

// The token Camunda keeps in the XSRF-TOKEN cookie (it is renewed at login); the one handed to the plugin else.
function csrfToken(api) {
  const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : api.CSRFToken;
}

function readJson(response) {
  return response.text().then((text) => {
    let body = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch (e) {
      body = {};
    }
    return { ok: response.ok, status: response.status, body };
  });
}

function refusal(status, body) {
  if (body && body.message) {
    return body.message;
  }
  if (status === 401) {
    return 'Phiên làm việc đã hết hạn: hãy đăng nhập lại.';
  }
  if (status === 403) {
    return 'Yêu cầu bị từ chối: Ông/Bà không có quyền hoặc phiên làm việc đã hết hạn; hãy tải lại trang.';
  }
  return 'Không thực hiện được (mã lỗi ' + status + '). Hãy thử lại hoặc báo quản trị hệ thống.';
}

function sizeText(bytes) {
  if (bytes >= 1024 * 1024) {
    return (bytes / 1024 / 1024).toFixed(1).replace('.', ',') + ' MB';
  }
  return Math.max(1, Math.round(bytes / 1024)) + ' KB';
}

function requirementBox(required) {
  if (!required) {
    return el('div', { class: 'gdnn-doc-required alert alert-info',
      text: 'Bước này không bắt buộc đính kèm tài liệu; Ông/Bà vẫn có thể đính kèm tài liệu liên quan.' });
  }
  const what = required.kindLabel + (required.signed ? ' đã ký số hợp lệ (tệp PDF có chữ ký số)' : '');
  return el('div', { class: 'gdnn-doc-required alert ' + (required.attached ? 'alert-success' : 'alert-warning'),
    'data-attached': String(required.attached) }, [
    el('strong', { text: 'Bước này cần đính kèm: ' + what + '. ' }),
    el('span', { class: 'gdnn-doc-state', text: required.attached
      ? 'Đã đính kèm — có thể hoàn thành công việc.'
      : 'Chưa đính kèm — chưa thể hoàn thành công việc.' }),
    // a deputy signed during the head's absence: the block the server computed from the delegation data
    required.signatureBlock ? el('div', { class: 'gdnn-doc-signature-block' }, [
      el('strong', { text: 'Thể thức chữ ký (ký thay theo ủy quyền): ' }),
      el('span', { text: required.signatureBlock })]) : null]);
}

function signatureText(signature) {
  if (!signature) {
    return 'Không có chữ ký số';
  }
  return [signature.statusLabel, signature.signer ? 'Người ký: ' + signature.signer : null,
    signature.organisation, signature.signedAt ? 'Ký lúc ' + signature.signedAt : null, signature.revocationLabel]
    .filter(Boolean).join('; ');
}

function documentTable(base, documents) {
  if (!documents.length) {
    return el('p', { class: 'gdnn-doc-empty text-muted', text: 'Nhiệm vụ này chưa có tài liệu nào.' });
  }
  const head = el('tr', {}, ['Tệp', 'Loại tài liệu', 'Phiên bản', 'Bước', 'Chữ ký số', 'Người đính kèm',
    'Thời gian'].map((label) => el('th', { text: label })));
  const rows = documents.map((d) => el('tr', { class: 'gdnn-doc-row', 'data-id': d.id }, [
    el('td', {}, [el('a', { class: 'gdnn-doc-download', href: base + '/documents/' + encodeURIComponent(d.id)
      + '/content', download: d.name, title: 'Tải về (' + sizeText(d.size) + ', SHA-256 ' + d.sha256 + ')',
    text: d.name })]),
    el('td', { text: d.kindLabel }),
    el('td', { class: 'gdnn-doc-version', text: String(d.version) }),
    el('td', { text: d.stepName || d.step || '' }),
    el('td', { class: 'gdnn-doc-signature', text: signatureText(d.signature) }),
    el('td', { class: 'gdnn-doc-uploader', title: d.uploadedBy,
      text: d.uploadedByName && d.uploadedByName !== d.uploadedBy ? d.uploadedByName : d.uploadedBy }),
    el('td', { text: d.uploadedAt })]));
  return el('table', { class: 'table table-condensed gdnn-doc-table' },
    [el('thead', {}, [head]), el('tbody', {}, rows)]);
}

function uploadForm(api, base, taskId, body, reload) {
  const defaultKind = body.required ? body.required.kind : 'other';
  const kind = el('select', { class: 'form-control gdnn-doc-kind', 'aria-label': 'Loại tài liệu' },
    body.kinds.map((k) => el('option', { value: k.id, text: k.label })));
  kind.value = defaultKind;
  // The browser's own file button speaks the browser's language: a Vietnamese button opens it instead.
  const file = el('input', { type: 'file', class: 'gdnn-doc-file', accept: ACCEPT,
    'aria-label': 'Chọn tệp đính kèm' });
  file.style.display = 'none';
  const chosenName = el('span', { class: 'gdnn-doc-chosen text-muted', 'aria-live': 'polite', text: 'Chưa chọn tệp' });
  // A real button: reached with Tab, opened with Enter or Space like any button, named for screen readers.
  const picker = el('button', { type: 'button', class: 'btn btn-default gdnn-doc-pick',
    'aria-label': 'Chọn tệp đính kèm (PDF, DOCX, XLSX, ODT)', 'aria-controls': 'gdnn-doc-file-' + taskId,
    text: 'Chọn tệp…' });
  file.id = 'gdnn-doc-file-' + taskId;
  file.tabIndex = -1;
  picker.addEventListener('click', () => file.click());
  file.addEventListener('change', () => {
    const chosen = file.files && file.files[0];
    chosenName.textContent = chosen ? chosen.name + ' (' + sizeText(chosen.size) + ')' : 'Chưa chọn tệp';
  });
  const button = el('button', { type: 'submit', class: 'btn btn-primary gdnn-doc-attach', text: 'Đính kèm' });
  const message = el('div', { class: 'gdnn-doc-message', role: 'status' });
  const form = el('form', { class: 'gdnn-doc-upload' }, [
    el('h4', { text: 'Đính kèm tệp cho bước này' }),
    el('div', { class: 'gdnn-doc-fields' }, [
      el('label', { text: 'Loại tài liệu' }), kind,
      el('label', { text: 'Tệp (PDF, DOCX, XLSX, ODT)' }), picker, file, chosenName, button]),
    message]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files && file.files[0];
    if (!chosen) {
      message.className = 'gdnn-doc-message alert alert-danger';
      message.textContent = 'Chưa chọn tệp đính kèm.';
      return;
    }
    if (body.maxSize && chosen.size > body.maxSize) { // the server refuses it too, after the whole upload
      message.className = 'gdnn-doc-message alert alert-danger';
      message.textContent = 'Không đính kèm được tệp "' + chosen.name + '": tệp vượt quá dung lượng cho phép (tối đa '
        + Math.round(body.maxSize / 1024 / 1024) + ' MB).';
      return;
    }
    button.disabled = true;
    message.className = 'gdnn-doc-message text-muted';
    message.textContent = 'Đang gửi tệp "' + chosen.name + '"…';
    const query = '?name=' + encodeURIComponent(chosen.name) + '&kind=' + encodeURIComponent(kind.value);
    fetch(base + '/tasks/' + encodeURIComponent(taskId) + '/documents' + query, {
      method: 'POST', credentials: 'same-origin', body: chosen,
      headers: { Accept: 'application/json', 'Content-Type': chosen.type || 'application/octet-stream',
        'X-XSRF-TOKEN': csrfToken(api) },
    })
      .then(readJson)
      .then(({ ok, status, body: answer }) => {
        button.disabled = false;
        if (!ok) {
          message.className = 'gdnn-doc-message alert alert-danger';
          message.textContent = 'Không đính kèm được tệp "' + chosen.name + '": ' + refusal(status, answer);
          return;
        }
        reload('Đã đính kèm ' + answer.kindLabel + ' "' + answer.name + '" (phiên bản ' + answer.version
          + (answer.signature ? '; ' + answer.signature.statusLabel : '') + ').');
      })
      .catch(() => {
        button.disabled = false;
        message.className = 'gdnn-doc-message alert alert-danger';
        message.textContent = 'Không gửi được tệp: mất kết nối tới máy chủ. Hãy thử lại.';
      });
  });
  return form;
}

function render(node, api, taskId, notice) {
  const base = api.tasklistApi + '/plugin/gdnn-documents/' + api.engine;
  const reload = (text) => render(node, api, taskId, text);
  if (!notice) {
    node.textContent = 'Đang tải tài liệu của công việc…';
  }
  fetch(base + '/tasks/' + encodeURIComponent(taskId) + '/documents', { credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api) } })
    .then(readJson)
    .then(({ ok, status, body }) => {
      node.textContent = '';
      if (!ok) {
        node.appendChild(el('div', { class: 'alert alert-warning gdnn-doc-denied', text: refusal(status, body) }));
        return;
      }
      node.appendChild(el('section', { class: 'gdnn-documents' }, [
        requirementBox(body.required),
        notice ? el('div', { class: 'gdnn-doc-message alert alert-success', role: 'status', text: notice }) : null,
        el('h4', { text: 'Tài liệu của nhiệm vụ (mọi bước, mọi phiên bản)' }),
        documentTable(base, body.documents),
        uploadForm(api, base, taskId, body, reload)]));
    })
    .catch(() => {
      node.textContent = 'Không tải được tài liệu của công việc.';
    });
}

export default {
  id: 'gdnn-documents-tab',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: { label: 'Tài liệu' },
  render: (node, { api, taskId }) => render(node, api, taskId),
};
