package org.adaldyq.risk.report.writer;

import org.adaldyq.risk.structure.CitationText;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.report.ProvisionScore;
import org.adaldyq.risk.review.Review;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.regulation.RegulationScanner;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.finding.Severity;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.FactorCatalogue;

/**
 * The annotated report people read: one self-contained HTML page (no network: styles, script and charts
 * inline) for one document or a batch. Per document: its score, a chart of findings per factor, filters
 * by factor and severity, the provisions ranked by score, and the full text with each quote highlighted in
 * its factor's colour at its exact offsets, the factor, why, how to fix, score, confidence and trigger words beside it.
 * Labels are in the document's language (kk, ru, en).
 *
 * <p>Every text from a document is escaped; the page's only script is its own, allowed by a
 * Content-Security-Policy hash, so markup or script in a scanned text is shown, never run. Documents are
 * written as they are added (a batch of any size in bounded memory); the index of documents is written
 * last and shown first. Not thread-safe: add documents from one thread.
 */
public final class HtmlReport implements Closeable {

    private static final UiLabels LABELS = UiLabels.read(HtmlReport.class, "html-labels.json");
    private static final com.fasterxml.jackson.databind.ObjectMapper REVIEW_JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    /** Each built-in factor's own colour, the same on every page whatever factors an author adds. */
    private static final Map<String, String> BUILT_IN_COLOURS = Map.ofEntries(
            Map.entry("APPLICANT_BURDEN", "#e6194b"), Map.entry("BLANKET_DELEGATION", "#3cb44b"),
            Map.entry("CONFLICT_OF_INTEREST", "#c9a400"), Map.entry("EXCESSIVE_REQUIREMENTS", "#4363d8"),
            Map.entry("MISSING_PROCEDURE", "#f58231"), Map.entry("NON_COMPETITIVE", "#911eb4"),
            Map.entry("NON_TRANSPARENCY", "#1a9e9e"), Map.entry("NORM_COLLISION", "#d63cc8"),
            Map.entry("NO_ACCOUNTABILITY", "#7a9a00"), Map.entry("OPTIONAL_POWER", "#b5651d"),
            Map.entry("PRIVATE_DELEGATION", "#29b6f6"), Map.entry("SELECTIVE_EXCEPTION", "#f06292"),
            Map.entry("VAGUE_TERMS", "#800000"), Map.entry("WIDE_DISCRETION", "#000075"));
    /** Colours for factors an author adds, in code order. */
    private static final String[] OTHER_COLOURS = {"#5d6d7e", "#a0522d", "#2e8b57", "#6a5acd", "#b8860b", "#c71585"};
    /**
     * Script functions for review lines ({@link Review}'s format) on a page, shared by this page and the page of both
     * official versions: a line's factors and its JSON, the line a read line goes to, and its decisions taken.
     */
    static final String REVIEW_FUNCTIONS = """
              function has(list, code) { return list.indexOf(code) >= 0; }
              function without(list, code) { return list.filter(function (c) { return c !== code; }); }
              function factors(l) {
                var out = l.found.filter(function (c) { return !has(l.struck, c); });
                l.added.forEach(function (c) { if (!has(out, c)) { out.push(c); } });
                return out.sort();
              }
              // a finding's state in its line: 'confirmed', 'struck' or '' (to review); and set to one of them
              function state(l, code) { return has(l.confirmed, code) ? 'confirmed' : has(l.struck, code) ? 'struck' : ''; }
              function setState(l, code, s) {
                l.confirmed = without(l.confirmed, code);
                l.struck = without(l.struck, code);
                if (s) { l[s] = l[s].concat([code]).sort(); }
              }
              // each finding's note marked with its state (lineOf: the note's line); the counts, the factors added with them
              function paintNotes(notes, lineOf, lines) {
                var counts = {confirmed: 0, struck: 0, toReview: 0, added: 0};
                notes.forEach(function (note) {
                  var l = lineOf(note);
                  if (!l) { return; }
                  var s = state(l, note.getAttribute('data-factor'));
                  note.setAttribute('data-review', s);
                  counts[s || 'toReview']++;
                  note.querySelectorAll('button[data-decision]').forEach(function (b) {
                    b.setAttribute('aria-pressed', String(b.getAttribute('data-decision') === s));
                  });
                });
                lines.forEach(function (l) { counts.added += l.added.length; });
                return counts;
              }
              function countsText(counts, words) {
                return counts.confirmed + ' ' + words.confirmed + ' · ' + counts.struck + ' ' + words.struck + ' · ' + counts.toReview + ' '
                  + words.toReview + ' · ' + counts.added + ' ' + words.added;
              }
              // each finding's note in the expert's words: its box opened by its button, kept in the line as typed (then
              // changed()); returns fill(), which shows the notes the lines hold
              function noteBoxes(notes, lineOf, changed) {
                notes.forEach(function (note) {
                  var area = note.querySelector('textarea.expert-note');
                  note.querySelector('button.write-note').addEventListener('click', function () {
                    area.hidden = !area.hidden;
                    if (!area.hidden) { area.focus(); }
                  });
                  area.addEventListener('input', function () {
                    var l = lineOf(note);
                    var code = note.getAttribute('data-factor');
                    l.notes = l.notes || {};
                    if (area.value.trim()) { l.notes[code] = area.value; } else { delete l.notes[code]; }
                    changed();
                  });
                });
                return function fill() {
                  notes.forEach(function (note) {
                    var l = lineOf(note);
                    var area = note.querySelector('textarea.expert-note');
                    if (!l || !area) { return; }
                    area.value = (l.notes || {})[note.getAttribute('data-factor')] || '';
                    area.hidden = !area.value;
                  });
                };
              }
              // the factor code on l as the expert's: a factor found and struck out is found again, another is added
              function addFactor(l, code) {
                if (has(l.found, code)) {
                  l.struck = without(l.struck, code);
                } else if (!has(l.added, code)) {
                  l.added = l.added.concat([code]).sort();
                }
              }
              // the factors added, an item each (nameOf: its provision's name) with its remove button (then changed())
              function addedList(list, lines, nameOf, removeWord, changed) {
                list.textContent = '';
                lines.forEach(function (l) {
                  l.added.forEach(function (code) {
                    var item = document.createElement('li');
                    item.textContent = nameOf(l) + ' · ' + code + ' ';
                    var remove = document.createElement('button');
                    remove.type = 'button';
                    remove.textContent = removeWord;
                    remove.addEventListener('click', function () { l.added = without(l.added, code); changed(); });
                    item.appendChild(remove);
                    list.appendChild(item);
                  });
                });
              }
              // a Word file chosen as a review: said so in place (its review is read by review from-docx, or by serve)
              function wordFile(file, loaded, words) {
                if (!/\\.(docx|docm|doc)$/i.test(file.name)) { return false; }
                loaded.textContent = words.wordReview;
                return true;
              }
              // the review offered as a download named name
              function save(jsonl, name) {
                var link = document.createElement('a');
                link.href = URL.createObjectURL(new Blob([jsonl], {type: 'application/x-ndjson'}));
                link.download = name;
                document.body.appendChild(link);
                link.click();
                link.remove();
              }
              function reviewLine(l) {
                return JSON.stringify({id: l.id, lang: l.lang, act: l.act, provision: l.provision, start: l.start, end: l.end,
                  text: l.text, factors: factors(l), found: l.found, confirmed: l.confirmed, struck: l.struck, added: l.added,
                  notes: l.notes || {}});
              }
              // the line a line read decides on: at its offset with its words; else, the provision moved (a later version
              // of the text), the one line with its words and citation, or the one with its words
              function relocated(byStart, lines, r) {
                var l = byStart[r.start];
                if (l && r.text === l.text) { return l; }
                var same = lines.filter(function (x) { return x.text === r.text; });
                var cited = same.filter(function (x) { return x.provision === r.provision; });
                return cited.length === 1 ? cited[0] : same.length === 1 ? same[0] : null;
              }
              // a line read's decisions taken on l: on the factors found, and with the codes one may add (null: none), added ones
              function decide(l, r, codes) {
                function known(list, among) { return (Array.isArray(list) ? list : []).filter(function (c) { return has(among, c); }).sort(); }
                l.confirmed = known(r.confirmed, l.found);
                l.struck = known(r.struck, l.found).filter(function (c) { return !has(l.confirmed, c); });
                if (codes) { l.added = known(r.added, codes).filter(function (c) { return !has(l.found, c); }); }
                l.notes = {};
                Object.keys(r.notes && typeof r.notes === 'object' ? r.notes : {}).forEach(function (c) {
                  if (typeof r.notes[c] === 'string' && (has(l.found, c) || codes && has(codes, c))) { l.notes[c] = r.notes[c]; }
                });
              }
            """;

