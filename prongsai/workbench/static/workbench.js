/* Prongsai workbench: repeatable groups, uploads, Markdown preview, progress. Plain JavaScript, no library. */
"use strict";
(function () {
  function freshId() { return "n" + Math.random().toString(16).slice(2, 10); }

  /* A list's blank entry, with its placeholder id replaced (the first __new__ only: nested lists keep theirs). */
  function renameIn(root, id) {
    root.querySelectorAll("[name], [id], [for], [data-for], [aria-describedby], [data-entry]").forEach(function (el) {
      ["name", "id", "for", "data-for", "aria-describedby", "data-entry"].forEach(function (attr) {
        var value = el.getAttribute(attr);
        if (value && value.indexOf("__new__") !== -1) el.setAttribute(attr, value.replace("__new__", id));
      });
    });
    root.querySelectorAll("template").forEach(function (inner) { renameIn(inner.content, id); });
  }

  function ownTemplate(list) {
    for (var i = 0; i < list.children.length; i++) if (list.children[i].tagName === "TEMPLATE") return list.children[i];
    return null;
  }
  function ownEntries(list) {
    for (var i = 0; i < list.children.length; i++) if (list.children[i].classList.contains("entries")) return list.children[i];
    return null;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-add")) {
      var list = button.closest("[data-list]");
      var clone = document.importNode(ownTemplate(list).content, true);
      renameIn(clone, freshId());
      var entry = clone.firstElementChild;
      ownEntries(list).appendChild(clone);
      var first = entry.querySelector("input:not([type=hidden]), select, textarea");
      if (first) first.focus();
    } else if (button.hasAttribute("data-remove")) {
      var gone = button.closest(".entry");
      var focusAfter = gone.closest("[data-list]").querySelector("[data-add]");
      gone.remove();
      focusAfter.focus();
    } else if (button.hasAttribute("data-up") || button.hasAttribute("data-down")) {
      var item = button.closest(".entry");
      if (button.hasAttribute("data-up") && item.previousElementSibling) item.parentNode.insertBefore(item, item.previousElementSibling);
      if (button.hasAttribute("data-down") && item.nextElementSibling) item.parentNode.insertBefore(item.nextElementSibling, item);
      button.focus();
    } else if (button.hasAttribute("data-markdown-preview")) {
      var form = button.closest("form");
      var body = new URLSearchParams();
      body.set("body", form.querySelector("[name=body]").value);
      fetch("/markdown", { method: "POST", body: body, credentials: "same-origin",
                           headers: { "X-CSRF-Token": form.getAttribute("data-csrf-markdown") } })
        .then(function (r) { return r.text(); })
        .then(function (html) { form.querySelector("[data-markdown-output]").innerHTML = html; });
    } else if (button.hasAttribute("data-confirm") && !window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });

  /* Uploads: choose or drop a file; it is checked and stored by the workbench, and its path fills the field. */
  function upload(input, file, replace) {
    var form = input.closest("form");
    var target = document.getElementById(input.getAttribute("data-for"));
    var bar = document.querySelector("[data-progress-for='" + input.getAttribute("data-for") + "']");
    var data = new FormData();
    data.append("target", form.getAttribute("data-target"));
    data.append("slot", input.getAttribute("data-slot"));
    if (replace) data.append("replace", "1");
    data.append("file", file);
    var request = new XMLHttpRequest();
    request.open("POST", "/upload");
    request.setRequestHeader("X-CSRF-Token", form.getAttribute("data-csrf-upload"));
    if (bar) { bar.hidden = false; bar.value = 0; }
    request.upload.onprogress = function (e) { if (bar && e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total); };
    request.onload = function () {
      if (bar) bar.hidden = true;
      var answer = {};
      try { answer = JSON.parse(request.responseText); } catch (e) { answer = { th: "อัปโหลดไม่สำเร็จ", en: "upload failed" }; }
      if (request.status === 409 && answer.exists) {
        if (window.confirm(answer.th + "\n" + answer.en)) upload(input, file, true);
        return;
      }
      if (request.status !== 200) { window.alert(answer.th + "\n" + answer.en); return; }
      target.value = answer.written;
      target.dispatchEvent(new Event("change", { bubbles: true }));
      target.focus();
    };
    request.send(data);
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.matches && input.matches("input[type=file][data-upload]") && input.files.length) {
      upload(input, input.files[0], false);
      input.value = "";
    }
  });

  ["dragover", "dragleave", "drop"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var field = event.target.closest && event.target.closest(".field");
      var input = field && field.querySelector("input[type=file][data-upload]");
      if (!input) return;
      event.preventDefault();
      field.classList.toggle("dragging", type === "dragover");
      if (type === "drop" && event.dataTransfer.files.length) upload(input, event.dataTransfer.files[0], false);
    });
  });

  /* Long work: a form that reads a big sheet shows that it is working. */
  document.addEventListener("submit", function (event) {
    var note = event.target.querySelector("[data-busy-note]");
    if (note) note.hidden = false;
  });

  /* The first build of a large site: poll its progress, then show the finished page. */
  var progress = document.querySelector("[data-progress]");
  if (progress) {
    var timer = setInterval(function () {
      fetch("/status", { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (s) {
        var elapsed = progress.querySelector("[data-elapsed]");
        if (elapsed) elapsed.textContent = Math.round(s.elapsed);
        if (!s.building) { clearInterval(timer); window.location.reload(); }
      });
    }, 700);
  }

  var focus = document.querySelector("[data-focus]");
  if (focus) focus.focus();
})();
