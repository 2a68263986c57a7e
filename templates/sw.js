/* Prongsai service worker: pages and files once seen stay readable with no network.
   Registered only over http(s) (base.html); from disk (file://) nothing changes.
   Pages: network first, the stored copy when offline. Other files: the stored copy first. */
var CACHE = "prongsai-v1";
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });
self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) { return; }
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
  event.respondWith(caches.match(request).then(function (hit) { return hit || fetch(request).then(keep); }));
});