    private static final String SCRIPT = "(function () {\n" + REVIEW_FUNCTIONS + """
              function apply(section) {
                var off = {};
                section.querySelectorAll('input[data-filter]').forEach(function (box) {
                  if (!box.checked) { off[box.getAttribute('data-filter')] = true; }
                });
                section.querySelectorAll('[data-factor]').forEach(function (el) {
                  var hidden = off['f:' + el.getAttribute('data-factor')] || off['s:' + el.getAttribute('data-severity')];
                  if (el.tagName === 'MARK') {
                    el.classList.toggle('off', !!hidden);
                  } else {
                    el.hidden = !!hidden;
                  }
                });
                section.querySelectorAll('mark[data-findings]').forEach(function (mark) {
                  var ids = mark.getAttribute('data-findings').split(' ');
                  var shown = ids.some(function (id) {
                    var note = document.getElementById(id);
                    return note && !note.hidden && note.getAttribute('data-review') !== 'struck';
                  });
                  mark.classList.toggle('off', !shown);
                });
              }
              window.adaldyqReview = {};
              // the expert's review of one document: its provisions as review lines (Review.java's format), the
              // decisions kept in them, the notes and the bar painted from them, saved and loaded as JSON lines
              function review(section, apply) {
                var data = section.querySelector('script.review-data');
                var bar = section.querySelector('.review-bar');
                if (!data || !bar) { return; }
                var lines = JSON.parse(data.textContent);
                // each provision's words from the text the page shows (one line per paragraph), not a second copy
                var shown = Array.prototype.map.call(section.querySelectorAll('p.line'), function (p) { return p.textContent; }).join('\\n');
                var byStart = {};
                var act = bar.getAttribute('data-act');
                lines.forEach(function (l) {
                  l.text = (l.lead ? shown.slice(l.lead[0], l.lead[1]) + '\\n' : '') + shown.slice(l.start, l.end);
                  l.id = act + '@' + l.start;
                  l.lang = section.getAttribute('lang');
                  l.act = act;
                  delete l.lead;
                  byStart[l.start] = l;
                });
                var words = JSON.parse(bar.getAttribute('data-words'));
                var names = {};
                bar.querySelectorAll('select.provision option').forEach(function (o) { names[o.value] = o.textContent; });
                function jsonl() {
                  return lines.map(reviewLine).join('\\n') + '\\n';
                }
                var notes = section.querySelectorAll('aside.note[data-start]');
                function lineOf(note) { return byStart[note.getAttribute('data-start')]; }
                // where the expert reads: the paragraph each provision starts in (the page's text is a paragraph per
                // line, so offsets count the paragraphs' words and a newline each), a + beside it to add a factor there
                var paras = Array.prototype.slice.call(section.querySelectorAll('p.line'));
                var paraStarts = [];
                var offset = 0;
                paras.forEach(function (p) { paraStarts.push(offset); offset += p.textContent.length + 1; });
                function paraOf(start) {
                  var lo = 0, hi = paraStarts.length - 1;
                  while (lo < hi) {
                    var mid = (lo + hi + 1) >> 1;
                    if (paraStarts[mid] <= start) { lo = mid; } else { hi = mid - 1; }
                  }
                  return paras[lo];
                }
                // the notes beside a paragraph: its own notes' box, or a new one in its row
                function notesBeside(p) {
                  var next = p.nextElementSibling;
                  if (next && next.classList.contains('notes')) { return next; }
                  var box = document.createElement('div');
                  box.className = 'notes';
                  p.after(box);
                  return box;
                }
                var factorSelect = bar.querySelector('select.factor');
                var titles = {};
                factorSelect.querySelectorAll('option').forEach(function (o) {
                  titles[o.value] = o.textContent.slice(0, o.textContent.lastIndexOf(' ('));
                });
                var starting = new Map();
                lines.forEach(function (l) {
                  var p = paraOf(l.start);
                  if (!starting.has(p)) { starting.set(p, []); }
                  starting.get(p).push(l);
                });
                starting.forEach(function (provisions, p) {
                  var plus = document.createElement('button'); // its + drawn by the style: the paragraph's words stay as they are
                  plus.type = 'button';
                  plus.className = 'plus';
                  plus.title = words.addFactor + ': ' + provisions.map(function (l) { return names[l.start] || l.provision; }).join('; ');
                  plus.setAttribute('aria-label', plus.title);
                  p.insertBefore(plus, p.firstChild);
                  plus.addEventListener('click', function () {
                    var box = notesBeside(p);
                    var form = box.querySelector('.add-inline');
                    if (form) { form.remove(); return; }
                    form = document.createElement('div');
                    form.className = 'add-inline';
                    var which = null;
                    if (provisions.length > 1) {
                      which = document.createElement('select');
                      which.className = 'provision-inline';
                      provisions.forEach(function (l) {
                        var o = document.createElement('option');
                        o.value = l.start;
                        o.textContent = names[l.start] || l.provision;
                        which.appendChild(o);
                      });
                      form.appendChild(which);
                    }
                    var factor = factorSelect.cloneNode(true);
                    factor.className = 'factor-inline';
                    form.appendChild(factor);
                    var add = document.createElement('button');
                    add.type = 'button';
                    add.textContent = words.add;
                    add.addEventListener('click', function () {
                      addFactor(which ? byStart[which.value] : provisions[0], factor.value);
                      form.remove();
                      changed();
                    });
                    form.appendChild(add);
                    box.insertBefore(form, box.firstChild);
                    factor.focus();
                  });
                });
                // each factor added, a note beside its provision's paragraph: its title, the expert's note, Remove
                var addedShown = null;
                function addedNotes() {
                  var now = JSON.stringify(lines.map(function (l) {
                    return l.added.map(function (code) { return [code, (l.notes || {})[code] || '']; });
                  }));
                  if (now === addedShown) { return; }
                  addedShown = now;
                  section.querySelectorAll('aside.added-note').forEach(function (n) { n.remove(); });
                  lines.forEach(function (l) {
                    l.added.forEach(function (code) {
                      var note = document.createElement('aside');
                      note.className = 'note added-note';
                      note.setAttribute('data-factor', code);
                      note.setAttribute('data-added-start', l.start);
                      var h4 = document.createElement('h4');
                      h4.textContent = titles[code] || code;
                      var cite = document.createElement('p');
                      cite.className = 'cite';
                      cite.textContent = (names[l.start] || l.provision) + ' · ' + code;
                      var by = document.createElement('p');
                      by.className = 'expert';
                      by.textContent = words.added;
                      var area = document.createElement('textarea');
                      area.className = 'expert-note';
                      area.maxLength = 4000;
                      area.placeholder = words.notePlaceholder;
                      area.setAttribute('aria-label', words.note);
                      area.value = (l.notes || {})[code] || '';
                      area.addEventListener('input', function () {
                        l.notes = l.notes || {};
                        if (area.value.trim()) { l.notes[code] = area.value; } else { delete l.notes[code]; }
                        posted();
                      });
                      var remove = document.createElement('button');
                      remove.type = 'button';
                      remove.className = 'remove';
                      remove.textContent = words.remove;
                      remove.addEventListener('click', function () {
                        l.added = without(l.added, code);
                        if (l.notes) { delete l.notes[code]; }
                        changed();
                      });
                      [h4, cite, by, area, remove].forEach(function (e) { note.appendChild(e); });
                      var box = notesBeside(paraOf(l.start));
                      box.insertBefore(note, box.querySelector('.add-inline') ? box.firstChild.nextSibling : box.firstChild);
                    });
                  });
                }
                function paint() {
                  var counts = paintNotes(notes, lineOf, lines);
                  addedList(bar.querySelector('ul.added'), lines, function (l) { return names[l.start] || l.provision; }, words.remove, changed);
                  addedNotes();
                  bar.querySelector('.review-counts').textContent = countsText(counts, words);
                  apply(section);
                }
                var savedTo = bar.querySelector('.saved-to');
                function changed() {
                  paint();
                  posted();
                  if (savedTo && savedTo.getAttribute('data-state') === 'saved') {
                    savedTo.setAttribute('data-state', 'unsaved');
                    savedTo.textContent = words.unsaved;
                  }
                }
                function posted() {
                  if (window.parent !== window) {
                    window.parent.postMessage({type: 'adaldyq-review', act: bar.getAttribute('data-act'), review: jsonl()}, '*');
                  }
                }
                var fill = noteBoxes(notes, lineOf, changed);
                notes.forEach(function (note) {
                  note.querySelectorAll('button[data-decision]').forEach(function (b) {
                    b.addEventListener('click', function () {
                      var l = lineOf(note);
                      var code = note.getAttribute('data-factor');
                      setState(l, code, state(l, code) === b.getAttribute('data-decision') ? '' : b.getAttribute('data-decision'));
                      changed();
                    });
                  });
                });
                bar.querySelector('button.add').addEventListener('click', function () {
                  var l = byStart[bar.querySelector('select.provision').value];
                  var code = bar.querySelector('select.factor').value;
                  if (!l || !code) { return; }
                  addFactor(l, code);
                  changed();
                });
                bar.querySelector('button.save').addEventListener('click', function () {
                  save(jsonl(), bar.getAttribute('data-act').replace(/\\.[^.]*$/, '') + '.review.jsonl');
                });
                // a page a server shows (the act of a search hit): the review saved where the server keeps it
                if (savedTo) {
                  bar.querySelector('button.save-to').addEventListener('click', function () {
                    savedTo.removeAttribute('data-state');
                    savedTo.textContent = '…';
                    fetch(bar.getAttribute('data-save-to'), {method: 'POST', headers: {'Content-Type': 'application/x-ndjson'}, body: jsonl()})
                      .then(function (response) {
                        return response.json().catch(function () { return {}; }).then(function (answer) {
                          var ok = response.ok;
                          savedTo.setAttribute('data-state', ok ? 'saved' : 'failed');
                          var stale = Array.isArray(answer.stale) ? answer.stale.length : 0;
                          savedTo.textContent = !ok ? words.notSaved + ': ' + (answer.error || response.status)
                            : answer.unchanged ? words.alreadySaved
                            : words.savedToIndex + ' · ' + words.decisionsCount + ': ' + answer.decisions
                              + (stale ? ', ' + words.notApplied + ': ' + stale : '');
                        });
                      })
                      .catch(function (err) {
                        savedTo.setAttribute('data-state', 'failed');
                        savedTo.textContent = words.notSaved + ': ' + err;
                      });
                  });
                }
                var codes = [];
                bar.querySelectorAll('select.factor option').forEach(function (o) { codes.push(o.value); });
                bar.querySelector('input.load').addEventListener('change', function (e) {
                  var file = e.target.files[0];
                  if (!file || wordFile(file, bar.querySelector('.loaded'), words)) { return; }
                  file.text().then(function (text) {
                    var matched = 0, other = 0, read = [];
                    text.split('\\n').forEach(function (raw) {
                      if (!raw.trim()) { return; }
                      try { read.push(JSON.parse(raw)); } catch (err) { other++; }
                    });
                    // this text's lines; a file that has none is a review of this text under another name
                    var ours = read.filter(function (r) { return r && r.act === act; });
                    var disputes = bar.querySelector('ul.disputes');
                    disputes.textContent = '';
                    section.querySelectorAll('aside.note p.dispute').forEach(function (p) { p.remove(); });
                    (ours.length ? ours : read).forEach(function (r) {
                      var l = r && relocated(byStart, lines, r);
                      if (!l) { other++; return; }
                      decide(l, r, codes);
                      matched++;
                      // a review to adjudicate (review agree --adjudicate): what each expert decided, beside the finding
                      Object.keys(r.dispute && typeof r.dispute === 'object' ? r.dispute : {}).filter(function (code) {
                        return has(codes, code); // a catalogue code, never a selector of the file's making
                      }).forEach(function (code) {
                        var said = String(r.dispute[code]);
                        var item = document.createElement('li');
                        item.textContent = words.disputed + ': ' + (names[l.start] || l.provision) + ' · ' + code + ' — ' + said;
                        disputes.appendChild(item);
                        section.querySelectorAll('aside.note[data-start="' + l.start + '"][data-factor="' + code + '"]').forEach(function (note) {
                          var p = document.createElement('p');
                          p.className = 'dispute';
                          p.textContent = words.disputed + ': ' + said;
                          note.insertBefore(p, note.querySelector('p.decide'));
                        });
                      });
                    });
                    other += ours.length ? read.length - ours.length : 0;
                    bar.querySelector('.loaded').textContent = matched + ' / ' + (matched + other);
                    fill();
                    changed();
                  });
                });
                window.adaldyqReview[section.id] = jsonl;
                fill();
                paint();
              }
              document.querySelectorAll('section.doc').forEach(function (section) {
                review(section, apply);
                section.querySelectorAll('input[data-filter]').forEach(function (box) {
                  box.addEventListener('change', function () { apply(section); });
                });
                section.querySelectorAll('mark[data-findings]').forEach(function (mark) {
                  mark.addEventListener('click', function () {
                    var note = document.getElementById(mark.getAttribute('data-findings').split(' ')[0]);
                    if (note) { note.scrollIntoView({block: 'center'}); note.classList.add('flash');
                      setTimeout(function () { note.classList.remove('flash'); }, 900); }
                  });
                });
              });
            })();
            """;
    private static final String STYLE = """
            :root { --ink: #1d1d1f; --muted: #5f6368; --line: #dadce0; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #f6f7f9; }
            header.top { background: #12355b; color: #fff; padding: 14px 24px; }
            header.top h1 { margin: 0; font-size: 20px; }
            main { display: flex; flex-direction: column; gap: 18px; padding: 18px 24px; max-width: 1400px; margin: 0 auto; }
            nav.index { order: -1; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
            nav.index table { border-collapse: collapse; width: 100%; }
            nav.index td, nav.index th { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); }
            section.doc { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; }
            section.doc h2 { margin: 0 0 6px; font-size: 18px; word-break: break-all; }
            .facts { color: var(--muted); margin: 0 0 12px; }
            .facts b { color: var(--ink); }
            .overview { display: grid; grid-template-columns: minmax(260px, 1fr) minmax(260px, 1fr); gap: 18px; margin-bottom: 12px; }
            .panel h3 { font-size: 14px; margin: 0 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
            .filters label { display: inline-flex; align-items: center; gap: 4px; margin: 2px 10px 2px 0; font-size: 13px; }
            .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; }
            ol.jump { margin: 0; padding-left: 20px; max-height: 220px; overflow: auto; font-size: 13px; }
            .body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(240px, 2fr); gap: 8px 20px; }
            .line { grid-column: 1; margin: 0; white-space: pre-wrap; word-wrap: break-word; }
            .line.heading { font-weight: 600; font-size: 1.1em; margin-top: 0.4em; }
            .line .md { display: none; }
            ol.jump .factor { white-space: nowrap; }
            .notes { grid-column: 2; }
            aside.note { border-left: 4px solid var(--c); background: #fafbfc; border-radius: 4px; padding: 6px 10px; margin: 0 0 8px; font-size: 13px; }
            aside.note.flash { outline: 2px solid var(--c); }
            aside.note p.expert { color: #1e5b34; }
            aside.note p.dispute, .review-bar ul.disputes { color: #8a4b00; }
            aside.note h4 { margin: 0 0 2px; font-size: 13px; }
            aside.note p { margin: 2px 0; }
            aside.note .score { float: right; font-weight: 600; margin-left: 10px; }
            aside.note .cite { color: var(--muted); }
            mark { background: color-mix(in srgb, var(--c) 22%, white); border-bottom: 2px solid var(--c); color: inherit; cursor: pointer; padding: 0 1px; }
            mark.off { background: none; border-bottom: none; cursor: auto; }
            .sev { font-size: 11px; padding: 0 5px; border-radius: 8px; color: #fff; }
            .sev-high { background: #b3261e; } .sev-medium { background: #c26a00; } .sev-low { background: #5f6368; }
            .none { color: var(--muted); }
            .review-bar { border: 1px dashed #9aa0a6; border-radius: 6px; padding: 8px 12px; margin: 0 0 12px; font-size: 13px; }
            .review-bar h3 { font-size: 14px; margin: 0 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
            .review-bar p { margin: 2px 0 6px; }
            .review-bar select.provision { max-width: 420px; }
            .review-bar ul.added { margin: 4px 0; padding-left: 20px; }
            .review-bar .review-counts { font-weight: 600; }
            .review-bar .saved-to[data-state="saved"] { color: #137333; }
            .review-bar .saved-to[data-state="failed"], .review-bar .saved-to[data-state="unsaved"] { color: #a50e0e; }
            .review-bar button, aside.note .decide button { font: inherit; font-size: 12px; padding: 1px 9px; border: 1px solid #9aa0a6; border-radius: 10px; background: #fff; cursor: pointer; }
            aside.note .decide { display: flex; gap: 6px; margin-top: 4px; }
            aside.note textarea.expert-note { width: 100%; min-height: 3.2em; margin-top: 4px; font: inherit; font-size: 12px; }
            aside.note[data-review=confirmed] { background: #eef7ee; }
            aside.note button[data-decision=confirmed][aria-pressed=true] { background: #1e7d32; border-color: #1e7d32; color: #fff; }
            aside.note[data-review=struck] { opacity: .6; }
            p.line { position: relative; }
            p.line button.plus { position: absolute; left: -19px; top: 2px; width: 16px; height: 16px; padding: 0; border: 1px solid #9aa0a6; border-radius: 50%; background: #fff; color: var(--muted); font: 12px/13px system-ui, sans-serif; cursor: pointer; opacity: 0; }
            p.line button.plus::before { content: "+"; }
            p.line:hover button.plus, p.line button.plus:focus { opacity: 1; }
            @media (hover: none) { p.line button.plus { opacity: .7; } }
            .add-inline { border: 1px dashed #9aa0a6; border-radius: 4px; padding: 6px 8px; margin: 0 0 8px; font-size: 13px; display: flex; flex-wrap: wrap; gap: 6px; }
            .add-inline select { max-width: 100%; }
            aside.note.added-note { --c: #1e7d32; background: #eef7ee; }
            aside.note.added-note button.remove { font: inherit; font-size: 12px; padding: 1px 9px; border: 1px solid #9aa0a6; border-radius: 10px; background: #fff; cursor: pointer; margin-top: 4px; }
            @media print { p.line button.plus, .add-inline, aside.note.added-note button.remove { display: none; } }
            .missing button.add-here { font: inherit; font-size: 12px; padding: 1px 9px; border: 1px solid #9aa0a6; border-radius: 10px; background: #fff; cursor: pointer; margin-left: 6px; }
            .missing[data-review=added] { border: 1px solid #1e7d32; background: #eef7ee; color: var(--ink); }
            .missing button.add-here[aria-pressed=true] { background: #1e7d32; border-color: #1e7d32; color: #fff; }
            aside.note[data-review=struck] h4 { text-decoration: line-through; }
            aside.note button[data-decision=struck][aria-pressed=true] { background: #b3261e; border-color: #b3261e; color: #fff; }
            .error { color: #b3261e; }
            footer { color: var(--muted); font-size: 12px; padding: 8px 24px 24px; text-align: center; }
            @media (max-width: 800px) { .overview, .body { grid-template-columns: 1fr; } .notes { grid-column: 1; } }
            @media print {
              body { background: #fff; font-size: 11pt; }
              header.top { background: none; color: #000; border-bottom: 2px solid #000; }
              .filters, .jump-panel, .review-bar, aside.note .decide, aside.note textarea, aside.note[data-review=struck] { display: none; }
              section.doc, nav.index { border: none; break-before: page; }
              .body { grid-template-columns: 3fr 2fr; }
              mark, .swatch, .sev, aside.note { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              aside.note { break-inside: avoid; }
            }
            """;

