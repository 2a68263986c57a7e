/* Prongsai service worker: pages and files once seen stay readable with no network.
   Registered only over http(s) (base.html); from disk (file://) nothing changes.
   Pages: network first, the stored copy when offline. Other files: the stored copy first (scripts, styles and
   lists, which change with every build, are fetched again behind it for the next visit). A request that asks for
   no stored copy (cache: "no-store", the offline download's) goes to the network and is not kept.
   Asked by a page (message "prefetch"), it fetches in the background what offline.json lists (prongsai/prefetch.py:
   home, contact, the citizens' service items, the current year's ITA pages; at most 300 KB), unless the browser
   marks the link as metered (Save-Data) or slow (2G); again only when a new build changes offline.json's version. */
var CACHE = "prongsai-v1", LIST = "offline.json";
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });
self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) { return; }
  if (request.cache === "no-store") { return; } // the offline download (static/offline.js) wants the files as published
  var keep = function (response) {
    if (response && response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  };
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).then(keep).catch(function () {
      return caches.match(request).then(function (hit) { return hit || caches.match(new URL("index.html", self.location).href); });
    }));
    return;
  }
  // scripts, styles and lists change with every build: the kept copy now, the new one fetched for next time
  var renewed = /\.(js|css|json)$/.test(new URL(request.url).pathname);
  event.respondWith(caches.match(request).then(function (hit) {
    if (!hit) { return fetch(request).then(keep); }
    if (renewed) { // past the browser's HTTP cache, which may hold the same old copy
      event.waitUntil(fetch(request.url, { cache: "no-cache" }).then(function (response) {
        if (response.ok) { return caches.open(CACHE).then(function (cache) { return cache.put(request, response); }); }
      }).catch(function () {}));
    }
    return hit;
  }));
});

var busy = null;
function prefetch() {
  var link = self.navigator.connection, root = self.registration.scope;
  if (link && (link.saveData || /2g$/.test(link.effectiveType || ""))) { return Promise.resolve("skipped"); }
  return caches.open(CACHE).then(function (cache) {
    return Promise.all([fetch(root + LIST, { cache: "no-store" }), cache.match(root + LIST)]).then(function (got) {
      var fresh = got[0], old = got[1];
      if (!fresh.ok) { return "no list"; }
      return fresh.clone().json().then(function (list) {
        return (old ? old.json() : Promise.resolve({})).then(function (kept) {
          if (kept.version === list.version) { return "current"; }
          return list.files.reduce(function (done, file) { // one after another: the link stays usable
            return done.then(function () {
              var url = new URL(file[0], root).href;
              return fetch(url, { cache: "no-cache" }).then(function (response) {
                if (response.ok) { return cache.put(url, response); }
              });
            });
          }, Promise.resolve()).then(function () { return cache.put(root + LIST, fresh); }).then(function () { return "kept"; });
        });
      });
    });
  }).catch(function () { return "failed"; });
}
self.addEventListener("message", function (event) {
  if (event.data !== "prefetch") { return; }
  busy = busy || prefetch().then(function (result) { busy = null; return result; });
  event.waitUntil(busy.then(function (result) { if (event.source) { event.source.postMessage({ prefetch: result }); } }));
});
