(function () {
  'use strict';
  var pending = [];
  function record(message) {
    var list = document.getElementById('js-errors');
    if (!list) { pending.push(message); return; }
    var item = document.createElement('li');
    item.textContent = String(message);
    list.appendChild(item);
  }
  window.ecrcRecordError = record;
  window.ecrcFlushErrors = function () { var p = pending; pending = []; p.forEach(record); };
  window.addEventListener('error', function (e) { record('uncaught: ' + e.message + ' (line ' + e.lineno + ')'); });
  window.addEventListener('unhandledrejection', function (e) { record('unhandled rejection: ' + e.reason); });
  document.addEventListener('securitypolicyviolation', function (e) { record('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI); });
  var consoleError = console.error;
  console.error = function () { record('console.error: ' + Array.prototype.join.call(arguments, ' ')); consoleError.apply(console, arguments); };
})();
