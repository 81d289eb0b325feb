/*
 * Settings shared by the four Camunda webapps of this system (Tasklist, Cockpit, Admin, Welcome).
 * Each app's scripts/config.js imports this module; see docs/webapp-localization.md.
 */

/** The system's language. Every user is a Vietnamese civil servant. */
export const DEFAULT_LOCALE = 'vi';

/** Languages offered, the default first. English stays available for technical staff. */
export const OFFERED_LOCALES = ['vi', 'en'];

/** Where a user's explicit choice (?lang=en or ?lang=vi in any webapp address) is remembered. */
export const LOCALE_STORAGE_KEY = 'gdnn.webapp.locale';

/** Header, browser title and login page: "<vendor> <app name>". */
export const APP_VENDOR = 'Hệ thống điều hành Kế hoạch giáo dục nghề nghiệp — UBND Thành phố Hà Nội |';

/**
 * Date formats (moment.js patterns) used by the webapps' date filters: day/month/year and 24-hour time,
 * whatever language is shown. Times are displayed in the browser's time zone (Vietnam for our users).
 */
export const DATE_FORMAT = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'DD/MM/YYYY HH:mm',
  normal: 'DD/MM/YYYY HH:mm',
  long: 'dddd, DD/MM/YYYY HH:mm:ss',
  short: 'DD/MM/YYYY'
};

/**
 * The language to show: the user's explicit choice if any, otherwise Vietnamese.
 * Reading or writing localStorage can fail (privacy settings); Vietnamese is shown then.
 */
export function chosenLocale(location = window.location, storage = window.localStorage) {
  try {
    const requested = new URLSearchParams(location.search).get('lang');
    if (OFFERED_LOCALES.includes(requested)) {
      storage.setItem(LOCALE_STORAGE_KEY, requested);
    }
    const stored = storage.getItem(LOCALE_STORAGE_KEY);
    return OFFERED_LOCALES.includes(stored) ? stored : DEFAULT_LOCALE;
  } catch (e) {
    return DEFAULT_LOCALE;
  }
}

/**
 * Camunda's `locales` setting. Camunda shows the browser's first language when it is listed in
 * availableLocales and falls back to fallbackLocale otherwise, so listing both 'vi' and 'en' would show
 * English to every user whose browser is set to English. Only the chosen language is therefore listed,
 * and it is also the fallback: Vietnamese unless the user asked for English.
 */
export function localeSettings(locale = chosenLocale()) {
  return {
    availableLocales: [locale],
    fallbackLocale: locale
  };
}

/** Camunda's `app` setting for one webapp. */
export function appSettings(name) {
  return {
    name,
    vendor: APP_VENDOR
  };
}
