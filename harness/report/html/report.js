(function () {
  'use strict';
  window.ecrcFlushErrors();
  var report = JSON.parse(document.getElementById('report-data').textContent);
  var checks = Array.prototype.slice.call(document.querySelectorAll('#check-list > details.check'));
  var controls = {
    operation: document.getElementById('filter-operation'),
    category: document.getElementById('filter-category'),
    outcome: document.getElementById('filter-outcome'),
    severity: document.getElementById('filter-severity'),
    text: document.getElementById('filter-text')
  };
  var OUTCOMES = ['disabled', 'skipped', 'passed', 'failed', 'errored'];

  function matches(el, f) {
    var d = el.dataset;
    if (f.operation) {
      if (f.operation.charAt(0) === '@') { if (d.group !== f.operation.slice(1)) return false; }
      else if (d.operations.indexOf(' ' + f.operation + ' ') < 0) return false;
    }
    if (f.category && d.category !== f.category) return false;
    if (f.outcome === 'problems') { if (d.outcome !== 'failed' && d.outcome !== 'errored') return false; }
    else if (f.outcome && d.outcome !== f.outcome) return false;
    if (f.severity && d.severity !== f.severity) return false;
    if (f.text && (d.id + ' ' + (d.title || '')).toLowerCase().indexOf(f.text.toLowerCase()) < 0) return false;
    return true;
  }
  function current() {
    return { operation: controls.operation.value, category: controls.category.value, outcome: controls.outcome.value,
             severity: controls.severity.value, text: controls.text.value.trim() };
  }
  function apply() {
    var f = current(), shown = 0;
    checks.forEach(function (el) { var ok = matches(el, f); el.hidden = !ok; if (ok) shown++; });
    document.getElementById('shown-count').textContent = shown + ' of ' + checks.length + ' checks shown';
    document.getElementById('no-match').hidden = shown !== 0;
    return shown;
  }
  function set(f) {
    ['operation', 'category', 'outcome', 'severity', 'text'].forEach(function (k) { controls[k].value = f[k] || ''; });
    return apply();
  }
  Object.keys(controls).forEach(function (k) { controls[k].addEventListener(k === 'text' ? 'input' : 'change', apply); });
  document.getElementById('expand-failures').addEventListener('click', function () {
    checks.forEach(function (el) { if (!el.hidden && (el.dataset.outcome === 'failed' || el.dataset.outcome === 'errored')) el.open = true; });
  });
  document.getElementById('reset-filters').addEventListener('click', function () { set({}); });
  Array.prototype.forEach.call(document.querySelectorAll('table.matrix th.row'), function (th) {
    th.addEventListener('click', function () {
      var row = th.dataset.row;
      set({ operation: row === 'cross-operation' || row === 'protocol' ? '@' + row : row });
      document.getElementById('checks').scrollIntoView();
    });
  });

  // Checks every filter against the embedded JSON (the source of truth), so a test can load the
  // page headless and know the filters work, not just that the page renders.
  function selfTest() {
    var saved = current(), failures = [], assertions = 0;
    function visibleIds() { return checks.filter(function (el) { return !el.hidden; }).map(function (el) { return el.dataset.id; }); }
    function expect(name, filter, predicate) {
      set(filter);
      var got = visibleIds().join('\n');
      var want = report.checks.filter(predicate).map(function (c) { return c.id; }).join('\n');
      assertions++;
      if (got !== want) failures.push(name + ': expected [' + want.split('\n').join(', ') + '], shown [' + got.split('\n').join(', ') + ']');
    }
    function check(name, ok) { assertions++; if (!ok) failures.push(name); }
    check('one element per check, in report order',
          checks.map(function (el) { return el.dataset.id; }).join('\n') === report.checks.map(function (c) { return c.id; }).join('\n'));
    expect('no filter', {}, function () { return true; });
    OUTCOMES.forEach(function (o) { expect('outcome=' + o, { outcome: o }, function (c) { return c.outcome === o; }); });
    expect('outcome=problems', { outcome: 'problems' }, function (c) { return c.outcome === 'failed' || c.outcome === 'errored'; });
    ['error', 'warning'].forEach(function (s) { expect('severity=' + s, { severity: s }, function (c) { return c.severity === s; }); });
    var ops = {}, cats = {};
    report.checks.forEach(function (c) { c.operations.forEach(function (o) { ops[o] = true; }); cats[c.category || 'other'] = true; });
    Object.keys(ops).sort().forEach(function (o) {
      expect('operation=' + o, { operation: o }, function (c) { return c.operations.indexOf(o) >= 0; });
      expect('operation=' + o + ' & problems', { operation: o, outcome: 'problems' }, function (c) {
        return c.operations.indexOf(o) >= 0 && (c.outcome === 'failed' || c.outcome === 'errored');
      });
    });
    expect('group=cross-operation', { operation: '@cross-operation' }, function (c) { return c.operations.length > 1; });
    expect('group=protocol', { operation: '@protocol' }, function (c) { return c.operations.length === 0; });
    Object.keys(cats).sort().forEach(function (k) { expect('category=' + k, { category: k }, function (c) { return (c.category || 'other') === k; }); });
    if (report.checks.length) {
      var id = report.checks[report.checks.length - 1].id;
      expect('text=' + id, { text: id }, function (c) { return (c.id + ' ' + c.title).toLowerCase().indexOf(id.toLowerCase()) >= 0; });
    }
    // Every failure expands to all its exchanges and its reproduction.
    report.checks.forEach(function (c, i) {
      if (c.outcome !== 'failed' && c.outcome !== 'errored') return;
      var el = checks[i];
      check(c.id + ': ' + c.exchanges.length + ' exchange(s) rendered', el.querySelectorAll('details.exchange pre').length === c.exchanges.length);
      check(c.id + ': reproduction rendered', !c.reproduction || el.querySelector('pre.reproduction') !== null);
    });
    set(saved);
    return failures.length ? 'SELFTEST FAIL (' + failures.length + ' of ' + assertions + ')\n' + failures.join('\n')
                           : 'SELFTEST PASS ' + assertions + ' assertions';
  }
  window.ecrcSelfTest = selfTest;

  var hasProblems = report.checks.some(function (c) { return c.outcome === 'failed' || c.outcome === 'errored'; });
  set({ outcome: hasProblems ? 'problems' : '' });
  if (location.hash === '#selftest') document.getElementById('selftest-result').textContent = selfTest();
  document.body.setAttribute('data-ready', '1');
})();
