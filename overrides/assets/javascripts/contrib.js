/* Contributors' phone pages (docs/vi/bien-tap/gop-y-*.md): check a guide step by step,
   report a problem, translate and record a guide in Ede. Everything happens on the phone:
   nothing is sent anywhere. The result is ONE package file (JSON text, files in base64)
   that the phone shares (Web Share API: Zalo, e-mail) or downloads; an editor reads it
   with `bdhvs inbox`. Screenshots leave the phone only as a re-encoded PNG in which the
   painted boxes are burned into the pixels (the original file is never packaged).
   Loaded only on pages with [data-bdhvs-contrib]. */
(function () {
  "use strict";
  var root = document.querySelector("[data-bdhvs-contrib]");
  var data = document.querySelector("[data-bdhvs-contrib-guides]");
  if (!root || !data) return;
  var KIND = root.getAttribute("data-bdhvs-contrib");
  var MAX_BYTES = 5 * 1024 * 1024; // the package, as shared
  var MAX_SIDE = 1600; // longest side of an exported screenshot, in pixels
  var LETTERS = ["ă", "ĕ", "ĭ", "ŏ", "ŭ", "ê\u0306", "ô\u0306", "ơ\u0306", "ư\u0306", "ƀ", "č", "ñ"];
  var guides = [].map.call(data.querySelectorAll("[data-slug]"), function (el) {
    return {
      slug: el.getAttribute("data-slug"),
      title: el.getAttribute("data-title"),
      steps: [].map.call(el.querySelectorAll("li"), function (li) { return li.textContent; })
    };
  });
  var state = { guide: null, steps: {}, lastText: null };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }
  function say(text, bad) {
    status.textContent = text;
    status.className = "bdhvs-contrib__status" + (bad ? " bdhvs-contrib__status--bad" : "");
  }
  function field(label, input, hint) {
    var id = "bdhvs-c-" + Math.random().toString(36).slice(2);
    input.id = id;
    return el("p", { class: "bdhvs-contrib__field" }, [
      el("label", { for: id, text: label }), hint ? el("small", { text: hint }) : null, input]);
  }

  // --- the form ---------------------------------------------------------------------------
  root.textContent = "";
  var select = el("select", { name: "guide" }, [el("option", { value: "", text: "— Chọn bài —" })]);
  guides.forEach(function (g) { select.appendChild(el("option", { value: g.slug, text: g.title })); });
  root.appendChild(field("Bài hướng dẫn", select));
  var stepsBox = el("div", { class: "bdhvs-contrib__steps" });
  root.appendChild(stepsBox);
  var role = el("input", { type: "text", name: "role", autocomplete: "organization-title", maxlength: "120" });
  var date = el("input", { type: "date", name: "date" });
  date.value = today();
  if (KIND !== "feedback") {
    root.appendChild(field("Vai trò của bạn", role, "Ghi vai trò, không ghi tên, ví dụ: Cán bộ Công an xã"));
    root.appendChild(field("Ngày làm", date));
  }
  var make = el("button", { type: "button", class: "md-button md-button--primary", text: "Tạo gói góp ý" });
  var status = el("p", { class: "bdhvs-contrib__status", role: "status" });
  var actions = el("p", { class: "bdhvs-contrib__actions" });
  root.appendChild(make);
  root.appendChild(status);
  root.appendChild(actions);

  select.addEventListener("change", function () {
    state.guide = guides.filter(function (g) { return g.slug === select.value; })[0] || null;
    state.steps = {};
    stepsBox.textContent = "";
    if (!state.guide) return;
    if (KIND === "feedback") return feedbackForm();
    state.guide.steps.forEach(function (text, i) {
      stepsBox.appendChild(KIND === "review" ? reviewStep(i + 1, text) : edeStep(i + 1, text));
    });
  });

  // --- Kiểm tra từng bước ------------------------------------------------------------------
  function reviewStep(n, text) {
    var s = state.steps[n] = { result: "", note: "", image: null, boxes: [] };
    var box = el("fieldset", { class: "bdhvs-contrib__step", "data-step": String(n) });
    box.appendChild(el("legend", { text: "Bước " + n }));
    box.appendChild(el("p", { class: "bdhvs-contrib__vi", text: text }));
    ["giống", "khác"].forEach(function (word) {
      var input = el("input", { type: "radio", name: "buoc-" + n, value: word === "giống" ? "giong" : "khac" });
      input.addEventListener("change", function () { s.result = input.value; });
      box.appendChild(el("label", { class: "bdhvs-contrib__choice" }, [input, document.createTextNode(" Màn hình " + word)]));
    });
    var note = el("textarea", { rows: "2", name: "note-" + n, maxlength: "2000" });
    note.addEventListener("input", function () { s.note = note.value; });
    box.appendChild(field("Màn hình thật ghi gì (nếu khác)", note));
    // The browser's own file button speaks the browser's language: a Vietnamese label instead.
    var fileId = "bdhvs-c-anh-" + n;
    var file = el("input", { type: "file", accept: "image/*", name: "anh-" + n, id: fileId, class: "bdhvs-contrib__file" });
    var chosen = el("span", { class: "bdhvs-contrib__chosen" });
    box.appendChild(el("p", { class: "bdhvs-contrib__field" }, [
      el("strong", { text: "Ảnh chụp màn hình (không bắt buộc)" }),
      el("small", { text: "Chỉ chụp từ tài khoản thử. Sau khi chọn ảnh, dùng ngón tay vẽ ô đen che tên, số, mã QR, mã OTP." }),
      file, el("label", { for: fileId, class: "md-button", text: "Chọn ảnh bước " + n }), chosen]));
    var canvas = el("canvas", { class: "bdhvs-contrib__canvas", hidden: "", role: "img",
      "aria-label": "Ảnh bước " + n + ": kéo ngón tay trên ảnh để vẽ ô đen che thông tin riêng" });
    var undo = el("button", { type: "button", class: "md-button", hidden: "", text: "Bỏ ô che vừa vẽ" });
    box.appendChild(canvas);
    box.appendChild(undo);
    file.addEventListener("change", function () {
      var f = file.files && file.files[0];
      if (!f) return;
      chosen.textContent = "Đã chọn ảnh. Vẽ ô đen lên chỗ cần che:";
      // createImageBitmap decodes the file without any URL (the site's CSP allows no blob:
      // images); honours the photo's orientation like the gallery does.
      decode(f).then(function (img) {
        var w = img.naturalWidth || img.width, h = img.naturalHeight || img.height;
        var scale = Math.min(1, MAX_SIDE / Math.max(w, h));
        s.image = img; s.w = Math.round(w * scale); s.h = Math.round(h * scale);
        s.boxes = [];
        canvas.width = s.w; canvas.height = s.h;
        canvas.hidden = false; undo.hidden = false;
        paint(canvas, s);
      }).catch(function () { say("Không mở được ảnh này. Chọn ảnh chụp màn hình khác (PNG hoặc JPG).", true); });
    });
    undo.addEventListener("click", function () { s.boxes.pop(); paint(canvas, s); });
    drawBoxes(canvas, s);
    return box;
  }
  function decode(file) {
    if (window.createImageBitmap) {
      return createImageBitmap(file, { imageOrientation: "from-image" }).catch(function () { return dataImage(file); });
    }
    return dataImage(file);
  }
  function dataImage(file) { // older browsers: a data: URL (allowed by the CSP)
    return base64(file).then(function (b64) {
      return new Promise(function (resolve, reject) {
        var img = new Image();
        img.onload = function () { resolve(img); };
        img.onerror = reject;
        img.src = "data:" + (file.type || "image/png") + ";base64," + b64;
      });
    });
  }
  function paint(canvas, s, extra) {
    var ctx = canvas.getContext("2d");
    ctx.drawImage(s.image, 0, 0, s.w, s.h);
    ctx.fillStyle = "#000";
    s.boxes.concat(extra ? [extra] : []).forEach(function (b) { ctx.fillRect(b[0], b[1], b[2], b[3]); });
  }
  function drawBoxes(canvas, s) {
    var start = null, current = null;
    function at(e) {
      var r = canvas.getBoundingClientRect();
      return [Math.round((e.clientX - r.left) * canvas.width / r.width), Math.round((e.clientY - r.top) * canvas.height / r.height)];
    }
    function rect(a, b) {
      var x = Math.max(0, Math.min(a[0], b[0])), y = Math.max(0, Math.min(a[1], b[1]));
      return [x, y, Math.min(canvas.width, Math.max(a[0], b[0])) - x, Math.min(canvas.height, Math.max(a[1], b[1])) - y];
    }
    canvas.addEventListener("pointerdown", function (e) {
      if (!s.image) return;
      e.preventDefault(); start = at(e);
      try { canvas.setPointerCapture(e.pointerId); } catch (err) { /* capture is a comfort */ }
    });
    canvas.addEventListener("pointermove", function (e) {
      if (!start) return;
      current = rect(start, at(e)); paint(canvas, s, current);
    });
    function end(e) {
      if (!start) return;
      current = rect(start, at(e)); start = null;
      if (current[2] >= 4 && current[3] >= 4) s.boxes.push(current);
      current = null; paint(canvas, s);
    }
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
  }
  function exportImage(s) {
    // A fresh canvas at the export size: the image drawn, then every box filled solid.
    // toBlob re-encodes the pixels: no EXIF, no GPS, nothing of the original file.
    var c = document.createElement("canvas");
    c.width = s.w; c.height = s.h;
    var ctx = c.getContext("2d");
    ctx.drawImage(s.image, 0, 0, s.w, s.h);
    ctx.fillStyle = "#000";
    s.boxes.forEach(function (b) { ctx.fillRect(b[0], b[1], b[2], b[3]); });
    return new Promise(function (resolve) { c.toBlob(resolve, "image/png"); });
  }

  // --- Dịch và đọc tiếng Êđê ---------------------------------------------------------------
  function edeStep(n, text) {
    var s = state.steps[n] = { text: "", audio: null, type: "" };
    var box = el("fieldset", { class: "bdhvs-contrib__step", "data-step": String(n) });
    box.appendChild(el("legend", { text: "Bước " + n }));
    box.appendChild(el("p", { class: "bdhvs-contrib__vi", lang: "vi", text: text }));
    var area = el("textarea", { rows: "3", lang: "rad", name: "ede-" + n, maxlength: "4000", spellcheck: "false" });
    area.addEventListener("input", function () { s.text = area.value; });
    area.addEventListener("focus", function () { state.lastText = area; });
    box.appendChild(field("Tiếng Êđê", area));
    var keys = el("p", { class: "bdhvs-contrib__letters", "aria-label": "Chữ Êđê" });
    LETTERS.forEach(function (ch) {
      var b = el("button", { type: "button", class: "md-button", lang: "rad", text: ch, "aria-label": "Thêm chữ " + ch });
      b.addEventListener("mousedown", function (e) { e.preventDefault(); }); // keep the cursor in the box
      b.addEventListener("click", function () { insert(area, ch); s.text = area.value; });
      keys.appendChild(b);
    });
    box.appendChild(keys);
    var rec = el("button", { type: "button", class: "md-button", text: "Ghi âm bước " + n, "aria-pressed": "false" });
    var player = el("audio", { controls: "", hidden: "" });
    box.appendChild(rec);
    box.appendChild(player);
    var recorder = null, chunks = [];
    rec.addEventListener("click", function () {
      if (recorder && recorder.state === "recording") { recorder.stop(); return; }
      if (!navigator.mediaDevices || !window.MediaRecorder) { say("Điện thoại này không ghi âm được trên trang web.", true); return; }
      navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } })
        .then(function (stream) {
          var type = ["audio/ogg;codecs=opus", "audio/webm;codecs=opus"].filter(function (t) {
            return MediaRecorder.isTypeSupported(t);
          })[0];
          if (!type) { say("Điện thoại này không ghi được âm thanh dạng Opus.", true); return; }
          chunks = [];
          recorder = new MediaRecorder(stream, { mimeType: type, audioBitsPerSecond: 24000 });
          recorder.ondataavailable = function (e) { if (e.data.size) chunks.push(e.data); };
          recorder.onstop = function () {
            stream.getTracks().forEach(function (t) { t.stop(); });
            s.audio = new Blob(chunks, { type: type }); s.type = type;
            player.src = URL.createObjectURL(s.audio); player.hidden = false;
            rec.textContent = "Ghi âm lại bước " + n; rec.setAttribute("aria-pressed", "false");
            say("Đã ghi âm bước " + n + ".");
          };
          recorder.start();
          rec.textContent = "Dừng ghi âm"; rec.setAttribute("aria-pressed", "true");
          say("Đang ghi âm bước " + n + "… Đọc rõ, chậm, rồi bấm Dừng ghi âm.");
        })
        .catch(function () { say("Chưa được phép dùng micrô. Cho phép micrô trong cài đặt trình duyệt rồi thử lại.", true); });
    });
    return box;
  }
  function insert(area, ch) {
    var a = area.selectionStart || 0, b = area.selectionEnd || 0;
    area.value = area.value.slice(0, a) + ch + area.value.slice(b);
    area.selectionStart = area.selectionEnd = a + ch.length;
    area.focus();
  }

  // --- Góp ý -------------------------------------------------------------------------------
  var fb = {};
  function feedbackForm() {
    var what = el("select", { name: "what" }, [
      el("option", { value: "buoc-sai", text: "Một bước sai hoặc khác màn hình" }),
      el("option", { value: "lien-ket-hong", text: "Liên kết không mở được" }),
      el("option", { value: "khac", text: "Điều khác" })]);
    var step = el("select", { name: "step" }, [el("option", { value: "0", text: "Cả bài" })]);
    state.guide.steps.forEach(function (t, i) {
      step.appendChild(el("option", { value: String(i + 1), text: "Bước " + (i + 1) + ": " + t.slice(0, 50) }));
    });
    var message = el("textarea", { rows: "4", name: "message", maxlength: "3000" });
    var link = el("input", { type: "url", name: "link", maxlength: "500" });
    fb = { what: what, step: step, message: message, link: link };
    stepsBox.appendChild(field("Loại góp ý", what));
    stepsBox.appendChild(field("Ở đâu", step));
    stepsBox.appendChild(field("Bạn thấy gì", message, "Không ghi số điện thoại, số căn cước, tên người."));
    stepsBox.appendChild(field("Liên kết hỏng (nếu có)", link));
  }

  // --- the package ------------------------------------------------------------------------
  function base64(blob) {
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () { resolve(String(r.result).split(",")[1] || ""); };
      r.onerror = reject;
      r.readAsDataURL(blob);
    });
  }
  function collect() {
    var g = state.guide;
    var pkg = { format: "bdhvs-gop-y", version: 1, kind: KIND, guide: g.slug, created: today() };
    if (KIND !== "feedback") { pkg.role = role.value.trim(); pkg.date = date.value; }
    if (KIND === "feedback") {
      pkg.what = fb.what.value; pkg.step = Number(fb.step.value);
      pkg.message = fb.message.value.trim(); pkg.link = fb.link.value.trim();
      return Promise.resolve(pkg);
    }
    var jobs = Object.keys(state.steps).map(function (k) {
      var s = state.steps[k], n = Number(k);
      if (KIND === "review") {
        var item = { step: n, result: s.result, note: s.note.trim() };
        if (!s.image) return Promise.resolve(item);
        return exportImage(s).then(base64).then(function (b64) {
          item.image = { name: "buoc-" + n + ".png", type: "image/png", boxes: s.boxes.slice(), data: b64 };
          return item;
        });
      }
      var ede = { step: n, text: s.text.trim() };
      if (!s.audio) return Promise.resolve(ede);
      return base64(s.audio).then(function (b64) {
        var ext = s.type.indexOf("ogg") >= 0 ? ".ogg" : ".webm";
        ede.audio = { name: "buoc-" + n + ".ede" + ext, type: s.type.split(";")[0], data: b64 };
        return ede;
      });
    });
    return Promise.all(jobs).then(function (items) {
      pkg.steps = items.filter(function (i) {
        return KIND === "review" ? (i.result || i.note || i.image) : (i.text || i.audio);
      });
      return pkg;
    });
  }
  function problem(pkg) {
    if (!state.guide) return "Chọn một bài hướng dẫn.";
    if (KIND === "feedback") return pkg.message ? "" : "Viết điều bạn thấy.";
    if (!pkg.role) return "Ghi vai trò của bạn (ví dụ: Cán bộ Công an xã).";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pkg.date)) return "Chọn ngày.";
    if (!pkg.steps.length) return KIND === "review" ? "Đánh dấu ít nhất một bước giống hoặc khác." : "Dịch hoặc ghi âm ít nhất một bước.";
    for (var i = 0; i < pkg.steps.length; i++) {
      var s = pkg.steps[i];
      if (KIND === "review" && !s.result) return "Bước " + s.step + ": chọn giống hoặc khác.";
      if (KIND === "ede" && s.audio && !s.text) return "Bước " + s.step + ": viết lời đã đọc bằng tiếng Êđê (bản chữ của tệp ghi âm).";
    }
    return "";
  }
  make.addEventListener("click", function () {
    if (!state.guide) { say("Chọn một bài hướng dẫn.", true); return; }
    say("Đang tạo gói…");
    collect().then(function (pkg) {
      var why = problem(pkg);
      if (why) { say(why, true); return; }
      var text = JSON.stringify(pkg);
      var blob = new Blob([text], { type: "text/plain" });
      if (blob.size > MAX_BYTES) {
        say("Gói nặng " + (blob.size / 1048576).toFixed(1) + " MB, quá 5 MB. Bỏ bớt ảnh hoặc ghi âm ngắn hơn.", true);
        return;
      }
      // .txt: the file types that phones let a web page share include text, not .json or .zip.
      var name = "gop-y-" + KIND + "-" + pkg.guide + "-" + pkg.created + ".txt";
      var file = new File([blob], name, { type: "text/plain" });
      actions.textContent = "";
      var down = el("a", { class: "md-button", href: URL.createObjectURL(blob), download: name, text: "Tải gói về máy" });
      actions.appendChild(down);
      if (navigator.canShare && navigator.canShare({ files: [file] })) {
        var share = el("button", { type: "button", class: "md-button md-button--primary", text: "Gửi qua Zalo, thư…" });
        share.addEventListener("click", function () {
          navigator.share({ files: [file], title: name }).catch(function () { /* the person closed the sheet */ });
        });
        actions.insertBefore(share, down);
      }
      say("Đã tạo gói " + name + " (" + Math.ceil(blob.size / 1024) + " kB). Gửi gói cho người biên tập của xã.");
    }).catch(function () { say("Không tạo được gói. Thử lại, hoặc bỏ bớt ảnh.", true); });
  });
})();
