/* First member of the site's one script (scripts/bdhvs/theme/bundle.py): what the members that
   load a file only when a reader asks for it share (search.js, classroom.js).
   window.bdhvsOnDemand.root: the site's root, from the bundle's own address
   (<root>/assets/javascripts/<bundle>.js -> <root>/: domain root, sub-path, file://).
   window.bdhvsOnDemand.add(tag, attrs): adds a <link> or <script> and resolves when loaded. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.URL || !window.Promise) return;
  window.bdhvsOnDemand = {
    root: new URL("../../", script.src).href,
    add: function (tag, attrs) {
      return new Promise(function (resolve, reject) {
        var el = document.createElement(tag);
        for (var k in attrs) el[k] = attrs[k];
        el.onload = resolve;
        el.onerror = reject;
        document.head.appendChild(el);
      });
    }
  };
})();
