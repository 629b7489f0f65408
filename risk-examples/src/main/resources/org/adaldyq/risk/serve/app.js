(function () {
  'use strict';
  var form = document.getElementById('upload');
  var t = window.adaldyqText.t;
  var results = document.getElementById('results');

  var element = window.adaldyqPage.element;

  // One result box: `title` while `request` (a fetch promise) runs, then the report in `format`. With `file`
  // (one text's annotated page), the expert's review made on the page gives the draft conclusion.
  function show(title, request, format, download, file, review) {
    var shown = window.adaldyqPage.resultBox(results, title, t('scanning'));
    var box = shown.box;
    request.then(window.adaldyqPage.blob).then(function (blob) {
      shown.status.remove();
      var url = URL.createObjectURL(blob);
      if (format === 'html') {
        var frame = window.adaldyqPage.frame(url, t('reportFor', title));
        if (file) {
          reviewed(box, frame, file, review || '');
        }
        box.appendChild(frame);
      } else if (format === 'docx' || format === 'conclusion') {
        box.appendChild(window.adaldyqPage.download(url, download, null, t('download', download)));
      } else {
        blob.text().then(function (text) {
          box.appendChild(element('pre', null, JSON.stringify(JSON.parse(text), null, 2)));
        });
      }
      box.setAttribute('data-state', 'done');
    }).catch(function (e) {
      window.adaldyqPage.failed(shown, e);
    });
  }

  // The page in `frame` tells its review (JSON lines) after each decision; the button sends the text and that review
  // (at first the one uploaded with it, if any) to POST /api/review and offers the draft conclusion with the findings
  // struck out left out and the factors added in.
  function reviewed(box, frame, file, uploaded) {
    var review = uploaded;
    window.addEventListener('message', function (event) {
      if (event.source === frame.contentWindow && event.data && event.data.type === 'adaldyq-review') {
        review = String(event.data.review || '');
        box.setAttribute('data-review', 'changed');
      }
    });
    var bar = element('p', 'review-actions');
    var button = element('button', null, t('conclusionWithReview'));
    button.type = 'button';
    var status = element('span', 'hint');
    button.addEventListener('click', function () {
      status.className = 'hint';
      status.textContent = t('writing');
      base64(file).then(function (content) {
        return fetch('/api/review?format=conclusion' + minConfidence(), {
          method: 'POST',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({document: {name: file.name, content: content}, review: review})
        });
      }).then(window.adaldyqPage.blob).then(function (blob) {
        status.textContent = '';
        var name = file.name.replace(/\.[^.]+$/, '') + '.conclusion.docx';
        status.appendChild(window.adaldyqPage.download(URL.createObjectURL(blob), name, 'reviewed-conclusion', t('download', name)));
      }).catch(function (e) {
        status.className = 'error';
        status.textContent = e.message;
      });
    });
    bar.appendChild(button);
    bar.appendChild(document.createTextNode(' '));
    bar.appendChild(status);
    box.appendChild(bar);
  }

  // The chosen minimum confidence as a query parameter ('' when every finding is wanted).
  function minConfidence() {
    var min = document.getElementById('min-confidence').value;
    return min ? '&min-confidence=' + encodeURIComponent(min) : '';
  }

  // The text of the expert's review chosen with the files ('' when none is): JSON lines as they are, or the review
  // made in Word on the draft with the scanner's comments (a .docx) read by POST /api/review-from-docx.
  function reviewText() {
    var chosen = document.getElementById('review').files[0];
    if (!chosen) { return Promise.resolve(''); }
    if (!/\.docx$/i.test(chosen.name)) { return chosen.text(); }
    return base64(chosen).then(function (content) {
      return fetch('/api/review-from-docx', {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({document: {name: chosen.name, content: content}})
      });
    }).then(window.adaldyqPage.text).catch(function (e) {
      refuse(chosen.name, t('wordReviewUnread', e.message));
      throw e;
    });
  }

  // One text: scanned (POST /api/scan), or with the expert's review applied (POST /api/review).
  function scan(file, format, review) {
    var download = file.name.replace(/\.[^.]+$/, '') + (format === 'conclusion' ? '.conclusion.docx' : '.review.docx');
    if (!review) {
      show(file.name, fetch('/api/scan?format=' + encodeURIComponent(format) + '&name=' + encodeURIComponent(file.name) + minConfidence(), {
        method: 'POST', body: file
      }), format, download, file);
      return;
    }
    show(file.name, base64(file).then(function (content) {
      return fetch('/api/review?format=' + encodeURIComponent(format) + minConfidence(), {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({document: {name: file.name, content: content}, review: review})
      });
    }), format, download, file, review);
  }

  function base64(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result).split(',')[1] || ''); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(file);
    });
  }

  // The two official versions of one act, scanned together (POST /api/pair), as the expert's review left them if one is chosen.
  function pair(first, second, format, review) {
    var request = Promise.all([base64(first), base64(second)]).then(function (contents) {
      var body = {first: {name: first.name, content: contents[0]}, second: {name: second.name, content: contents[1]}};
      if (review) { body.review = review; }
      return fetch('/api/pair?format=' + encodeURIComponent(format) + minConfidence(), {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body)
      });
    });
    show(first.name + ' + ' + second.name, request, format,
      format === 'conclusion' ? first.name.replace(/\.[^.]+$/, '') + '.conclusion.docx' : 'reviews.zip');
  }

  // Two versions of one draft, the earlier first, compared (POST /api/diff): did the revision remove the risks?
  // With the expert's review of the earlier version, that version is compared as reviewed.
  function diff(before, after, format, review) {
    var request = Promise.all([base64(before), base64(after)]).then(function (contents) {
      var body = {before: {name: before.name, content: contents[0]}, after: {name: after.name, content: contents[1]}};
      if (review) { body.review = review; }
      return fetch('/api/diff?format=' + encodeURIComponent(format), {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body)
      });
    });
    show(before.name + ' → ' + after.name, request, format, '');
  }

  function refuse(title, message) {
    window.adaldyqPage.failed(window.adaldyqPage.resultBox(results, title, ''), new Error(message));
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var files = document.getElementById('files').files;
    var format = document.getElementById('format').value;
    var comparing = document.getElementById('diff').checked;
    if (comparing && document.getElementById('pair').checked) {
      refuse(t('twoFiles'), t('chooseOne'));
      return;
    }
    if (comparing) {
      if (files.length !== 2) {
        refuse(t('twoVersions'), t('chooseTwoVersions'));
      } else if (format === 'docx' || format === 'conclusion') {
        refuse(t('twoVersions'), t('comparisonFormats'));
      } else {
        reviewText().then(function (review) { diff(files[0], files[1], format, review); });
      }
      return;
    }
    if (document.getElementById('pair').checked) {
      if (files.length !== 2) {
        refuse(t('twoOfficial'), t('chooseTwoOfficial'));
      } else {
        reviewText().then(function (review) { pair(files[0], files[1], format, review); });
      }
      return;
    }
    reviewText().then(function (review) {
      for (var i = 0; i < files.length; i++) {
        if (/\.(jsonl|ndjson|json|json\.gz|jsonl\.gz)$/i.test(files[i].name)) {
          // procurement data is not a draft: its page checks it
          refuse(files[i].name, t('ocdsNotDraft'));
          var link = element('a', 'to-tenders', t('tendersLink'));
          link.href = '/tenders';
          results.firstChild.appendChild(link);
        } else {
          scan(files[i], format, review);
        }
      }
    });
  });
})();
