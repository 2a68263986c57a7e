/* Prongsai search: a plain script, so it works opened from disk. Every page: adds the index (search-index.js)
   when the search box is used. search.html: shows the results, with its messages. normalize() is
   prongsai/search.py normalize(); tests/test_browser.py checks they agree. */
(function () {
  "use strict";
  var MARK = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;
  function clean(s) {
    s = String(s).replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, "").replace(/\u0e4d([\u0e48-\u0e4b]?)\u0e32/g, "$1\u0e33");
    s = s.normalize ? s.normalize("NFC") : s;
    return s.replace(/[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, " ").replace(/^ | $/g, "");
  }
  function fold(s) { // one character for one: A-Z to a-z, Thai digits to 0-9
    return s.replace(/[A-Z\u0e50-\u0e59]/g, function (c) { c = c.charCodeAt(0); return String.fromCharCode(c < 91 ? c + 32 : c - 3616); });
  }
  function normalize(s) { return fold(clean(s)); }
  window.prongsaiNormalize = normalize;

  var form = document.querySelector("form.site-search"), waiting = [], asked;
  if (!form) return;
  function withIndex(then) {
    if (window.PRONGSAI_INDEX) return then(window.PRONGSAI_INDEX);
    waiting.push(then);
    if (asked) return;
    asked = document.createElement("script");
    asked.src = (form.getAttribute("data-root") || "") + "search-index.js";
    asked.onload = asked.onerror = function () { while (waiting.length) waiting.shift()(window.PRONGSAI_INDEX); };
    document.head.appendChild(asked);
  }
  function preload() { withIndex(function () {}); }
  form.addEventListener("focusin", preload);
  form.addEventListener("submit", preload);

  var list = document.getElementById("search-results"), status = document.getElementById("search-status"), q = "";
  if (!list || !status) return;
  try { q = decodeURIComponent((/[?&]q=([^&#]*)/.exec(location.search) || [0, ""])[1].replace(/\+/g, " ")); } catch (e) { /* bad % */ }
  form.elements.q.value = q;
  var terms = normalize(q).split(" ").filter(function (t, i, all) { return t && all.indexOf(t) === i; });
  function say(key, n) {
    status.textContent = status.getAttribute("data-" + key).replace("{n}", n).replace("{q}", function () { return q; });
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    e.textContent = text || "";
    e.className = cls || "";
    return e;
  }
  function hits(text, t) {
    for (var n = 0, at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + t.length)) n++;
    return n;
  }
  function snippet(text) { // 160 characters from just before the first hit, hits marked
    var low = fold(text), start = text.length, end, marks = [], p = el("p", "", "search-snippet");
    terms.forEach(function (t) {
      for (var at = low.indexOf(t); at >= 0; at = low.indexOf(t, at + 1)) { marks.push([at, at + t.length]); start = Math.min(start, at); }
    });
    start = start < text.length ? Math.max(0, start - 50) : 0;
    while (start && MARK.test(text.charAt(start))) start--; // keep vowels and tone marks with their letter
    end = Math.min(text.length, start + 160);
    while (end < text.length && MARK.test(text.charAt(end))) end++;
    p.textContent = start ? "…" : "";
    marks.sort(function (a, b) { return a[0] - b[0]; }).forEach(function (m) {
      var from = Math.max(start, m[0]), to = Math.min(end, m[1]);
      if (to <= from) return;
      p.appendChild(document.createTextNode(text.slice(start, from)));
      p.appendChild(el("mark", text.slice(from, to)));
      start = to;
    });
    p.appendChild(document.createTextNode(text.slice(start, end) + (end < text.length ? "…" : "")));
    return p;
  }
  var nojs = document.getElementById("search-nojs");
  if (nojs) nojs.hidden = true;
  if (!terms.length) return say("empty");
  withIndex(function (index) {
    if (!index) return say("failed");
    var found = [];
    index.forEach(function (page, order) { // [url, title, [headings], text]
      var f = [fold(page[1]), fold(page[2].join("\n")), fold(page[3])], all = f.join("\n");
      if (terms.every(function (t) { return all.indexOf(t) >= 0; })) {
        found.push({ page: page, order: order, n: f.map(function (x) { return terms.reduce(function (s, t) { return s + hits(x, t); }, 0); }) });
      }
    });
    found.sort(function (a, b) { return b.n[0] - a.n[0] || b.n[1] - a.n[1] || b.n[2] - a.n[2] || a.order - b.order; });
    say(found.length ? "found" : "none", found.length);
    found.forEach(function (r) {
      var li = el("li"), h = li.appendChild(el("h2")), a = h.appendChild(el("a", r.page[1]));
      a.href = r.page[0];
      li.appendChild(snippet(r.n[2] || !r.n[1] ? r.page[3] : r.page[2].join(" · ")));
      li.appendChild(el("p", r.page[0], "search-url"));
      list.appendChild(li);
    });
  });
})();
