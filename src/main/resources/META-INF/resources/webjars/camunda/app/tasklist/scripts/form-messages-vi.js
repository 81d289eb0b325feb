/*
 * Vietnamese for the few texts that form-js (the Camunda Forms renderer inside Tasklist 7.24) writes itself:
 * its browser-side validation messages ("Field is required.", "Field must have minimum length of 10.",
 * "Field must match pattern ^\d{1,2}/…$."), the "Search" placeholder of multi-select lists, "Select" and
 * "No results"; and the engine's English prefix "Cannot submit task form <id>: " in front of the Vietnamese
 * message of a server-side check. form-js 1.x has no way to configure them, so this Tasklist custom script (loaded through
 * customScripts in config.js) rewrites them in place as they appear. With ?lang=en (see
 * ../../gdnn/webapp-settings.js) nothing is changed.
 */

const LOCALE_KEY = 'gdnn.webapp.locale';

const MESSAGES = [
  [/^Field is required\.$/, () => 'Trường này bắt buộc phải nhập.'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `Nội dung phải có ít nhất ${m[1]} ký tự.`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `Nội dung không được quá ${m[1]} ký tự.`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Giá trị không được nhỏ hơn ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Giá trị không được lớn hơn ${m[1]}.`],
  [/^Field must match pattern /, () => 'Giá trị chưa đúng định dạng; xem hướng dẫn ngay dưới ô nhập.'],
  [/^Field must be a valid email\.$/, () => 'Địa chỉ thư điện tử không hợp lệ.'],
  [/^No results$/, () => 'Không có kết quả phù hợp'],
  [/^Select$/, () => 'Chọn']
];

function englishChosen() {
  try {
    return window.localStorage.getItem(LOCALE_KEY) === 'en';
  } catch (e) {
    return false;
  }
}

function translate(text) {
  const trimmed = text.trim();
  for (const [pattern, message] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return message(match);
    }
  }
  return null;
}

const ENGINE_PREFIX = /Cannot submit task form [0-9a-fA-F-]+: /;

// The server's own message is already Vietnamese (FormFieldValidationException); only the engine's prefix goes.
function stripEnginePrefix(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (ENGINE_PREFIX.test(node.data)) {
      node.data = node.data.replace(ENGINE_PREFIX, '');
    }
  }
}

function translateWithin(root) {
  if (!(root instanceof Element)) {
    return;
  }
  if (ENGINE_PREFIX.test(root.textContent || '')) {
    stripEnginePrefix(root);
  }
  const texts = root.matches('.fjs-container *') ? [root] : [];
  texts.push(...root.querySelectorAll('.fjs-form-field-error li, .fjs-container .fjs-select-display, '
      + '.fjs-container .fjs-dropdownlist-empty, .fjs-container .fjs-taglist-input'));
  for (const element of texts) {
    if (element.matches('input.fjs-taglist-input')) {
      if (element.getAttribute('placeholder') === 'Search') {
        element.setAttribute('placeholder', 'Gõ để tìm');
      }
      continue;
    }
    // change the text node itself: form-js (Preact) keeps a reference to it and updates it later
    const text = element.childNodes.length === 1 && element.firstChild.nodeType === Node.TEXT_NODE
      ? element.firstChild : null;
    if (text) {
      const vietnamese = translate(text.data);
      if (vietnamese !== null && text.data !== vietnamese) {
        text.data = vietnamese;
      }
    }
  }
}

if (!englishChosen()) {
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        translateWithin(mutation.target.parentElement);
      } else if (mutation.type === 'attributes') {
        translateWithin(mutation.target);
      } else {
        mutation.addedNodes.forEach((node) => translateWithin(node.nodeType === 3 ? node.parentElement : node));
      }
    }
  });
  observer.observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder']
  });
}

// A custom script may export Tasklist plugins; this one only observes the page.
export default [];
