(function () {
  'use strict';
  // What the web app's scripts share: an element made with text only (a text's words never read as markup), and a
  // fetch answer's body, or the error the server sent (reason: message) thrown.
  function element(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function answered(response, read) {
    if (!response.ok) {
      return response.json().catch(function () { return {error: String(response.status)}; }).then(function (e) {
        var error = new Error((e.reason ? e.reason + ': ' : '') + e.error);
        error.detail = e.error; // the server's words alone
        throw error;
      });
    }
    return read(response);
  }
  // a report the server wrote, shown in a frame that may run its own script and offer downloads, nothing more
  function frame(url, title) {
    var f = element('iframe');
    f.setAttribute('sandbox', 'allow-scripts allow-downloads');
    f.setAttribute('title', title);
    f.src = url;
    return f;
  }
  // a link that saves url (a Blob's URL) as the file name
  function download(url, name, cls, text) {
    var a = element('a', cls, text);
    a.href = url;
    a.download = name;
    return a;
  }
  // a result box at the top of results: its title and a status line until the result comes (then remove the status)
  function resultBox(results, title, waiting) {
    var box = element('section', 'result');
    box.setAttribute('data-file', title);
    box.appendChild(element('h2', null, title));
    var status = element('p', 'status', waiting);
    box.appendChild(status);
    results.insertBefore(box, results.firstChild);
    return {box: box, status: status};
  }
  // the error a request ended with, said in the box's status line
  function failed(shown, e) {
    shown.status.className = 'error';
    shown.status.textContent = e.message;
    shown.box.setAttribute('data-state', 'error');
  }
  window.adaldyqPage = {
    element: element,
    frame: frame,
    download: download,
    resultBox: resultBox,
    failed: failed,
    // the body as a Blob, JSON or text, or the server's error thrown
    blob: function (response) { return answered(response, function (r) { return r.blob(); }); },
    json: function (response) { return answered(response, function (r) { return r.json(); }); },
    text: function (response) { return answered(response, function (r) { return r.text(); }); }
  };
})();
