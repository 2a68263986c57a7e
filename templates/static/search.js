/* Prongsai, on every page: a plain script, so it works from disk. Once the search box is used it loads the small
   titles index (search-index.js), so that the search page finds it already here (static/search-page.js searches);
   folded parts (O12's months, the ITA index's URLs) are printed open; over http(s) the footer's link to site.zip
   gets the file's size (a HEAD request, once the link is in view). */
(function () {
  "use strict";
  var d = document, form = d.querySelector("form.site-search"), script;
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(d.querySelectorAll("details"), function (e) { e.open = true; });
  });
  var zip = d.querySelector("a[data-zip]"), seen;
  if (zip && /^https?:$/.test(location.protocol) && window.fetch && window.IntersectionObserver) {
    seen = new IntersectionObserver(function (entries) { // the download's size, once its link is in view
      if (!entries[0].isIntersecting) return;
      seen.disconnect();
      fetch(zip.href, { method: "HEAD" }).then(function (r) {
        var n = +r.headers.get("content-length");
        if (r.ok && n) zip.querySelector(".zip-size").textContent = ", " + (n / 1048576).toFixed(1) + " MB";
      }).catch(function () { /* offline: no size */ });
    });
    seen.observe(zip);
  }
  if (!form) return;
  function load() {
    if (script) return;
    script = d.head.appendChild(d.createElement("script"));
    script.src = (form.getAttribute("data-root") || "") + "search-index.js";
  }
  form.addEventListener("focusin", load);
  form.addEventListener("submit", load);
})();
