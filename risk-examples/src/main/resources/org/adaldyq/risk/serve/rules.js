(function () {
  'use strict';
  // The rules page: GET /api/rules every two seconds (what each pack's author folders hold, the rules in force, the
  // last reload and its problems), a text tried on the rules in force (POST /api/scan), the catalogue's factors.
  var t = window.adaldyqText.t;
  var element = window.adaldyqPage.element;

  function pack(box, state) {
    box.querySelectorAll(':scope > :not(h2)').forEach(function (e) { e.remove(); });
    var folders = state.folders || [];
    box.appendChild(element('p', null, folders.length ? t('foldersWatched') : t('noFolders')));
    if (folders.length) {
      var list = element('ul', 'folders');
      folders.forEach(function (f) { list.appendChild(element('li', null, f)); });
      box.appendChild(list);
    }
    if (state.inForce) { box.appendChild(element('p', 'in-force', t('inForce', state.inForce))); }
    var last = state.lastReload;
    var reload = element('p', 'reload');
    if (!last) {
      reload.textContent = t('noReload');
      reload.setAttribute('data-state', 'none');
    } else {
      reload.setAttribute('data-state', last.applied ? 'applied' : 'failed');
      var at = new Date(last.at).toLocaleString(window.adaldyqText.lang);
      reload.textContent = (last.applied ? t('reloadApplied', at) : t('reloadFailed', at, last.errors.length)) + ' — ' + last.summary;
    }
    box.appendChild(reload);
    if (last && last.errors.length) {
      var errors = element('ul', 'errors');
      last.errors.forEach(function (e) { errors.appendChild(element('li', null, e)); });
      box.appendChild(errors);
    }
    box.setAttribute('data-state', reload.getAttribute('data-state'));
  }

  var shown = null;
  function follow() {
    fetch('/api/rules').then(window.adaldyqPage.json).then(function (r) {
      var now = JSON.stringify(r);
      if (now !== shown) { // redrawn only when something changed: a reader's selection stays
        shown = now;
        ['regulation', 'procurement'].forEach(function (name) { pack(document.getElementById(name), r[name] || {}); });
      }
    }).catch(function () { /* the server is restarting: next time */ }).then(function () {
      setTimeout(follow, 2000);
    });
  }
  follow();

  var result = document.getElementById('try-result');
  document.getElementById('try').addEventListener('submit', function (event) {
    event.preventDefault();
    result.textContent = t('scanning');
    result.removeAttribute('data-state');
    var text = document.getElementById('try-text').value;
    fetch('/api/scan?format=json&name=try.txt', {method: 'POST', headers: {'Content-Type': 'text/plain; charset=utf-8'}, body: text})
      .then(window.adaldyqPage.json).then(function (reports) {
        var report = Array.isArray(reports) ? reports[0] : reports;
        result.textContent = '';
        result.appendChild(element('p', null, t('tryFound', report.findings.length, report.provisionCount, report.language)));
        if (report.findings.length) {
          var table = element('table');
          var head = element('tr');
          ['factorColumn', 'ruleColumn', 'quoteColumn', 'triggersColumn'].forEach(function (k) { head.appendChild(element('th', null, t(k))); });
          table.appendChild(head);
          report.findings.forEach(function (f) {
            var row = element('tr');
            row.setAttribute('data-rule', f.ruleId);
            row.appendChild(element('td', null, f.factor + ' — ' + f.title));
            var rule = element('td');
            rule.appendChild(element('code', null, f.ruleId));
            row.appendChild(rule);
            row.appendChild(element('td', null, '«' + f.quote + '» (' + f.provision + ')'));
            row.appendChild(element('td', null, (f.triggers || []).join(', ')));
            table.appendChild(row);
          });
          result.appendChild(table);
        }
        result.setAttribute('data-state', 'done');
      }).catch(function (e) {
        result.textContent = e.message;
        result.className = 'error';
        result.setAttribute('data-state', 'error');
      });
  });

  fetch('/api/factors').then(window.adaldyqPage.json).then(function (r) {
    var body = document.getElementById('factors');
    r.factors.forEach(function (f) {
      var row = element('tr');
      var code = element('td');
      code.appendChild(element('code', null, f.code));
      row.appendChild(code);
      row.appendChild(element('td', null, f.title[window.adaldyqText.lang] || f.title.en));
      row.appendChild(element('td', null, f.severity));
      body.appendChild(row);
    });
  });
})();
