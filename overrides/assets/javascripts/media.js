/* Guide media (scripts/bdhvs/media). Enhancement only: without JS the video facade is a
   link to the player, images are links to the full picture, audio has native controls. */
(function () {
  "use strict";
  var doc = document;

  // Printing: images loaded lazily (below the screen) would be blank on paper, because a
  // print is made from what is loaded at that moment. All of them load when a print
  // starts; on a fast connection (4G/Wi-Fi, no data saver) they are fetched into the cache
  // as soon as the page has loaded, so Ctrl+P or the handout PDF has every image. On 3G or
  // with Save-Data nothing more is fetched (the page budget); a second print has them.
  function loadAll() {
    var lazy = doc.querySelectorAll("img[loading=lazy]");
    for (var i = 0; i < lazy.length; i++) lazy[i].loading = "eager";
  }
  window.addEventListener("beforeprint", loadAll);
  // Fast connection: fetch them into the cache after the page has loaded (the images
  // themselves stay lazy, so nothing changes on screen), the print then finds them there.
  function warm() {
    var lazy = doc.querySelectorAll("img[loading=lazy]");
    for (var i = 0; i < lazy.length; i++) new Image().src = lazy[i].currentSrc || lazy[i].src;
  }
  var net = navigator.connection;
  if (net && !net.saveData && net.effectiveType === "4g") {
    if (doc.readyState === "complete") warm(); else window.addEventListener("load", warm);
  }

  // Click-to-load video: nothing is requested from YouTube before this click.
  doc.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-bdhvs-embed]");
    if (!link) return;
    event.preventDefault();
    var frame = doc.createElement("iframe");
    frame.src = link.getAttribute("data-bdhvs-embed");
    frame.title = link.getAttribute("data-bdhvs-title") || "Video";
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    var box = doc.createElement("div");
    box.className = "bdhvs-video__frame";
    box.appendChild(frame);
    link.replaceWith(box);
    frame.focus();
  });

  // Tap to zoom: the full picture in a dialog (Esc, the button or a tap closes it).
  doc.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-bdhvs-zoom]");
    if (!link || typeof HTMLDialogElement === "undefined") return;
    event.preventDefault();
    var img = link.querySelector("img");
    var dialog = doc.createElement("dialog");
    dialog.className = "bdhvs-zoomed";
    dialog.setAttribute("aria-label", img && img.alt ? img.alt : "Ảnh phóng to");
    var close = doc.createElement("button");
    close.type = "button";
    close.textContent = "Đóng ✕";
    close.lang = "vi";
    var big = doc.createElement("img");
    big.src = link.getAttribute("href");
    big.alt = img ? img.alt : "";
    var w = img && parseInt(img.getAttribute("width"), 10);
    if (w) big.width = w;
    dialog.appendChild(close);
    dialog.appendChild(big);
    doc.body.appendChild(dialog);
    dialog.addEventListener("close", function () { dialog.remove(); link.focus(); });
    dialog.addEventListener("click", function (e) { if (e.target !== big) dialog.close(); });
    dialog.showModal();
    close.focus();
  });

  // Audio: one big play/pause button instead of the small native controls.
  function enhanceAudio(box) {
    var audio = box.querySelector("audio");
    if (!audio || box.querySelector(".bdhvs-audio__play")) return;
    var button = doc.createElement("button");
    button.type = "button";
    button.className = "bdhvs-audio__play";
    button.setAttribute("aria-pressed", "false");
    var label = audio.getAttribute("data-bdhvs-label") || "Nghe";
    button.setAttribute("aria-label", label);
    button.textContent = "▶ " + label;
    button.lang = "vi";
    button.addEventListener("click", function () {
      if (audio.paused) { audio.play(); } else { audio.pause(); }
    });
    audio.addEventListener("play", function () {
      doc.querySelectorAll("[data-bdhvs-audio] audio").forEach(function (other) { if (other !== audio) other.pause(); });
      button.setAttribute("aria-pressed", "true");
      button.textContent = "⏸ " + label;
    });
    function stopped() { button.setAttribute("aria-pressed", "false"); button.textContent = "▶ " + label; }
    audio.addEventListener("pause", stopped);
    audio.addEventListener("ended", stopped);
    audio.controls = false;
    box.insertBefore(button, audio);
  }
  doc.querySelectorAll("[data-bdhvs-audio]").forEach(enhanceAudio);
})();