    private final Writer out;
    private final FactorCatalogue catalogue;
    private final Language language;
    /** Where the review bars save a document's review (a page a server shows); null: they only download it. */
    private final String saveTo;
    private final Map<String, String> colours = new TreeMap<>();
    private final List<String[]> index = new ArrayList<>();
    private int documents;
    private boolean closed;

    /**
     * Starts a page on {@code out}. {@code language} is the language of the page's own labels (each
     * document's section uses the document's language). The writer is not closed by {@link #close()}.
     *
     * @throws IOException when the writer fails
     */
    public HtmlReport(Writer out, FactorCatalogue catalogue, Language language) throws IOException {
        this(out, catalogue, language, null);
    }

    /**
     * Starts a page a server shows, whose review bars also save the review on that server: a button posts the
     * document's review lines ({@code Content-Type: application/x-ndjson}) to {@code saveTo} and shows what the
     * server answered ({@code decisions}, {@code stale}, {@code unchanged} of its JSON, or its {@code error}). The page
     * may connect to its own origin only.
     *
     * @param saveTo a path or URL on the page's own server that takes a document's review, or null for none
     * @throws IOException when the writer fails
     */
    public HtmlReport(Writer out, FactorCatalogue catalogue, Language language, String saveTo) throws IOException {
        this.out = out;
        this.catalogue = catalogue;
        this.language = language;
        this.saveTo = saveTo;
        this.colours.putAll(colours(catalogue));
        head(out, language, label("title", language), "", SCRIPT, saveTo != null);
    }

