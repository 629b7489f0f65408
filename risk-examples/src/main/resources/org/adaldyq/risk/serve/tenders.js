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
    var box = element('section', 'result');
    box.setAttribute('data-file', file.name);
    box.appendChild(element('h2', null, file.name));
    var status = element('p', 'status', t('checking'));
    box.appendChild(status);
    results.insertBefore(box, results.firstChild);
    fetch('/api/tenders?format=' + encodeURIComponent(format) + '&lang=' + encodeURIComponent(reportLang.value), {
      method: 'POST', body: file
    }).then(window.adaldyqPage.blob).then(function (blob) {
      status.remove();
      var url = URL.createObjectURL(blob);
      if (format === 'html') {
        var frame = element('iframe');
        frame.setAttribute('sandbox', 'allow-scripts allow-downloads');
        frame.setAttribute('title', t('reportFor', file.name));
        frame.src = url;
        box.appendChild(frame);
        box.setAttribute('data-state', 'done');
        return;
      }
      var name = file.name.replace(/\.gz$/i, '').replace(/\.[^.]+$/, '') + '.tenders.jsonl';
      var link = element('a', 'download', t('download', name));
      link.href = url;
      link.download = name;
      box.appendChild(link);
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
      status.className = 'error';
      status.textContent = e.message;
      box.setAttribute('data-state', 'error');
    });
  });
})();
