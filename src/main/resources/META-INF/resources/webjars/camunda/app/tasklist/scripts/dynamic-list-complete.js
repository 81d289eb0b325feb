/*
 * Lets a Camunda Form with a dynamic list be completed in Tasklist 7.24.
 *
 * Tasklist disables "Hoàn thành" while form-js reports errors, and it decides that by counting the keys of
 * form-js's error map. form-js keeps a key for every field inside a dynamic list once it has validated it,
 * with an empty list under it when the field is valid (errors are stored per field id, then per row). So a
 * form such as "Tiếp thu, giải trình ý kiến góp ý" (consultation-consolidation) opened with its Complete
 * button disabled and could never be submitted, whatever the user entered.
 *
 * Worse, once "Hoàn thành" has shown a missing field inside the list, form-js keeps that message after the
 * field is filled. For such a form this script keeps the button enabled (except while the task is being
 * completed or was removed): on "Hoàn thành" Tasklist validates the whole form again with form-js, which
 * replaces every message (missing fields shown in red, nothing sent), and the server re-checks everything it
 * routes on.
 */

const FORM = '.fjs-container';

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

function takeOverCompleteCheck() {
  const form = document.querySelector(FORM);
  if (!form || form.querySelector('.fjs-form-field-dynamiclist') === null) {
    return;
  }
  const scope = formScope();
  if (!scope || scope.disableCompleteButton.gdnnDynamicList) {
    return;
  }
  const check = () => Boolean(scope.taskRemoved || scope.completeInProgress
      || (scope.options && scope.options.disableCompleteButton));
  check.gdnnDynamicList = true;
  scope.disableCompleteButton = check;
  scope.$evalAsync();
}

new MutationObserver(takeOverCompleteCheck).observe(document.body, { childList: true, subtree: true });

// A custom script may export Tasklist plugins; this one only observes the page.
export default [];
