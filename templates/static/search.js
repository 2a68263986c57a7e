/* Prongsai, on every page: a plain script, so it works from disk. Once the search box is used it loads the small
   titles index (search-index.js), so that the search page finds it already here (static/search-page.js searches);
   folded parts (O12's months, the ITA index's URLs) are printed open. */
(function () {
  "use strict";
  var d = document, form = d.querySelector("form.site-search"), script;
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(d.querySelectorAll("details"), function (e) { e.open = true; });
  });
  if (!form) return;
  function load() {
    if (script) return;
    script = d.head.appendChild(d.createElement("script"));
    script.src = (form.getAttribute("data-root") || "") + "search-index.js";
  }
  form.addEventListener("focusin", load);
  form.addEventListener("submit", load);
})();
