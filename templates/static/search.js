/* Prongsai search: a plain script, so it works from disk. See prongsai/search.py, whose normalize() this is. */
(function () {
  "use strict";
  var d = document, MARK = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;
  function clean(s) {
    s = s.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, "").replace(/\u0e4d([\u0e48-\u0e4b]?)\u0e32/g, "$1\u0e33");
    s = s.normalize ? s.normalize("NFC") : s;
    return s.replace(/[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, " ").replace(/^ | $/g, "");
  }
  function fold(s) { // one character for one: A-Z to a-z, Thai digits to 0-9
    return s.replace(/[A-Z\u0e50-\u0e59]/g, function (c) { c = c.charCodeAt(0); return String.fromCharCode(c < 91 ? c + 32 : c - 3616); });
  }
  function normalize(s) { return fold(clean(s)); }
  window.prongsaiNormalize = normalize;

  var form = d.querySelector("form.site-search"), ready = function () {}, script;
  if (!form) return;
  function load() { // the index, once the search box is used
    if (script) return;
    script = d.head.appendChild(d.createElement("script"));
    script.onload = script.onerror = function () { ready(window.PRONGSAI_INDEX); };
    script.src = (form.getAttribute("data-root") || "") + "search-index.js";
  }
  form.addEventListener("focusin", load);
  form.addEventListener("submit", load);

  var list = d.getElementById("search-results"), status = d.getElementById("search-status"), q = "", terms;
  if (!list || !status) return;
  try { q = new URLSearchParams(location.search).get("q") || ""; } catch (e) { /* old browser */ }
  form.elements.q.value = q;
  terms = normalize(q).split(" ").filter(Boolean);
  function say(key, n) { // messages: see search.html
    status.textContent = status.getAttribute("data-" + key).replace("{n}", n).split("{q}").join(q);
  }
  function add(into, tag, text) {
    var e = into.appendChild(tag ? d.createElement(tag) : d.createTextNode(""));
    e.textContent = text || "";
    return e;
  }
  function snippet(p, text) { // from just before the first hit, hits marked
    var low = fold(text), start, end, marks = [];
    terms.forEach(function (t) {
      for (var at = low.indexOf(t); at >= 0; at = low.indexOf(t, at + 1)) marks.push([at, at + t.length]);
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    start = marks.length ? Math.max(0, marks[0][0] - 50) : 0;
    while (start && MARK.test(text.charAt(start))) start--; // keep marks with their letter
    end = Math.min(text.length, start + 160);
    while (end < text.length && MARK.test(text.charAt(end))) end++;
    add(p, "", start ? "…" : "");
    marks.forEach(function (m) {
      var from = Math.max(start, m[0]);
      if (from >= end || m[1] <= from) return;
      end = Math.max(end, m[1]); // a hit is never cut
      add(p, "", text.slice(start, from));
      add(p, "mark", text.slice(from, m[1]));
      start = m[1];
    });
    add(p, "", text.slice(start, end) + (end < text.length ? "…" : ""));
  }
  if (!terms.length) return say("empty");
  ready = function (index) {
    if (!index) return say("failed");
    var found = [];
    index.forEach(function (page, order) { // [url, title, [headings], text]
      var f = [page[1], page[2].join("\n"), page[3]].map(fold), all = f.join("\n");
      if (terms.every(function (t) { return all.indexOf(t) >= 0; })) {
        found.push({ page: page, order: order, n: f.map(function (x) {
          return terms.reduce(function (sum, t) { return sum + x.split(t).length - 1; }, 0);
        }) });
      }
    });
    found.sort(function (a, b) { return b.n[0] - a.n[0] || b.n[1] - a.n[1] || b.n[2] - a.n[2] || a.order - b.order; });
    say(found.length ? "found" : "none", found.length);
    found.forEach(function (r) {
      var li = add(list, "li");
      add(add(li, "h2"), "a", r.page[1]).href = r.page[0];
      snippet(add(li, "p"), r.n[2] || !r.n[1] ? r.page[3] : r.page[2].join(" · "));
      add(li, "p", r.page[0]);
    });
  };
  load();
})();
