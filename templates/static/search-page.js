/* Prongsai search page: a plain script, so it works from disk. See prongsai/search.py, whose normalize() this is.
   The query is split into words (Intl.Segmenter for Thai, spaces otherwise); a page matches when it holds every
   word. Results come first from the titles and headings (search-index.js, loaded by search.html before this
   script, so that it comes in parallel with the rest of the page), ranked title first; then the pages'
   text (search-text-N.js, one file after another) adds the pages that hold the words only in their text, and
   gives every result a snippet that starts and ends on word boundaries. */
(function () {
  "use strict";
  var d = document, MARK = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/, LEAD = /[\u0e40-\u0e44]/;
  var WORDS = window.Intl && Intl.Segmenter ? new Intl.Segmenter("th", { granularity: "word" }) : null;
  function clean(s) {
    s = s.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, "").replace(/\u0e4d([\u0e48-\u0e4b]?)\u0e32/g, "$1\u0e33");
    s = s.normalize ? s.normalize("NFC") : s;
    return s.replace(/[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, " ").replace(/^ | $/g, "");
  }
  function fold(s) { // one character for one: A-Z to a-z, Thai digits to 0-9, dashes to "-"
    return s.replace(/[A-Z\u0e50-\u0e59\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, function (c) {
      var n = c.charCodeAt(0);
      return n < 91 ? String.fromCharCode(n + 32) : n < 0xe5a ? String.fromCharCode(n - 3616) : "-";
    });
  }
  function normalize(s) { return fold(clean(s)); }
  function words(q) { // Thai runs split into words by the browser (where it can), everything else at spaces
    var out = [];
    normalize(q).split(" ").forEach(function (token) {
      if (!WORDS) return out.push(token);
      token.split(/([\u0e01-\u0e3a\u0e40-\u0e4e]+)/).forEach(function (run, i) {
        if (i % 2 === 0) return run && out.push(run);
        Array.from(WORDS.segment(run)).forEach(function (s) { if (s.isWordLike) out.push(s.segment); });
      });
    });
    return out.filter(function (w, i) { return w && out.indexOf(w) === i; });
  }
  window.prongsaiNormalize = normalize;
  window.prongsaiWords = words;

  var form = d.querySelector("form.site-search"), list = d.getElementById("search-results");
  var status = d.getElementById("search-status"), q = "", terms, root, index, shown = [], late = [], total = 0;
  if (!form || !list || !status) return;
  root = form.getAttribute("data-root") || "";
  try { q = new URLSearchParams(location.search).get("q") || ""; } catch (e) { /* old browser */ }
  form.elements.q.value = q;
  terms = words(q);
  function say(key, n, done) { // messages: see search.html
    status.textContent = status.getAttribute("data-" + key).replace("{n}", n).split("{q}").join(q);
    if (done) status.setAttribute("data-done", "");
  }
  function add(into, tag, text, before) {
    var e = into.insertBefore(tag ? d.createElement(tag) : d.createTextNode(""), before || null);
    e.textContent = text || "";
    return e;
  }
  function count(s) { return terms.reduce(function (sum, t) { return sum + s.split(t).length - 1; }, 0); }
  function holds(s) { return terms.every(function (t) { return s.indexOf(t) >= 0; }); }
  function edge(text, at, from, to) { // a word boundary near `at`, between from and to
    var a = Math.max(0, at - 40), b = Math.min(text.length, at + 40), best = -1;
    if (at <= 0 || at >= text.length) return Math.max(0, Math.min(at, text.length));
    if (WORDS) {
      Array.from(WORDS.segment(text.slice(a, b))).forEach(function (s) {
        var i = a + s.index;
        if ((i > a || a === 0) && i >= from && i <= to && Math.abs(i - at) < Math.abs(best - at)) best = i;
      });
    } else {
      for (var i = from; i <= to; i++) {
        if ((text.charAt(i - 1) === " " || !MARK.test(text.charAt(i)) && !LEAD.test(text.charAt(i - 1))) &&
            Math.abs(i - at) < Math.abs(best - at)) best = i;
      }
    }
    return best < 0 ? at : best;
  }
  function snippet(p, text) { // about 160 characters from just before the first hit, hits marked; false: no hit
    var low = fold(text), marks = [], start, end;
    terms.forEach(function (t) {
      for (var at = low.indexOf(t); at >= 0; at = low.indexOf(t, at + 1)) marks.push([at, at + t.length]);
    });
    if (!marks.length) return false;
    marks.sort(function (x, y) { return x[0] - y[0]; });
    start = edge(text, marks[0][0] - 50, Math.max(0, marks[0][0] - 70), marks[0][0]);
    end = edge(text, start + 160, Math.max(marks[0][1], start + 120), start + 200);
    p.textContent = start ? "…" : "";
    marks.forEach(function (m) {
      var from = Math.max(start, m[0]);
      if (from >= end || m[1] <= from) return;
      end = Math.max(end, m[1]); // a hit is never cut
      add(p, "", text.slice(start, from));
      add(p, "mark", text.slice(from, m[1]));
      start = m[1];
    });
    add(p, "", text.slice(start, end) + (end < text.length ? "…" : ""));
    return true;
  }
  function item(page, before) {
    var li = list.insertBefore(d.createElement("li"), before || null), a = add(add(li, "h2"), "a", page.title);
    a.href = root + page.url;
    page.p = add(li, "p");
    add(li, "p", page.url);
    return li;
  }
  function titles(data) { // every page's title and headings; the pages whose title and headings hold every word
    index = data.pages.map(function (row, order) {
      var heads = row.slice(2).map(function (i) { return data.strings[i]; });
      return { url: row[0], title: data.strings[row[1]], heads: heads.join(" · "), order: order,
               fold: fold(data.strings[row[1]] + "\n" + heads.join("\n")) };
    });
    var found = index.filter(function (page) { return holds(page.fold); });
    found.forEach(function (page) { page.n = [count(fold(page.title)), count(fold(page.heads))]; });
    found.sort(function (x, y) { return y.n[0] - x.n[0] || y.n[1] - x.n[1] || x.order - y.order; });
    found.forEach(function (page) { shown[page.order] = page; item(page); snippet(page.p, page.heads); });
    total = found.length;
  }
  function texts(start, bodies) { // the text of pages start...: snippets, and the pages found only in their text
    bodies.forEach(function (body, i) {
      var page = index[start + i], f;
      if (!page) return;
      if (shown[page.order]) return snippet(page.p, body);
      f = fold(body);
      if (!holds(page.fold + "\n" + f)) return;
      page.n = count(f);
      var at = 0;
      while (at < late.length && late[at].n >= page.n) at++;
      page.li = item(page, late[at] ? late[at].li : null);
      late.splice(at, 0, page);
      snippet(page.p, body);
      total++;
    });
  }
  function load(src, then) {
    var script = d.head.appendChild(d.createElement("script"));
    script.onload = function () { then(true); };
    script.onerror = function () { then(false); };
    script.src = root + src;
  }
  if (!terms.length) return say("empty");
  say("searching", 0);
  (function (data) { // search.html loads search-index.js before this script
    var next = 0, seen = 0;
    if (!data || !data.pages) return say("failed", 0, true);
    titles(data);
    say(total ? "more" : "searching", total);
    var starts = {}; // each text file's first page: the index holds it, the file only its own name
    data.texts.forEach(function (file) { starts[file[0]] = file[1]; });
    (function step(more) {
      var pushed = window.PRONGSAI_TEXT || [];
      for (; seen < pushed.length; seen++) if (pushed[seen][0] in starts) texts(starts[pushed[seen][0]], pushed[seen][1]);
      if (!more || next >= data.texts.length) return say(total ? "found" : "none", total, true);
      load(data.texts[next++][0], step);
    })(true);
  })(window.PRONGSAI_INDEX);
})();
