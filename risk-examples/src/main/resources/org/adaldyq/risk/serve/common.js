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
  window.adaldyqPage = {
    element: element,
    // the body as a Blob, JSON or text, or the server's error thrown
    blob: function (response) { return answered(response, function (r) { return r.blob(); }); },
    json: function (response) { return answered(response, function (r) { return r.json(); }); },
    text: function (response) { return answered(response, function (r) { return r.text(); }); }
  };
})();
