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

  function show(file, format) {
    var box = element('section', 'result');
    box.setAttribute('data-file', file.name);
    box.appendChild(element('h2', null, file.name));
    var status = element('p', 'status', 'Scanning…');
    box.appendChild(status);
    results.insertBefore(box, results.firstChild);
    fetch('/api/scan?format=' + encodeURIComponent(format) + '&name=' + encodeURIComponent(file.name), {
      method: 'POST', body: file
    }).then(function (response) {
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
        frame.setAttribute('title', 'Report for ' + file.name);
        frame.src = url;
        box.appendChild(frame);
      } else if (format === 'docx') {
        var link = element('a', null, 'Download ' + file.name.replace(/\.[^.]+$/, '') + '.review.docx');
        link.href = url;
        link.download = file.name.replace(/\.[^.]+$/, '') + '.review.docx';
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

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var files = document.getElementById('files').files;
    var format = document.getElementById('format').value;
    for (var i = 0; i < files.length; i++) { show(files[i], format); }
  });
})();
