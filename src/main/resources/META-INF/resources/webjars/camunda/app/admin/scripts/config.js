/*
 * Configuration of Camunda Admin for this system (replaces the file shipped in the Camunda webapp jar;
 * options: docs.camunda.org, "Admin > Configuration"). Language, dates and branding come from
 * ../../gdnn/webapp-settings.js, shared by all four webapps; see docs/webapp-localization.md.
 */

import { appSettings, DATE_FORMAT, localeSettings } from '../../gdnn/webapp-settings.js';

export default {
  app: appSettings('Quản trị'),

  dateFormat: DATE_FORMAT,

  // Vietnamese by default, English on request (?lang=en); see webapp-settings.js.
  locales: localeSettings(),

  // The first-login hint links to Camunda's English demo page; this system has its own documentation.
  disableWelcomeMessage: true
};
