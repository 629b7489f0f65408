(function () {
  'use strict';
  var form = document.getElementById('upload');
  var results = document.getElementById('results');

  function element(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // One result box: `title` while `request` (a fetch promise) runs, then the report in `format`.
  function show(title, request, format, download) {
    var box = element('section', 'result');
    box.setAttribute('data-file', title);
    box.appendChild(element('h2', null, title));
    var status = element('p', 'status', 'Scanning…');
    box.appendChild(status);
    results.insertBefore(box, results.firstChild);
    request.then(function (response) {
      if (!response.ok) {
        return response.json().then(function (e) { throw new Error(e.reason + ': ' + e.error); });
      }
      return response.blob();
    }).then(function (blob) {
      status.remove();
      var url = URL.createObjectURL(blob);
      if (format === 'html') {
        var frame = element('iframe');
        frame.setAttribute('sandbox', 'allow-scripts');
        frame.setAttribute('title', 'Report for ' + title);
        frame.src = url;
        box.appendChild(frame);
      } else if (format === 'docx' || format === 'conclusion') {
        var link = element('a', null, 'Download ' + download);
        link.href = url;
        link.download = download;
        box.appendChild(link);
      } else {
        blob.text().then(function (text) {
          box.appendChild(element('pre', null, JSON.stringify(JSON.parse(text), null, 2)));
        });
      }
      box.setAttribute('data-state', 'done');
    }).catch(function (e) {
      status.className = 'error';
      status.textContent = e.message;
      box.setAttribute('data-state', 'error');
    });
  }

  // The chosen minimum confidence as a query parameter ('' when every finding is wanted).
  function minConfidence() {
    var min = document.getElementById('min-confidence').value;
    return min ? '&min-confidence=' + encodeURIComponent(min) : '';
  }

  function scan(file, format) {
    show(file.name, fetch('/api/scan?format=' + encodeURIComponent(format) + '&name=' + encodeURIComponent(file.name) + minConfidence(), {
      method: 'POST', body: file
    }), format, file.name.replace(/\.[^.]+$/, '') + (format === 'conclusion' ? '.conclusion.docx' : '.review.docx'));
  }

  function base64(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result).split(',')[1] || ''); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(file);
    });
  }

  // The two official versions of one act, scanned together (POST /api/pair).
  function pair(first, second, format) {
    var request = Promise.all([base64(first), base64(second)]).then(function (contents) {
      return fetch('/api/pair?format=' + encodeURIComponent(format) + minConfidence(), {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({first: {name: first.name, content: contents[0]}, second: {name: second.name, content: contents[1]}})
      });
    });
    show(first.name + ' + ' + second.name, request, format,
      format === 'conclusion' ? first.name.replace(/\.[^.]+$/, '') + '.conclusion.docx' : 'reviews.zip');
  }

  // Two versions of one draft, the earlier first, compared (POST /api/diff): did the revision remove the risks?
  function diff(before, after, format) {
    var request = Promise.all([base64(before), base64(after)]).then(function (contents) {
      return fetch('/api/diff?format=' + encodeURIComponent(format), {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({before: {name: before.name, content: contents[0]}, after: {name: after.name, content: contents[1]}})
      });
    });
    show(before.name + ' → ' + after.name, request, format, '');
  }

  function refuse(title, message) {
    var box = element('section', 'result');
    box.setAttribute('data-state', 'error');
    box.appendChild(element('h2', null, title));
    box.appendChild(element('p', 'error', message));
    results.insertBefore(box, results.firstChild);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var files = document.getElementById('files').files;
    var format = document.getElementById('format').value;
    var comparing = document.getElementById('diff').checked;
    if (comparing && document.getElementById('pair').checked) {
      refuse('Two files', 'Choose one: the official versions of one act, or two versions of one draft.');
      return;
    }
    if (comparing) {
      if (files.length !== 2) {
        refuse('Two versions of one draft', 'Choose exactly two files: the earlier version of the draft first, then the later one.');
      } else if (format === 'docx' || format === 'conclusion') {
        refuse('Two versions of one draft', 'A comparison comes as the annotated page or as JSON, not as DOCX.');
      } else {
        diff(files[0], files[1], format);
      }
      return;
    }
    if (document.getElementById('pair').checked) {
      if (files.length !== 2) {
        refuse('Two official versions', 'Choose exactly two files: the two official versions of one act.');
      } else {
        pair(files[0], files[1], format);
      }
      return;
    }
    for (var i = 0; i < files.length; i++) { scan(files[i], format); }
  });
})();
