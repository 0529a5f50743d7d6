/* Projector mode for village-hall classes: big type, high contrast, no navigation,
   one step of a guide per screen. Turn on with the header button, ?projector=1 or
   ?trinhchieu=1 (?projector=0 turns off); remembered in localStorage; Esc leaves.
   Loaded on demand by classroom.js (in every page's bundle), with projector.css.
   Keys: → PageDown Space = next; ← PageUp Shift+Space = previous; Home/End. */
(function () {
  "use strict";
  var KEY = "bdhvs.projector", root = document.documentElement;
  var box = document.querySelector("[data-bdhvs=projector-option]");
  var btn = document.querySelector("[data-bdhvs=projector-toggle]");
  var steps = [], lists = [], parts = [], screens = [], current = 0, bar, status;

  function stored(v) {
    try {
      if (v === undefined) return localStorage.getItem(KEY) === "1";
      if (v) localStorage.setItem(KEY, "1"); else localStorage.removeItem(KEY);
    } catch (e) { /* storage blocked: the mode still works for this page */ }
  }

  /* The guide's numbered steps: the top-level lists after "Các bước", up to the next
     H1/H2. A long task is grouped under sub-headings (H3…), each group its own list:
     a group's heading and the text between it and its list show with each of its steps. */
  function findSteps() {
    var h = document.getElementById("cac-buoc"), el = h && h.nextElementSibling, groups = [], lead = [];
    while (el && !/^H[12]$/.test(el.tagName)) {
      if (el.tagName === "OL") { groups.push({ ol: el, lead: lead }); lead = []; }
      else if (/^H[3-6]$/.test(el.tagName)) lead = [el];
      else if (lead.length) lead.push(el);
      el = el.nextElementSibling;
    }
    return groups;
  }

  function setup() {
    var groups = findSteps();
    if (!groups.length) return;
    var own = [], stepScreens = [], ol = groups[0].ol;
    groups.forEach(function (g) {
      g.ol.classList.add("bdhvs-steps");
      own.push(g.ol);
      g.lead.forEach(function (el) { el.classList.add("bdhvs-part"); own.push(el); parts.push(el); });
      Array.prototype.filter.call(g.ol.children, function (li) { return li.tagName === "LI"; })
        .forEach(function (li, i) {
          li.value = i + 1;
          li.classList.add("bdhvs-step");
          steps.push(li);
          stepScreens.push(g.lead.concat([g.ol, li]));
        });
    });
    lists = groups.map(function (g) { return g.ol; });
    /* Screen 0: what comes before the steps; 1..n: one step each; n+1: what follows.
       Walk up to the article so notices around the content belong to a screen too. */
    var before = [], after = [], node = ol, article = ol.closest("article") || document.body;
    while (node && node !== article) {
      var seen = false;
      Array.prototype.forEach.call(node.parentElement.children, function (el) {
        if (el === node) { seen = true; return; }
        if (el.tagName === "H1" || el.tagName === "SCRIPT" || own.indexOf(el) >= 0) return;
        el.classList.add("bdhvs-part");
        (seen ? after : before).push(el);
      });
      node = node.parentElement;
    }
    parts = parts.concat(before, after);
    screens = [before].concat(stepScreens, after.length ? [after] : []);
    bar = document.createElement("div");
    bar.className = "bdhvs-stepbar";
    bar.lang = "vi"; /* controls are in Vietnamese on Ede pages too */
    bar.innerHTML = '<button type="button" data-go="-1">← Trước</button>' +
      '<span role="status" aria-live="polite" data-bdhvs="step-status"></span>' +
      '<button type="button" data-go="1">Sau →</button>';
    status = bar.querySelector("span");
    bar.addEventListener("click", function (e) {
      var go = e.target.closest("[data-go]");
      if (go) show(current + Number(go.getAttribute("data-go")));
    });
    var h1 = article.querySelector("h1");
    if (h1) h1.after(bar); else ol.before(bar);
  }

  function label(i) {
    if (i === 0) return "Phần đầu";
    if (i <= steps.length) return "Bước " + i + "/" + steps.length;
    return "Phần cuối";
  }

  function show(i) {
    if (!screens.length) return;
    current = Math.max(0, Math.min(screens.length - 1, i));
    var visible = screens[current];
    parts.concat(steps).forEach(function (el) { el.classList.toggle("bdhvs-current", visible.indexOf(el) >= 0); });
    lists.forEach(function (ol) { ol.classList.toggle("bdhvs-current", visible.indexOf(ol) >= 0); });
    status.textContent = label(current);
    bar.querySelector("[data-go='-1']").disabled = current === 0;
    bar.querySelector("[data-go='1']").disabled = current === screens.length - 1;
    window.scrollTo(0, 0);
  }

  function set(on, remember) {
    root.classList.toggle("bdhvs-projector", on);
    root.classList.toggle("bdhvs-stepping", on && screens.length > 0);
    if (btn) btn.setAttribute("aria-pressed", on ? "true" : "false");
    if (remember) stored(on);
    if (on) show(current);
  }

  function interactive(el) {
    return el && el.closest && el.closest("a,button,input,select,textarea,summary,[contenteditable],[role=button]");
  }

  document.addEventListener("keydown", function (e) {
    if (!root.classList.contains("bdhvs-projector") || e.ctrlKey || e.altKey || e.metaKey) return;
    var typing = e.target.closest && e.target.closest("input,select,textarea,[contenteditable],dialog,[role=dialog]");
    if (typing) return;
    if (e.key === "Escape") { set(false, true); if (btn) btn.focus(); e.preventDefault(); return; }
    if (!screens.length) return;
    var k = e.key, step = 0;
    if (k === "ArrowRight" || k === "PageDown" || (k === " " && !e.shiftKey)) step = 1;
    else if (k === "ArrowLeft" || k === "PageUp" || (k === " " && e.shiftKey)) step = -1;
    else if (k === "Home") step = -screens.length;
    else if (k === "End") step = screens.length;
    if (!step || (k === " " && interactive(e.target))) return;
    e.preventDefault();
    show(current + step);
  });

  var q = new URLSearchParams(location.search);
  var asked = q.get("projector") || q.get("trinhchieu");
  setup();
  if (box) box.hidden = false;
  if (btn) btn.addEventListener("click", function () { set(!root.classList.contains("bdhvs-projector"), true); });
  /* The header button was pressed before this file had loaded (classroom.js). */
  if (window.bdhvsProjectorStart) set(true, true);
  else if (asked === "1" || asked === "0") set(asked === "1", true);
  else set(stored(), false);
})();
