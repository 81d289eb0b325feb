/*
 * Lets a Camunda Form with a dynamic list be completed in Tasklist 7.24.
 *
 * Tasklist disables "Hoàn thành" while form-js reports errors, and it decides that by counting the keys of
 * form-js's error map. form-js keeps a key for every field inside a dynamic list once it has validated it,
 * with an empty list under it when the field is valid (errors are stored per field id, then per row). So a
 * form such as "Tiếp thu, giải trình ý kiến góp ý" (consultation-consolidation) opened with its Complete
 * button disabled and could never be submitted, whatever the user entered.
 *
 * For such a form this script replaces the check behind the button: it stays disabled while the task is
 * being completed or was removed, or while form-js shows an error message. Nothing else changes: on
 * "Hoàn thành" Tasklist still validates the whole form with form-js (every required field, shown in red if
 * missing), and the server re-checks everything it routes on.
 */

const FORM = '.fjs-container';
const SHOWN_ERRORS = '.fjs-form-field-error li';

function completeButton() {
  return [...document.querySelectorAll('button[type=submit]')]
    .find((button) => button.getAttribute('ng-click') === 'complete()');
}

// The scope of Tasklist's form controller: the one that owns disableCompleteButton().
function formScope() {
  const button = completeButton();
  if (!button || !window.angular) {
    return null;
  }
  let scope = window.angular.element(button).scope();
  while (scope && !Object.prototype.hasOwnProperty.call(scope, 'disableCompleteButton')) {
    scope = scope.$parent;
  }
  return scope;
}

function shownErrors(form) {
  return form.querySelectorAll(SHOWN_ERRORS).length;
}

function takeOverCompleteCheck() {
  const form = document.querySelector(FORM);
  if (!form || form.querySelector('.fjs-form-field-dynamiclist') === null) {
    return;
  }
  const scope = formScope();
  if (!scope || scope.disableCompleteButton.gdnnDynamicList) {
    return;
  }
  const check = () => Boolean(scope.taskRemoved || scope.completeInProgress || shownErrors(form) > 0
      || (scope.options && scope.options.disableCompleteButton));
  check.gdnnDynamicList = true;
  scope.disableCompleteButton = check;
  scope.$evalAsync();
}

new MutationObserver(takeOverCompleteCheck).observe(document.body, { childList: true, subtree: true });

// A custom script may export Tasklist plugins; this one only observes the page.
export default [];
