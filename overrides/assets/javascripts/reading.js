/* Text size (3 steps) and high contrast, remembered in localStorage.
   The markup is partials/bdhvs/reading/header.html; reading-early.js applies the saved
   values in <head>. Settings live as attributes on <html>; site.css does the rest. */
(function () {
  var root = document.documentElement;
  // Wide tables sit in a focusable scroll box (built by bdhvs/reading/html_fixes.py);
  // keep the tab stop only where the table really scrolls.
  var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
  function trimTabStops() {
    for (var i = 0; i < wraps.length; i++) {
      if (wraps[i].scrollWidth > wraps[i].clientWidth + 1) wraps[i].setAttribute("tabindex", "0");
      else wraps[i].removeAttribute("tabindex");
    }
  }
  trimTabStops();
  window.addEventListener("resize", trimTabStops);

  // Material's menu button (☰) is a <label> for a hidden checkbox: it works with a finger
  // and without JavaScript, but a keyboard cannot reach it. Below 1220 px wide (phones,
  // and the 1024 px laptops trainers project from) it is the only way to the navigation,
  // so with JavaScript a real <button> takes its place.
  var label = document.querySelector("label.md-header__button[for=__drawer]");
  var drawer = document.getElementById("__drawer");
  var nav = document.querySelector(".md-sidebar--primary");
  if (label && drawer && nav) {
    var burger = document.createElement("button");
    burger.type = "button";
    burger.className = "md-header__button md-icon bdhvs-menu-button";
    burger.setAttribute("aria-label", "Danh mục các trang");
    burger.setAttribute("aria-controls", nav.id || (nav.id = "bdhvs-nav"));
    burger.innerHTML = label.innerHTML;
    var syncDrawer = function () { burger.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); };
    burger.addEventListener("click", function () { drawer.checked = !drawer.checked; syncDrawer(); });
    drawer.addEventListener("change", syncDrawer);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && drawer.checked) { drawer.checked = false; syncDrawer(); burger.focus(); }
    });
    syncDrawer();
    label.parentNode.insertBefore(burger, label);
    label.hidden = true;
  }

  var box = document.querySelector("[data-bdhvs=reading]");
  if (!box) return;
  var toggle = box.querySelector(".bdhvs-reading__toggle");
  var panel = box.querySelector(".bdhvs-reading__panel");
  var contrast = box.querySelector(".bdhvs-reading__contrast");
  var radios = box.querySelectorAll("input[name=bdhvs-text-size]");

  function save(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }
  function setSize(value) {
    if (value === "1") root.removeAttribute("data-bdhvs-size");
    else root.setAttribute("data-bdhvs-size", value);
    save("bdhvs.textSize", value);
    trimTabStops();
  }
  function setContrast(on) {
    if (on) root.setAttribute("data-bdhvs-contrast", "high");
    else root.removeAttribute("data-bdhvs-contrast");
    contrast.setAttribute("aria-pressed", on ? "true" : "false");
    save("bdhvs.contrast", on ? "high" : "normal");
  }
  function open(show) {
    panel.hidden = !show;
    toggle.setAttribute("aria-expanded", show ? "true" : "false");
  }

  var size = root.getAttribute("data-bdhvs-size") || "1";
  for (var i = 0; i < radios.length; i++) {
    radios[i].checked = radios[i].value === size;
    radios[i].addEventListener("change", function (e) { setSize(e.target.value); });
  }
  contrast.setAttribute("aria-pressed", root.getAttribute("data-bdhvs-contrast") === "high" ? "true" : "false");
  contrast.addEventListener("click", function () {
    setContrast(contrast.getAttribute("aria-pressed") !== "true");
  });
  toggle.addEventListener("click", function () { open(panel.hidden); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !panel.hidden) { open(false); toggle.focus(); }
  });
  document.addEventListener("click", function (e) {
    if (!panel.hidden && !box.contains(e.target)) open(false);
  });
  box.hidden = false;
})();
