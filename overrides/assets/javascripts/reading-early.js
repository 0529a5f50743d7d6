/* Apply the saved reading settings before the first paint (see reading.js). */
(function (d) {
  try {
    var s = localStorage.getItem("bdhvs.textSize"), c = localStorage.getItem("bdhvs.contrast");
    if (s === "2" || s === "3") d.setAttribute("data-bdhvs-size", s);
    if (c === "high") d.setAttribute("data-bdhvs-contrast", "high");
  } catch (e) { /* storage blocked: defaults */ }
})(document.documentElement);