    /** One colour per factor code of {@code catalogue}, the same on every page. */
    static Map<String, String> colours(FactorCatalogue catalogue) {
        Map<String, String> colours = new TreeMap<>();
        int i = 0;
        for (String code : new TreeSet<>(catalogue.codes())) {
            String own = BUILT_IN_COLOURS.get(code);
            colours.put(code, own != null ? own : OTHER_COLOURS[i++ % OTHER_COLOURS.length]);
        }
        return colours;
    }

    /**
     * The start of a page of this family up to its {@code <main>}: the shared style plus {@code extraStyle},
     * and a Content-Security-Policy that allows only {@code script} (none when it is empty).
     */
    static void head(Writer out, Language language, String title, String extraStyle, String script) throws IOException {
        head(out, language, title, extraStyle, script, false);
    }

    /** As above; with {@code connectSelf}, the page's script may also send requests to the page's own origin. */
    private static void head(Writer out, Language language, String title, String extraStyle, String script, boolean connectSelf)
            throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"" + language.code() + "\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src data:; script-src " + (script.isEmpty() ? "'none'" : scriptSource(script))
                + (connectSelf ? "; connect-src 'self'" : "") + "\">\n");
        out.write("<title>" + escape(title) + " — Adaldyq Risk</title>\n<style>" + STYLE + extraStyle + "</style>\n</head>\n");
        out.write("<body>\n<header class=\"top\"><h1>" + escape(title) + "</h1></header>\n<main>\n");
    }

    /**
     * Adds one document's section.
     *
     * @throws IOException when the writer fails
     */
    public void add(ScannedDocument scanned) throws IOException {
        add(scanned, Review.NONE);
    }

    /**
     * Adds one document's section with an expert's review loaded: each finding's note shows whether it was
     * confirmed or struck out, the factors added are listed, and the page saves the review again as JSON
     * lines ({@link Review}) after the reader changes it.
     *
     * @throws IOException when the writer fails
     */
    public void add(ScannedDocument scanned, Review review) throws IOException {
        ensureOpen();
        ScanReport report = scanned.report();
        Language lang = report.language();
        String doc = "d" + documents++;
        List<Finding> findings = report.findings();
        index.add(new String[] {doc, report.source(), String.format(Locale.ROOT, "%.2f", report.score()),
                String.valueOf(findings.size()), null});
        StringBuilder h = new StringBuilder(4096);
        h.append("<section class=\"doc\" id=\"").append(doc).append("\" lang=\"").append(lang.code()).append("\">\n");
        h.append("<h2>").append(escape(report.source())).append("</h2>\n<p class=\"facts\">");
        h.append(escape(label("score", lang))).append(" <b>").append(String.format(Locale.ROOT, "%.2f", report.score())).append("</b> · ");
        h.append(escape(label("findings", lang))).append(" <b>").append(findings.size()).append("</b> · ");
        h.append(escape(label("provisions", lang))).append(" <b>").append(report.provisionCount()).append("</b> · ");
        h.append(escape(label("language", lang))).append(" <b>").append(lang.code()).append("</b></p>\n");
        if (findings.isEmpty()) {
            h.append("<p class=\"none\">").append(escape(label("none", lang))).append("</p>\n");
        } else {
            overview(h, report, doc, lang);
        }
        reviewBar(h, scanned, review, lang);
        body(h, scanned, doc, lang);
        h.append("</section>\n");
        out.write(h.toString());
        out.flush();
    }

    /**
     * Lists an input that could not be scanned in the page's index, with the reason.
     *
     * @throws IOException when the writer fails
     */
    public void addError(String source, String reason, String message) throws IOException {
        ensureOpen();
        index.add(new String[] {null, source, reason, message, "error"});
    }

    /**
     * Writes the index of documents, the script and the end of the page.
     *
     * @throws IOException when the writer fails
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        StringBuilder h = new StringBuilder();
        h.append("<nav class=\"index\"><table>\n<tr><th>").append(escape(label("document", language))).append("</th><th>")
                .append(escape(label("score", language))).append("</th><th>").append(escape(label("findings", language)))
                .append("</th></tr>\n");
        for (String[] row : index) {
            if (row[4] != null) {
                h.append("<tr class=\"error\"><td>").append(escape(row[1])).append("</td><td colspan=\"2\">")
                        .append(escape(label("errors", language))).append(": ").append(escape(row[2])).append(" — ")
                        .append(escape(row[3])).append("</td></tr>\n");
            } else {
                h.append("<tr><td><a href=\"#").append(row[0]).append("\">").append(escape(row[1])).append("</a></td><td>")
                        .append(row[2]).append("</td><td>").append(row[3]).append("</td></tr>\n");
            }
        }
        h.append("</table></nav>\n</main>\n<footer>").append(escape(label("generated", language))).append("</footer>\n");
        h.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        out.write(h.toString());
        out.flush();
    }

    private void overview(StringBuilder h, ScanReport report, String doc, Language lang) {
        Map<String, Integer> perFactor = new TreeMap<>();
        Map<Severity, Integer> perSeverity = new TreeMap<>();
        for (Finding f : report.findings()) {
            perFactor.merge(f.code(), 1, Integer::sum);
            perSeverity.merge(f.severity(), 1, Integer::sum);
        }
        h.append("<div class=\"overview\">\n<div class=\"panel\"><h3>").append(escape(label("byFactor", lang))).append("</h3>\n");
        chart(h, perFactor, lang);
        h.append("<div class=\"filters\"><h3>").append(escape(label("filters", lang))).append("</h3>\n");
        for (Map.Entry<String, Integer> e : perFactor.entrySet()) {
            h.append("<label><input type=\"checkbox\" checked data-filter=\"f:").append(e.getKey()).append("\"><span class=\"swatch\" style=\"background:")
                    .append(colour(e.getKey())).append("\"></span>").append(escape(title(e.getKey(), lang))).append(" (")
                    .append(e.getValue()).append(")</label>\n");
        }
        h.append("<br>");
        for (Severity s : new Severity[] {Severity.HIGH, Severity.MEDIUM, Severity.LOW}) {
            if (perSeverity.containsKey(s)) {
                h.append("<label><input type=\"checkbox\" checked data-filter=\"s:").append(s).append("\"><span class=\"sev sev-")
                        .append(s).append("\">").append(escape(label(s.toString(), lang))).append("</span> (")
                        .append(perSeverity.get(s)).append(")</label>\n");
            }
        }
        h.append("</div></div>\n<div class=\"panel jump-panel\"><h3>").append(escape(label("riskiest", lang))).append("</h3><ol class=\"jump\">\n");
        for (ProvisionScore p : report.provisions()) {
            h.append("<li><a href=\"#").append(doc).append("-o").append(p.start()).append("\">").append(escape(CitationText.of(p.provision(), lang)))
                    .append("</a> — ").append(String.format(Locale.ROOT, "%.2f", p.score())).append(" ·");
            // each factor in its chart colour, its name in the page's language on hover
            for (int i = 0; i < p.factors().size(); i++) {
                String code = p.factors().get(i);
                h.append(i == 0 ? " " : ", ").append("<span class=\"factor\" title=\"").append(escape(title(code, lang)))
                        .append("\"><span class=\"swatch\" style=\"background:").append(colour(code)).append("\"></span> ")
                        .append(escape(code)).append("</span>");
            }
            h.append("</li>\n");
        }
        h.append("</ol></div>\n</div>\n");
    }

    /** A horizontal bar per factor, in its colour, as inline SVG. */
    private void chart(StringBuilder h, Map<String, Integer> perFactor, Language lang) {
        int max = perFactor.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        int rowH = 22;
        int height = perFactor.size() * rowH + 4;
        h.append("<svg role=\"img\" width=\"100%\" height=\"").append(height).append("\" viewBox=\"0 0 580 ").append(height)
                .append("\" preserveAspectRatio=\"xMinYMin meet\">\n");
        int y = 2;
        for (Map.Entry<String, Integer> e : perFactor.entrySet()) {
            int w = Math.max(2, (int) Math.round(200.0 * e.getValue() / max));
            h.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"12\">").append(escape(shorten(title(e.getKey(), lang), 40)))
                    .append("</text><rect x=\"340\" y=\"").append(y + 3).append("\" width=\"").append(w).append("\" height=\"15\" rx=\"3\" fill=\"")
                    .append(colour(e.getKey())).append("\"/><text x=\"").append(346 + w).append("\" y=\"").append(y + 15)
                    .append("\" font-size=\"12\">").append(e.getValue()).append("</text>\n");
            y += rowH;
        }
        h.append("</svg>\n");
    }

    /**
     * The text, one line per paragraph, with every finding's quote marked at its offsets. Overlapping
     * quotes are cut at every edge, so each piece of text is one mark listing all the findings on it;
     * each finding's note follows the line where its quote ends.
     */
    private void body(StringBuilder h, ScannedDocument scanned, String doc, Language lang) {
        String text = scanned.document().text();
        List<Finding> findings = scanned.report().findings();
        TreeSet<Integer> edges = new TreeSet<>();
        // an anchor at every provision: the riskiest list links to some, a search hit (serve's /api/act) to any
        TreeSet<Integer> provisionStarts = new TreeSet<>();
        for (org.adaldyq.risk.structure.Provision p : scanned.document().provisions()) {
            provisionStarts.add(p.start());
        }
        for (Finding f : findings) {
            ProvisionLocation at = (ProvisionLocation) f.location();
            edges.add(at.start());
            edges.add(at.end());
        }
        h.append("<h3>").append(escape(label("text", lang))).append("</h3>\n<div class=\"body\">\n");
        boolean markdown = MarkdownHeadings.in(scanned);
        int lineStart = 0;
        List<Integer> notesDue = new ArrayList<>();
        int nextNote = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int heading = markdown ? MarkdownHeadings.marker(text, lineStart, lineEnd, edges) : 0;
            h.append(heading == 0 ? "<p class=\"line\">" : "<p class=\"line heading\">");
            Integer anchor = provisionStarts.ceiling(lineStart);
            while (anchor != null && anchor <= lineEnd) {
                h.append("<a id=\"").append(doc).append("-o").append(anchor).append("\"></a>");
                anchor = provisionStarts.higher(anchor);
            }
            int pos = lineStart;
            if (heading > 0) {
                // the marks stay in the text (offsets count them) and are hidden: the reader sees a heading
                h.append("<span class=\"md\">").append(escape(text.substring(lineStart, lineStart + heading))).append("</span>");
                pos += heading;
            }
            while (pos < lineEnd) {
                Integer edge = edges.higher(pos);
                int stop = edge == null || edge > lineEnd ? lineEnd : edge;
                List<String> on = new ArrayList<>();
                String first = null;
                for (int i = 0; i < findings.size(); i++) {
                    ProvisionLocation at = (ProvisionLocation) findings.get(i).location();
                    if (at.start() <= pos && at.end() >= stop && at.start() < at.end()) {
                        on.add(doc + "-f" + i);
                        first = first == null ? findings.get(i).code() : first;
                    }
                }
                if (on.isEmpty()) {
                    h.append(escape(text.substring(pos, stop)));
                } else {
                    h.append("<mark data-findings=\"").append(String.join(" ", on)).append("\" style=\"--c:").append(colour(first))
                            .append("\">").append(escape(text.substring(pos, stop))).append("</mark>");
                }
                pos = stop;
            }
            h.append("</p>\n");
            while (nextNote < findings.size()) {
                ProvisionLocation at = (ProvisionLocation) findings.get(nextNote).location();
                if (at.end() > lineEnd && lineEnd < text.length()) {
                    break;
                }
                notesDue.add(nextNote++);
            }
            // findings are in text order by start; one that ends later than a later one's line waits for it
            if (!notesDue.isEmpty()) {
                h.append("<div class=\"notes\">\n");
                for (int i : notesDue) {
                    note(h, findings.get(i), doc + "-f" + i, lang);
                }
                h.append("</div>\n");
                notesDue.clear();
            }
            lineStart = lineEnd + 1;
        }
        h.append("</div>\n");
    }

    private void note(StringBuilder h, Finding f, String id, Language lang) {
        note(h, f, id, colour(f.code()), lang, "", false, true);
    }

    /** The labels of {@code keys} in {@code lang} as one JSON object, for a review bar's script ({@code data-words}). */
    static String labelsJson(Language lang, String... keys) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode labels = REVIEW_JSON.createObjectNode();
        for (String key : keys) {
            labels.put(key, label(key, lang));
        }
        return REVIEW_JSON.writeValueAsString(labels);
    }

    /**
     * The review bar of a document: counts of decisions, the factors added, a provision and a factor to add,
     * save and load; then the document's review lines as JSON for the page's script ({@code <} written as
     * {@code \u003c}, so no text closes the element).
     */
    private void reviewBar(StringBuilder h, ScannedDocument scanned, Review review, Language lang) throws IOException {
        String act = Review.act(scanned.report().source());
        String words = labelsJson(lang, "confirmed", "struck", "toReview", "added", "remove", "disputed", "addFactor", "add", "note",
                "notePlaceholder", "savedToIndex", "alreadySaved", "decisionsCount", "notApplied", "notSaved", "unsaved", "wordReview");
        h.append("<div class=\"review-bar\" data-act=\"").append(escape(act)).append("\" data-words=\"").append(escape(words)).append('"');
        if (saveTo != null) {
            h.append(" data-save-to=\"").append(escape(saveTo)).append('"');
        }
        h.append(">\n");
        h.append("<h3>").append(escape(label("review", lang))).append("</h3>\n<p>").append(escape(label("reviewHelp", lang))).append("</p>\n");
        h.append("<p><span class=\"review-counts\"></span></p>\n<ul class=\"added\"></ul>\n<ul class=\"disputes\"></ul>\n<p>");
        h.append("<label>").append(escape(label("addFactor", lang))).append(": <select class=\"provision\">");
        String text = scanned.document().text();
        for (org.adaldyq.risk.structure.Provision p : scanned.document().provisions()) {
            provisionOption(h, String.valueOf(p.start()), "", p, text, lang);
        }
        h.append("</select></label> <select class=\"factor\">");
        factorOptions(h, catalogue, lang);
        h.append("</select> <button type=\"button\" class=\"add\">").append(escape(label("add", lang))).append("</button></p>\n<p>");
        if (saveTo != null) {
            h.append("<button type=\"button\" class=\"save-to\">").append(escape(label("saveToIndex", lang)))
                    .append("</button> <span class=\"saved-to\" role=\"status\"></span> ");
        }
        h.append("<button type=\"button\" class=\"save\">").append(escape(label("saveReview", lang))).append("</button> <label>")
                .append(escape(label("loadReview", lang))).append(": <input type=\"file\" class=\"load\" accept=\".jsonl,.json,.txt,.docx\"></label> ")
                .append("<span class=\"loaded\"></span></p>\n</div>\n");
        // the lines without their words, which the script takes from the text on the page (a list item's lead-in
        // as offsets, "lead"), nor what it works out (id, language, act, factors): a long act's page does not hold
        // its text twice
        List<org.adaldyq.risk.structure.Provision> provisions = scanned.document().provisions();
        List<Review.Decision> lines = review.worksheet(scanned);
        h.append("<script type=\"application/json\" class=\"review-data\">[");
        for (int i = 0; i < lines.size(); i++) {
            com.fasterxml.jackson.databind.node.ObjectNode l = Review.json(lines.get(i));
            l.remove(List.of("text", "id", "lang", "act", "factors"));
            org.adaldyq.risk.structure.Provision p = provisions.get(i); // a line per provision, in text order
            if (p.hasLeadIn()) {
                l.putArray("lead").add(p.leadInStart()).add(p.leadInEnd());
            }
            h.append(i == 0 ? "" : ",").append(REVIEW_JSON.writeValueAsString(l).replace("<", "\\u003c"));
        }
        h.append("]</script>\n");
    }

    /** A provision as an option of a review bar's list: {@code prefix}, its citation in {@code lang}, its first words. */
    static void provisionOption(StringBuilder h, String value, String prefix, org.adaldyq.risk.structure.Provision p, String text,
                                Language lang) {
        h.append("<option value=\"").append(escape(value)).append("\">").append(escape(prefix)).append(escape(CitationText.of(p.citation(), lang)))
                .append(" — ").append(escape(shorten(p.text(text).replaceAll("\\s+", " ").strip(), 60))).append("</option>");
    }

    /** The catalogue's factors as the options of a review bar's factor list: {@code title (CODE)}, by code. */
    static void factorOptions(StringBuilder h, FactorCatalogue catalogue, Language lang) {
        for (String code : new TreeSet<>(catalogue.codes())) {
            h.append("<option value=\"").append(escape(code)).append("\">").append(escape(catalogue.get(code).map(f -> f.title(lang)).orElse(code)))
                    .append(" (").append(escape(code)).append(")</option>");
        }
    }

    /**
     * A finding's note: title, severity, citation, why, how to fix, triggers; {@code badge} (HTML) before the
     * title, and the quote after the citation where the page does not mark it in the text.
     */
    static void note(StringBuilder h, Finding f, String id, String colour, Language lang, String badge, boolean withQuote) {
        note(h, f, id, colour, lang, badge, withQuote, false);
    }

    /** As above; with {@code review}, the note carries its provision's offset and the confirm / strike-out buttons. */
    static void note(StringBuilder h, Finding f, String id, String colour, Language lang, String badge, boolean withQuote,
                     boolean review) {
        ProvisionLocation at = (ProvisionLocation) f.location();
        h.append("<aside class=\"note\" id=\"").append(id).append("\" data-factor=\"").append(f.code()).append("\" data-severity=\"")
                .append(f.severity()).append('"');
        if (review) {
            h.append(" data-start=\"").append(at.provisionStart()).append('"');
        }
        h.append(" style=\"--c:").append(colour).append("\">");
        h.append("<span class=\"score\">").append(String.format(Locale.ROOT, "%.2f", f.score()));
        if (f.confidence() != null) {
            h.append(" · <span class=\"confidence\" title=\"").append(escape(confidenceWords(f))).append("\">")
                    .append(escape(label("confidence", lang))).append(' ').append(String.format(Locale.ROOT, "%.2f", f.confidence()))
                    .append("</span>");
        }
        h.append("</span>");
        h.append("<h4>").append(badge).append(escape(f.title())).append(" <span class=\"sev sev-").append(f.severity()).append("\">")
                .append(escape(label(f.severity().toString(), lang))).append("</span></h4>");
        h.append("<p class=\"cite\">").append(escape(CitationText.of(at.provision(), lang))).append(" · ").append(f.code());
        if (withQuote) {
            h.append(" · «").append(escape(at.quote())).append("»");
        }
        h.append("</p>");
        h.append("<p><b>").append(escape(label("why", lang))).append(":</b> ").append(escape(f.explanation())).append("</p>");
        h.append("<p><b>").append(escape(label("fix", lang))).append(":</b> ").append(escape(f.recommendation())).append("</p>");
        if (!f.triggers().isEmpty()) {
            h.append("<p><b>").append(escape(label("triggers", lang))).append(":</b> ")
                    .append(escape(String.join(", ", f.triggers()))).append("</p>");
        }
        String decision = Review.decision(f);
        if (decision != null) {
            // a finding as an expert's review left it (pair and diff pages of reviewed texts)
            h.append("<p class=\"expert\">").append(escape(label(Review.ADDED.equals(decision) ? "added" : "confirmedByExpert", lang)))
                    .append("</p>");
        }
        String expertNote = Review.note(f);
        if (expertNote != null) {
            h.append("<p class=\"expert\"><b>").append(escape(label("expertNote", lang))).append(":</b> ").append(escape(expertNote))
                    .append("</p>");
        }
        if (review) {
            h.append("<p class=\"decide\"><button type=\"button\" data-decision=\"confirmed\" aria-pressed=\"false\">✓ ")
                    .append(escape(label("confirm", lang))).append("</button><button type=\"button\" data-decision=\"struck\" aria-pressed=\"false\">✗ ")
                    .append(escape(label("strike", lang))).append("</button><button type=\"button\" class=\"write-note\">✎ ")
                    .append(escape(label("note", lang))).append("</button></p><textarea class=\"expert-note\" hidden maxlength=\"")
                    .append(Review.MAX_NOTE).append("\" placeholder=\"").append(escape(label("notePlaceholder", lang)))
                    .append("\" aria-label=\"").append(escape(label("note", lang))).append("\"></textarea>");
        }
        h.append("</aside>\n");
    }

    /** The finding's confidence in words (its evidence entry), for the tooltip; empty when it has none. */
    private static String confidenceWords(Finding f) {
        String words = f.evidenceValue(RegulationScanner.CONFIDENCE_EVIDENCE);
        return words == null ? "" : words;
    }

    private String title(String code, Language lang) {
        return catalogue.get(code).map(f -> f.title(lang)).orElse(code);
    }

    private String colour(String code) {
        return colours.getOrDefault(code, "#777777");
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the HTML report is closed");
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /**
     * Escapes text for HTML element content and quoted attribute values ({@code & < > " '}).
     *
     * @param s any text
     * @return the text, safe inside an element or a quoted attribute
     */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String label(String key, Language lang) {
        return LABELS.get(key, lang);
    }

    /**
     * The Content-Security-Policy source that allows the annotated page's own script: a page that shows the
     * annotated page in a frame from a {@code blob:} URL, which inherits the showing page's policy, allows it with this.
     *
     * @return the quoted hash source
     */
    public static String scriptSource() {
        return scriptSource(SCRIPT);
    }

    /**
     * The Content-Security-Policy source that allows exactly this inline script ({@code 'sha256-…'}).
     *
     * @param script the script's text, as it stands between its tags
     * @return the quoted hash source
     */
    public static String scriptSource(String script) {
        return "'sha256-" + sha256Base64(script) + "'";
    }

    private static String sha256Base64(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
