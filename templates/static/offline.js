/* Prongsai offline download (offline.html; prongsai/offline.py): a part's button fetches the list of its files
   (offline/<host>.json, offline/<host>-ita-<year>.json), then the files, a few at a time, each tried again on a
   dropped link, and saves them as one ZIP made here in the browser with fflate (static/fflate.js, loaded only
   then). The build publishes no ZIP, so one post does not send the whole site again over the agency's link.
   Files already compressed (PDF, images, Office files) are stored as they are; text is deflated.
   Opened from disk (the unzipped copy), the page says so: there is nothing to download. */
(function () {
  "use strict";
  var d = document, copy = d.getElementById("offline-copy"), parts = d.getElementById("offline-parts");
  if (!parts) { return; }
  if (location.protocol === "file:") { // the unzipped copy itself
    parts.hidden = true;
    if (copy) { copy.hidden = false; }
    return;
  }
  if (!(window.fetch && window.Promise && window.Blob && window.TextDecoder && window.URL && URL.createObjectURL)) {
    d.getElementById("offline-old").hidden = false;
    return;
  }
  var STORED = /\.(pdf|jpe?g|png|gif|webp|zip|rar|7z|docx|xlsx|pptx|odt|ods|odp|mp3|mp4|gz)$/i;
  var TRIES = 4, AT_ONCE = 4;
  var library = null;

  function loadLibrary() { // static/fflate.js, once
    library = library || new Promise(function (done, failed) {
      var script = d.createElement("script");
      script.onload = function () { return window.fflate ? done(window.fflate) : failed(new Error("fflate")); };
      script.onerror = function () { library = null; failed(new Error("static/fflate.js")); };
      script.src = "static/fflate.js";
      d.head.appendChild(script);
    });
    return library;
  }
  function wait(ms) { return new Promise(function (done) { setTimeout(done, ms); }); }
  function get(path, tries) { // a file's bytes, past the service worker's copy; a dropped link is tried again
    return fetch(path, { cache: "no-store" }).then(function (response) {
      if (!response.ok) { throw new Error(path + " " + response.status); }
      return response.arrayBuffer();
    }).catch(function (error) {
      if (tries <= 1) { error.path = path; throw error; }
      return wait(1000 * (TRIES - tries + 1)).then(function () { return get(path, tries - 1); });
    });
  }
  function size(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB";
  }
  function fetchAll(list, say) { // {name in the ZIP: [bytes, options]}, AT_ONCE files at a time
    var files = {}, next = 0, done = 0, bytes = 0, failed = false;
    function worker() {
      if (failed || next >= list.files.length) { return Promise.resolve(); }
      var path = list.files[next++];
      return get(path, TRIES).then(function (buffer) {
        files[list.folder + "/" + path] = [new Uint8Array(buffer), { level: STORED.test(path) ? 0 : 6 }];
        done += 1;
        bytes += buffer.byteLength;
        say("ดาวน์โหลดแล้ว " + done + " จาก " + list.files.length + " ไฟล์ (" + size(bytes) + ")");
        return worker();
      }, function (error) { failed = true; throw error; });
    }
    var workers = [];
    for (var i = 0; i < AT_ONCE; i++) { workers.push(worker()); }
    return Promise.all(workers).then(function () { return files; });
  }
  function save(zipped, name) {
    var link = d.createElement("a"), url = URL.createObjectURL(new Blob([zipped], { type: "application/zip" }));
    link.href = url;
    link.download = name;
    link.hidden = true;
    d.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(url); link.remove(); }, 60000);
  }
  function download(button) {
    var status = button.parentNode.querySelector(".zip-status");
    var say = function (text) { status.textContent = text; };
    button.disabled = true;
    say("กำลังเตรียมรายการไฟล์…");
    Promise.all([get(button.getAttribute("data-list"), TRIES).then(function (buffer) {
      return JSON.parse(new TextDecoder("utf-8").decode(buffer));
    }), loadLibrary()]).then(function (got) {
      var list = got[0], fflate = got[1];
      return fetchAll(list, say).then(function (files) {
        say("กำลังรวมเป็นไฟล์ ZIP…");
        return wait(50).then(function () { return files; }); // the status is shown before the page is busy
      }).then(function (files) {
        var zipped = fflate.zipSync(files);
        save(zipped, list.zip);
        say("เสร็จแล้ว: " + list.zip + " (" + size(zipped.length) + ") อยู่ในโฟลเดอร์ดาวน์โหลดของเครื่อง");
      });
    }).catch(function (error) {
      say("ดาวน์โหลดไม่สำเร็จ" + (error.path ? " (" + error.path + ")" : "") +
          " กรุณาตรวจการเชื่อมต่ออินเทอร์เน็ตแล้วกดอีกครั้ง | Download failed: check the connection and press again.");
    }).then(function () { button.disabled = false; });
  }
  Array.prototype.forEach.call(parts.querySelectorAll("button[data-list]"), function (button) {
    button.disabled = false;
    button.addEventListener("click", function () { download(button); });
  });
})();
