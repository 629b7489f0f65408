(function () {
  'use strict';
  // The tenders page: an OCDS file sent to POST /api/tenders, the dashboard shown in a sandboxed frame or the
  // tenders report (JSON lines) offered with its closing summary line shown; an error said in place.
  var t = window.adaldyqText.t;
  var form = document.getElementById('tenders');
  var results = document.getElementById('results');
  var reportLang = document.getElementById('report-lang');
  reportLang.value = window.adaldyqText.lang; // the report in the page's language unless another is chosen

  var element = window.adaldyqPage.element;

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('ocds').files[0];
    if (!file) { return; }
    var format = document.getElementById('format').value;
    var shown = window.adaldyqPage.resultBox(results, file.name, t('checking'));
    var box = shown.box;
    fetch('/api/tenders?format=' + encodeURIComponent(format) + '&lang=' + encodeURIComponent(reportLang.value), {
      method: 'POST', body: file
    }).then(window.adaldyqPage.blob).then(function (blob) {
      shown.status.remove();
      var url = URL.createObjectURL(blob);
      if (format === 'html') {
        box.appendChild(window.adaldyqPage.frame(url, t('reportFor', file.name)));
        box.setAttribute('data-state', 'done');
        return;
      }
      var name = file.name.replace(/\.gz$/i, '').replace(/\.[^.]+$/, '') + '.tenders.jsonl';
      box.appendChild(window.adaldyqPage.download(url, name, 'download', t('download', name)));
      return blob.text().then(function (text) {
        var lines = text.trim().split('\n');
        // the last line is the run's summary: how many processes, how many flagged, what could not be read
        var summary = JSON.parse(lines[lines.length - 1]);
        if (summary.processes === 0) {
          var problems = Object.keys(summary.inputProblems || {}).map(function (k) { return k + ' ' + summary.inputProblems[k]; });
          box.appendChild(element('p', 'error', t('noProcesses', problems.length ? problems.join(', ') : t('noOcds'))));
        }
        box.appendChild(element('pre', 'summary', JSON.stringify(summary, null, 2)));
        box.setAttribute('data-state', 'done');
      });
    }).catch(function (e) {
      window.adaldyqPage.failed(shown, e);
    });
  });
})();
