/* Search step 1 (every page, tiny): show the button, "/" or "s" opens, load search-ui.js on demand. */
(function () {
  "use strict";
  var onDemand = window.bdhvsOnDemand;
  var button = document.querySelector("[data-bdhvs-search-open]");
  if (!onDemand || !button || !window.URL || !window.Promise) return;
  var root = onDemand.root, add = onDemand.add;  // on-demand.js, the bundle's first member
  var loading = null;

  function load() {
    if (!loading) {
      loading = Promise.all([
        add("link", { rel: "stylesheet", href: root + "assets/stylesheets/search.css" }),
        add("script", { src: root + "assets/javascripts/search-ui.js" })
      ]).catch(function (err) { loading = null; throw err; });
    }
    return loading;
  }

  function open(query) {
    load().then(function () { window.bdhvsSearch.open(root, button, query); },
      function () { button.setAttribute("title", "Không tải được ô tìm kiếm. Kiểm tra mạng rồi thử lại."); });
  }

  button.hidden = false;
  button.addEventListener("click", function () { open(); });
  // The visible search field (home, 404): Enter or "Tìm" opens the search with the words.
  // Without JavaScript the form opens the list of every guide instead.
  var forms = document.querySelectorAll("[data-bdhvs-search-form]");
  for (var i = 0; i < forms.length; i++) {
    forms[i].addEventListener("submit", function (event) {
      event.preventDefault();
      open(event.currentTarget.querySelector("input").value);
    });
  }
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
