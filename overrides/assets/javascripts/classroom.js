/* Projector mode, step 1 (every page, small): shows the header toggle and loads the mode
   itself (projector.css + projector.js) only when a trainer uses it: the toggle, a link
   with ?projector=1 / ?trinhchieu=1, or the mode remembered from the last visit.
   Readers on phones never download it (the toggle is hidden on small screens). */
(function () {
  "use strict";
  var KEY = "bdhvs.projector";
  var onDemand = window.bdhvsOnDemand;
  var box = document.querySelector("[data-bdhvs=projector-option]");
  var btn = document.querySelector("[data-bdhvs=projector-toggle]");
  if (!onDemand || !window.URL || !window.Promise || !window.URLSearchParams) return;
  var root = onDemand.root, add = onDemand.add;  // on-demand.js, the bundle's first member
  var loading = null;

  /* The stylesheet first: the mode never shows unstyled. */
  function load() {
    if (!loading) {
      loading = add("link", { rel: "stylesheet", href: root + "assets/stylesheets/projector.css" })
        .then(function () { return add("script", { src: root + "assets/javascripts/projector.js" }); })
        .catch(function (err) { loading = null; throw err; });
    }
    return loading;
  }

  function remembered() {
    try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }

  function first() {
    btn.removeEventListener("click", first);  // projector.js handles the next presses
    window.bdhvsProjectorStart = true;
    load().catch(function () {
      window.bdhvsProjectorStart = false;
      btn.setAttribute("title", "Không tải được chế độ trình chiếu. Kiểm tra mạng rồi thử lại.");
      btn.addEventListener("click", first);
    });
  }

  function offer() {
    if (box) box.hidden = false;
    if (btn) btn.addEventListener("click", first);
  }

  var q = new URLSearchParams(location.search);
  var asked = q.get("projector") || q.get("trinhchieu");
  /* Asked for by the link or remembered: load now (projector.js shows the toggle;
     ?projector=0 clears what is remembered). */
  if (asked === "1" || remembered()) load().catch(offer);
  else offer();
})();
