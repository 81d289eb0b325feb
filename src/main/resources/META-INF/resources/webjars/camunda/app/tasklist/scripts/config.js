/*
 * Configuration of Camunda Tasklist for this system (replaces the file shipped in the Camunda webapp jar;
 * options: docs.camunda.org, "Tasklist > Configuration"). Language, dates and branding come from
 * ../../gdnn/webapp-settings.js, shared by all four webapps; see docs/webapp-localization.md.
 */

import { appSettings, DATE_FORMAT, localeSettings } from '../../gdnn/webapp-settings.js';

export default {
  app: appSettings('Danh sách công việc'),

  dateFormat: DATE_FORMAT,

  // Vietnamese by default, English on request (?lang=en); see webapp-settings.js.
  locales: localeSettings(),

  // The first-login hint links to Camunda's English demo page; this system has its own documentation.
  disableWelcomeMessage: true,

  // Vietnamese validation messages and placeholders inside Camunda Forms (form-js writes them in English).
  // A form with a dynamic list could not be completed (see scripts/dynamic-list-complete.js).
  // The page "Nhận thông báo": how each person hears of their work (scripts/notification-preferences.js).
  // The page "Kết quả thực hiện của đơn vị": a unit's leader sees their unit's figures (scripts/unit-performance.js).
  customScripts: ['scripts/form-messages-vi', 'scripts/dynamic-list-complete', 'scripts/notification-preferences',
    'scripts/unit-performance'],

  // Descriptions are shown in the keyboard shortcut help.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'Nhận xử lý công việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'Chuyển đến bộ lọc đầu tiên trong danh sách'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'Chuyển đến công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'Chuyển đến ô nhập liệu đầu tiên của biểu mẫu công việc'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'Mở hộp thoại khởi tạo quy trình'
    }
  }
};
