/* Site search, step 1: loaded on every page, so it stays tiny.
   Shows the header search button, opens search with "/" or "s" (Material's keys), and
   loads the search UI (search-ui.js, search.css) only when the reader opens it.
   No inline code anywhere (the site ships a strict Content-Security-Policy). */
(function () {
  "use strict";
  var script = document.currentScript;
  var button = document.querySelector("[data-bdhvs-search-open]");
  if (!script || !button || !window.URL || !window.Promise) return;
  // This file is <root>/assets/javascripts/search.js: works at a domain root, under a
  // sub-path and from file:// alike.
  var root = new URL("../../", script.src).href;
  var loading = null;

  function add(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      for (var k in attrs) el[k] = attrs[k];
      el.onload = resolve;
      el.onerror = reject;
      document.head.appendChild(el);
    });
  }

  function load() {
    if (!loading) {
      loading = Promise.all([
        add("link", { rel: "stylesheet", href: root + "assets/stylesheets/search.css" }),
        add("script", { src: root + "assets/javascripts/search-ui.js" })
      ]).catch(function (err) { loading = null; throw err; });
    }
    return loading;
  }

  function open() {
    load().then(function () { window.bdhvsSearch.open(root, button); },
      function () { button.setAttribute("title", "Không tải được ô tìm kiếm. Kiểm tra mạng rồi thử lại."); });
  }

  button.hidden = false;
  button.addEventListener("click", open);
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key !== "/" && event.key !== "s" && event.key !== "S") return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (document.querySelector("dialog[open]")) return;
    event.preventDefault();
    open();
  });
})();
