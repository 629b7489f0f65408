(function () {
  'use strict';
  // The search page: the query and its filters sent to GET /api/search, the hits and the facet counts drawn from
  // the answer with text nodes only (an act's words are never read as markup).
  var form = document.getElementById('search');
  var hitsList = document.getElementById('hits');
  var summary = document.getElementById('summary');
  var facetsBox = document.getElementById('facets');
  var chosen = {factor: '', act: ''};
  var limit = 50;
  var t = window.adaldyqText.t;
  var count = window.adaldyqText.count;
  var names = {factor: t('facetFactor'), act: t('facetAct'), language: t('facetLanguage')};
  // each factor's title in the page's language (GET /api/factors), its code where the catalogue has none
  var titles = {};
  var catalogue = fetch('/api/factors').then(function (response) { return response.json(); }).then(function (r) {
    r.factors.forEach(function (f) { titles[f.code] = f.title[window.adaldyqText.lang] || f.title.en; });
  }).catch(function () { /* the codes, then */ });
  function title(code) { return titles[code] || code; }

  var element = window.adaldyqPage.element;

  // The snippet's text with its matched words marked, as text nodes and <mark> elements (a hit's offsets are in the
  // provision's text, the snippet starts at s.start in it).
  function snippet(s) {
    var p = element('p', 'snippet');
    var at = 0;
    (s.hits || []).forEach(function (h) {
      var from = h.start - s.start, to = h.end - s.start;
      if (from < at || to > s.text.length) { return; }
      p.appendChild(document.createTextNode(s.text.slice(at, from)));
      p.appendChild(element('mark', null, s.text.slice(from, to)));
      at = to;
    });
    p.appendChild(document.createTextNode(s.text.slice(at)));
    return p;
  }

  function hit(h) {
    var li = element('li');
    li.setAttribute('data-act', h.act);
    li.appendChild(element('span', 'score', h.score.toFixed(2)));
    // the act's annotated page, at the provision
    var cite = element('a', 'cite', (h.cited || h.citation) + (h.leadIn ? t('leadIn') : ''));
    cite.href = '/api/act?id=' + encodeURIComponent(h.act) + '#d0-o' + h.start;
    cite.target = '_blank';
    cite.rel = 'noopener';
    li.appendChild(cite);
    li.appendChild(element('span', 'act', ' — ' + (h.title || h.act) + ' (' + h.language + ')'));
    var factors = element('div');
    h.factors.forEach(function (code) {
      var decided = h.expert[code];
      var f = element('span', decided ? 'factor expert' : 'factor', title(code) + (decided ? ' (' + t(decided + 'Decision') + ')' : ''));
      f.setAttribute('data-factor', code);
      f.title = code;
      factors.appendChild(f);
    });
    li.appendChild(factors);
    li.appendChild(snippet(h.snippet));
    if (h.references.length) {
      li.appendChild(element('p', 'refs', t('refersTo', h.references.map(function (r) {
        return '«' + r.text + '»' + (r.act ? ' → ' + r.act : ' ' + t('notIndexed'));
      }).join('; '))));
    }
    if (!h.leadIn) {
      var more = element('button', 'similar-button', t('similar'));
      more.type = 'button';
      more.setAttribute('aria-expanded', 'false');
      more.addEventListener('click', function () { similar(li, h, more); });
      li.appendChild(more);
    }
    return li;
  }

  // Where else the body of law says the same (GET /api/similar): the other official version, how many other acts
  // use each finding's words, the provisions most alike; shown under the hit, the button hides them again.
  function similar(li, h, button) {
    var shown = li.querySelector('.similar');
    if (shown) {
      shown.remove();
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    var box = element('div', 'similar', t('looking'));
    li.appendChild(box);
    button.setAttribute('aria-expanded', 'true');
    var params = new URLSearchParams({act: h.act, citation: h.citation, limit: '5'});
    fetch('/api/similar?' + params.toString()).then(window.adaldyqPage.json).then(function (r) {
      box.textContent = '';
      box.appendChild(element('p', 'twin', r.twinAct ? t('otherVersion', r.twinAct) : t('otherVersionNone')));
      r.formulas.forEach(function (f) {
        box.appendChild(element('p', 'formula', t('formulaUse', title(f.code), f.quote, count('otherActs', f.otherActs),
          count('provisionsCount', f.provisions))));
      });
      var list = element('ul', 'alike');
      r.similar.forEach(function (s) {
        var item = element('li');
        item.setAttribute('data-match', s.match);
        item.appendChild(element('span', 'cite', (s.match === 'twin' ? t('twin') : '') + (s.cited || s.citation)));
        item.appendChild(element('span', 'act', ' — ' + (s.title || s.act) + ' (' + s.language + ')'
          + (s.factors.length ? ' · ' + s.factors.map(title).join(', ') : '')));
        item.appendChild(snippet(s.snippet));
        list.appendChild(item);
      });
      if (!r.similar.length) { list.appendChild(element('li', null, t('noSimilar'))); }
      box.appendChild(list);
    }).catch(function (e) {
      box.className = 'similar error';
      box.textContent = e.detail || e.message;
    });
  }

  function facets(all) {
    facetsBox.textContent = '';
    ['factor', 'act', 'language'].forEach(function (dim) {
      var counts = all[dim] || {};
      var keys = Object.keys(counts);
      if (!keys.length) { return; }
      var box = element('section');
      box.setAttribute('data-dim', dim);
      box.appendChild(element('h2', null, names[dim]));
      var list = element('ul');
      keys.forEach(function (key) {
        var item = element('li');
        if (dim === 'language') {
          item.textContent = key + ' ' + counts[key];
        } else {
          var b = element('button', null, (dim === 'factor' ? title(key) : key) + ' ' + counts[key]);
          b.type = 'button';
          if (dim === 'factor') { b.title = key; }
          b.setAttribute('data-value', key);
          b.setAttribute('aria-pressed', String(chosen[dim] === key));
          b.addEventListener('click', function () {
            chosen[dim] = chosen[dim] === key ? '' : key;
            run();
          });
          item.appendChild(b);
        }
        list.appendChild(item);
      });
      box.appendChild(list);
      facetsBox.appendChild(box);
    });
  }

  function run() {
    var params = new URLSearchParams();
    params.set('q', document.getElementById('q').value);
    params.set('limit', String(limit));
    var min = document.getElementById('min-score').value;
    if (min) { params.set('min-score', min); }
    [['lang', 'lang'], ['sort', 'sort']].forEach(function (p) {
      var v = document.getElementById(p[0]).value;
      if (v) { params.set(p[1], v); }
    });
    if (document.getElementById('confirmed').checked) { params.set('confirmed', 'true'); }
    if (document.getElementById('exact').checked) { params.set('exact', 'true'); }
    if (chosen.factor) { params.set('factor', chosen.factor); }
    if (chosen.act) { params.set('act', chosen.act); }
    summary.className = '';
    summary.textContent = t('searching');
    catalogue.then(function () { return fetch('/api/search?' + params.toString()); }).then(window.adaldyqPage.json).then(function (r) {
      hitsList.textContent = '';
      r.hits.forEach(function (h) { hitsList.appendChild(hit(h)); });
      summary.textContent = count('matches', r.total) + (r.total > r.hits.length ? t('firstShown', r.hits.length) : '');
      if (r.total) {
        // every match (up to 10,000) for a spreadsheet, with the same query and filters
        var sheet = new URLSearchParams(params);
        sheet.set('format', 'csv');
        sheet.set('limit', String(Math.min(r.total, 10000)));
        var csv = element('a', 'csv', t('downloadCsv'));
        csv.href = '/api/search?' + sheet.toString();
        csv.download = 'search.csv';
        summary.appendChild(document.createTextNode(' · '));
        summary.appendChild(csv);
      }
      if (r.total > r.hits.length && limit < 200) {
        var more = element('button', 'more', t('showMore'));
        more.type = 'button';
        more.addEventListener('click', function () {
          limit = Math.min(200, limit + 50);
          run();
        });
        summary.appendChild(document.createTextNode(' '));
        summary.appendChild(more);
      }
      facets(r.facets);
      document.body.setAttribute('data-state', 'done');
    }).catch(function (e) {
      hitsList.textContent = '';
      facetsBox.textContent = '';
      summary.className = 'error';
      summary.textContent = e.detail || e.message;
      document.body.setAttribute('data-state', 'error');
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    chosen = {factor: '', act: ''};
    limit = 50;
    actsBox.open = false;
    run();
  });

  // The body of law (GET /api/acts): every act indexed, the riskiest first, with whether an expert's review is
  // indexed with it; a column's heading sorts by it (again: the other way), an act's title opens its page, and
  // "Search in it" lists its provisions by risk.
  var actsBox = document.getElementById('acts');
  var actsRows = document.getElementById('acts-rows');
  var acts = [];
  var order = {key: 'score', descending: true};
  // a body of law of thousands of acts: the first hundred in the order chosen, the rest on request
  var ACTS_SHOWN = 100;
  var allActs = false;

  function drawActs() {
    var key = order.key;
    var sorted = acts.slice().sort(function (a, b) {
      var x = a[key], y = b[key];
      var c = typeof x === 'string' ? x.localeCompare(y) : (x === y ? 0 : x < y ? -1 : 1);
      return (order.descending ? -c : c) || a.id.localeCompare(b.id);
    });
    actsRows.textContent = '';
    sorted.slice(0, allActs ? sorted.length : ACTS_SHOWN).forEach(function (a) {
      var row = element('tr');
      row.setAttribute('data-act', a.id);
      var name = element('td');
      var open = element('a', 'title', a.title || a.id);
      open.href = '/api/act?id=' + encodeURIComponent(a.id);
      open.target = '_blank';
      open.rel = 'noopener';
      name.appendChild(open);
      name.appendChild(element('span', 'id', a.id));
      row.appendChild(name);
      row.appendChild(element('td', null, a.language));
      row.appendChild(element('td', 'n', String(a.provisions)));
      row.appendChild(element('td', 'n', String(a.findings)));
      row.appendChild(element('td', 'n', a.score.toFixed(2)));
      row.appendChild(element('td', a.reviewed ? 'reviewed' : null, a.reviewed ? t('reviewed') : '—'));
      var within = element('button', 'within', t('searchInIt'));
      within.type = 'button';
      within.addEventListener('click', function () {
        var q = document.getElementById('q');
        if (!q.value.trim()) { q.value = '*:*'; }
        document.getElementById('sort').value = 'score';
        chosen = {factor: '', act: a.id};
        limit = 50;
        actsBox.open = false;
        run();
      });
      var last = element('td');
      last.appendChild(within);
      row.appendChild(last);
      actsRows.appendChild(row);
    });
    if (!allActs && sorted.length > ACTS_SHOWN) {
      var rest = element('tr', 'more-acts');
      var cell = element('td');
      cell.colSpan = 7;
      var more = element('button', 'within', t('showAllActs', sorted.length));
      more.type = 'button';
      more.addEventListener('click', function () { allActs = true; drawActs(); });
      cell.appendChild(more);
      rest.appendChild(cell);
      actsRows.appendChild(rest);
    }
    actsBox.querySelectorAll('th button').forEach(function (b) {
      if (b.getAttribute('data-key') === order.key) {
        b.setAttribute('aria-sort', order.descending ? 'descending' : 'ascending');
      } else {
        b.removeAttribute('aria-sort');
      }
    });
  }

  actsBox.querySelectorAll('th button').forEach(function (b) {
    b.addEventListener('click', function () {
      var key = b.getAttribute('data-key');
      // a new column: words A to Z, numbers and the review highest first
      order = order.key === key ? {key: key, descending: !order.descending}
        : {key: key, descending: key !== 'title' && key !== 'language'};
      drawActs();
    });
  });

  fetch('/api/acts').then(window.adaldyqPage.json).then(function (r) {
    acts = r.acts;
    document.getElementById('acts-summary').textContent = t('actsSummary', count('actsCount', r.total), r.reviewed);
    drawActs();
    actsBox.setAttribute('data-state', 'done');
  }).catch(function (e) {
    document.getElementById('acts-summary').textContent = t('bodyOfLaw') + ': ' + (e.detail || e.message);
    actsBox.setAttribute('data-state', 'error');
  });
})();
