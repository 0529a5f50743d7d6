/* The guide body widget of the editor at /admin/ (Decap CMS). Served from the site; no
 * inline script. The body is edited as RAW Markdown in a plain text box: Decap's rich-text
 * mode rewrites the project's Markdown (admonitions such as !!! staff, attribute lists,
 * snippets), so saving a guide from it would change text nobody touched, and its raw mode
 * has no image button. This widget is Decap's text box plus one button: "Thêm ảnh chụp màn hình" opens Decap's media library for the
 * guide's own folder (docs/huong-dan/<slug>/) and appends ![…](../../huong-dan/<slug>/x.png)
 * to the text. Built on Decap's documented globals: CMS, h, createClass. */
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  if (!CMS || !h || !createClass) { return; }

  // No empty Ede files. Decap saves every language column of a guide, even one nobody
  // wrote in: the Ede column of an untranslated guide became a one-byte file
  // docs/ede/huong-dan/<slug>.md (FILE-EMPTY, CI red; committed in --git mode, and a pull
  // request on the published editor). Every backend's persistEntry — the local editor's
  // decap-server ("proxy") and GitHub on the published /admin/ alike — is wrapped here: a
  // file whose text is blank (the front-matter format below writes nothing for an empty
  // column, Decap adds one newline) is left out of the save. The Vietnamese file, first,
  // is always kept.
  var BLANK = /^\s*(---\s*---\s*)?$/;
  function withoutBlankFiles(entry) {
    if (!entry || !Array.isArray(entry.dataFiles)) { return entry; }
    return Object.assign({}, entry, { dataFiles: entry.dataFiles.filter(function (file, i) {
      return i === 0 || !BLANK.test(file.raw || "");
    }) });
  }
  ["github", "proxy", "gitea", "gitlab", "bitbucket", "git-gateway"].forEach(function (name) {
    var registered = CMS.getBackend && CMS.getBackend(name);
    if (!registered || typeof registered.init !== "function") { return; }
    var init = registered.init;
    registered.init = function () {
      var impl = init.apply(this, arguments), persist = impl.persistEntry;
      impl.persistEntry = function (entry, options) { return persist.call(this, withoutBlankFiles(entry), options); };
      return impl;
    };
  });

  // One front-matter style (scripts/bdhvs/content/frontstyle.py): the guides and pages are
  // written by frontstyle.js with the key order the build put in index.html, so opening a
  // page and saving it changes no byte that was not edited. Read with js-yaml (YAML 1.2
  // core schema: a date stays the text 2026-11-25); the body is everything after the
  // closing --- line, kept byte for byte.
  var FRONT = /^---[ \t]*\r?\n((?:[\s\S]*?\n)?)---[ \t]*(?:\r?\n|$)/;
  var orderText = document.body.getAttribute("data-front-order");
  if (window.bdhvsFrontStyle && window.jsyaml && orderText) {
    var style = window.bdhvsFrontStyle.make(JSON.parse(orderText));
    CMS.registerCustomFormat("bdhvs-frontmatter", "md", {
      fromFile: function (content) {
        var match = FRONT.exec(content || "");
        if (!match) { return { body: content || "" }; }
        var meta = window.jsyaml.load(match[1], { schema: window.jsyaml.CORE_SCHEMA }) || {};
        if (typeof meta !== "object" || Array.isArray(meta)) { throw new Error("Phần đầu trang không phải các dòng khoá: giá trị"); }
        return Object.assign({}, meta, { body: content.slice(match[0].length) });
      },
      toFile: function (data) {
        var meta = Object.assign({}, data), body = meta.body == null ? "" : String(meta.body);
        delete meta.body;
        return style.join(meta, body);
      }
    });
  }

  var text = CMS.getWidget("text"), markdown = CMS.getWidget("markdown");
  var id = 0;

  // A new guide has no file name yet, so Decap cannot tell the picture's final address
  // (docs/huong-dan/<slug>/): pictures are added once the guide has been saved.
  function isNew(entry) {
    return !entry || !!entry.get("newRecord") || !entry.get("path");
  }


  var GuideBody = createClass({
    getInitialState: function () {
      id += 1;
      return { mediaControl: "bdhvs-body-media-" + id };
    },
    // Decap re-renders a widget only when this says so (like its own file widget does).
    shouldComponentUpdate: function (next) {
      return next.value !== this.props.value || next.classNameWrapper !== this.props.classNameWrapper ||
        next.hasActiveStyle !== this.props.hasActiveStyle ||
        !!(next.mediaPaths && next.mediaPaths.get(this.state.mediaControl));
    },
    componentDidUpdate: function () {
      var key = this.state.mediaControl;
      var picked = this.props.mediaPaths && this.props.mediaPaths.get(key);
      if (!picked) { return; }
      var path = typeof picked === "string" ? picked : (picked.path || "");
      this.props.onRemoveInsertedMedia(key);
      if (!path) { return; }
      var text = (this.props.value || "").replace(/\s+$/, "");
      this.props.onChange((text ? text + "\n\n" : "") + "![VIẾT mô tả ảnh: màn hình gì, nút nào](" + path + ")\n");
    },
    componentWillUnmount: function () {
      if (this.props.onRemoveMediaControl) { this.props.onRemoveMediaControl(this.state.mediaControl); }
    },
    openLibrary: function (event) {
      event.preventDefault();
      if (isNew(this.props.entry)) { return; }
      this.props.onOpenMediaLibrary({
        controlID: this.state.mediaControl, forImage: true, privateUpload: false, value: "",
        allowMultiple: false, field: this.props.field,
        // max_file_size (config.py IMAGE_MAX_BYTES): Decap's media library refuses a bigger file.
        config: this.props.field.getIn(["media_library", "config"])
      });
    },
    render: function () {
      var fresh = isNew(this.props.entry);
      return h("div", { className: "bdhvs-guide-body" },
        h("p", { className: "bdhvs-image-help" },
          h("button", { type: "button", className: "bdhvs-add-image", onClick: this.openLibrary, disabled: fresh },
            "Thêm ảnh chụp màn hình"),
          fresh ? " Bấm Lưu (Công bố) một lần trước: ảnh cần biết tên tệp của bài để vào đúng thư mục." :
            " Ảnh được lưu vào thư mục riêng của bài. CHỈ dùng ảnh từ tài khoản thử; che thông tin cá nhân trước khi tải lên."),
        h(text.control, this.props));
    }
  });

  CMS.registerWidget("bdhvs-guide-body", GuideBody, markdown.preview);

  // A required multiple choice (audience): Decap's select writes an empty list into the
  // field when it appears, in EVERY language column, so each new Vietnamese guide would get
  // an Ede file holding only `audience: []` (invalid). This is the same select, told the
  // field is optional so it leaves the value alone; the form still requires it (Decap
  // checks "required" from the configuration, not from the widget).
  var select = CMS.getWidget("select");
  var ManySelect = createClass({
    render: function () {
      return h(select.control, Object.assign({}, this.props, { field: this.props.field.set("required", false) }));
    }
  });
  CMS.registerWidget("bdhvs-select-many", ManySelect, select.preview);

  // Dates: a plain text box that takes what a person types, 25/11/2026 (day/month/year,
  // as Vietnamese write it) or 2026-11-25, and stores 2026-11-25. Decap's own date box
  // stored the year while it was being typed: "2" became 1902, and the rest of the year
  // was lost (1902–1906 in the files). A date that is not real, before 2020 or in the
  // future is refused with a Vietnamese message (as `bdhvs check` does: FM-DATE-RANGE).
  var EARLIEST_YEAR = 2020;
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function toIso(text) {
    var t = String(text || "").trim(), m, y, mo, d;
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) { y = +m[1]; mo = +m[2]; d = +m[3]; }
    else if ((m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(t))) { d = +m[1]; mo = +m[2]; y = +m[3]; }
    else { return null; }
    var day = new Date(Date.UTC(y, mo - 1, d));
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) { return null; }
    return y + "-" + pad(mo) + "-" + pad(d);
  }
  function stored(value) {
    if (value instanceof Date && !isNaN(value)) { return value.toISOString().slice(0, 10); }
    return value == null ? "" : String(value);
  }
  function shown(value) {  // 2026-11-25 is shown as 25/11/2026
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(stored(value));
    return m ? m[3] + "/" + m[2] + "/" + m[1] : stored(value);
  }
  function todayIso() {
    var now = new Date();
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  function dateError(value) {
    var text = stored(value).trim();
    if (!text) { return null; }
    var iso = toIso(text);
    if (!iso) { return "Ngày chưa đúng. Gõ ngày/tháng/năm, ví dụ 25/11/2026."; }
    if (+iso.slice(0, 4) < EARLIEST_YEAR) { return "Ngày trước năm " + EARLIEST_YEAR + ": kiểm tra lại năm."; }
    if (iso > todayIso()) { return "Ngày ở tương lai: ghi ngày bạn đã thật sự xem hoặc kiểm tra."; }
    return null;
  }
  var DateBox = createClass({
    getInitialState: function () { return { text: shown(this.props.value) }; },
    componentDidUpdate: function (prev) {
      // A value set from outside (e.g. "fill in from another locale"), not typed here.
      if (prev.value !== this.props.value && stored(this.props.value) !== this.emitted) {
        this.emitted = undefined;
        this.setState({ text: shown(this.props.value) });
      }
    },
    isValid: function () {
      var message = dateError(this.props.value);
      return message ? { error: { type: "CUSTOM", message: message } } : true;
    },
    handleChange: function (event) {
      var text = event.target.value;
      this.setState({ text: text });
      this.emitted = toIso(text) || text;
      this.props.onChange(this.emitted);
    },
    render: function () {
      return h("input", {
        type: "text", id: this.props.forID, className: this.props.classNameWrapper, value: this.state.text,
        inputMode: "numeric", autoComplete: "off", placeholder: "25/11/2026", onChange: this.handleChange,
        onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle
      });
    }
  });
  CMS.registerWidget("bdhvs-date", DateBox, CMS.getWidget("string").preview);

  // Vietnamese for the strings the bundled `vi` locale lacks (visible text and the names a
  // screen reader says). Merged into Decap's own `vi` before it starts.
  var VI_MISSING = {
    collection: {
      collectionTop: { viewAsList: "Xem dạng danh sách", viewAsGrid: "Xem dạng lưới", groupBy: "Nhóm theo" },
      entries: { unpublishedHeader: "Bài chưa công bố" },
      groups: { other: "Khác", negateLabel: "Không %{label}" }
    },
    editor: {
      editorControl: { field: { widgetLabel: "Ô %{widgetLabel}" } },
      editorControlPane: { i18n: {
        writingInLocale: "Đang viết cột %{locale}",
        copyFromLocale: "Chép từ cột ngôn ngữ khác",
        copyFromLocaleConfirm: "Chép nội dung từ cột %{locale} sang cột này?\nMọi chữ đang có ở cột này sẽ bị thay."
      } },
      editorInterface: { toggleI18n: "Bật hoặc tắt cột ngôn ngữ thứ hai", togglePreview: "Bật hoặc tắt xem trước",
        toggleScrollSync: "Cuộn hai cột cùng nhau", toggleNotes: "Bật hoặc tắt ghi chú" },
      editorNotesPane: { title: "Ghi chú", emptyState: "Chưa có ghi chú nào.", addNote: "Thêm ghi chú",
        addPlaceholder: "Viết ghi chú…", editPlaceholder: "Sửa ghi chú…", save: "Lưu", cancel: "Huỷ", edit: "Sửa",
        "delete": "Xoá", resolve: "Đánh dấu đã xong", unresolve: "Mở lại", confirmDelete: "Xoá ghi chú này?",
        shortcut: "Mẹo: bấm Ctrl+Enter để thêm nhanh" },
      editorToolbar: {
        statusInfoTooltipDraft: "Bài đang là bản nháp. Khi viết xong, đổi tình trạng sang “Đang duyệt” để gửi duyệt.",
        statusInfoTooltipInReview: "Bài đang được duyệt, bạn không cần làm gì thêm; vẫn có thể sửa tiếp trong lúc chờ."
      },
      editorWidgets: {
        markdown: { bold: "Chữ đậm", italic: "Chữ nghiêng", strikethrough: "Gạch ngang", code: "Mã", link: "Liên kết",
          linkPrompt: "Nhập địa chỉ của liên kết", headings: "Tiêu đề", quote: "Trích dẫn",
          bulletedList: "Danh sách gạch đầu dòng", numberedList: "Danh sách đánh số", addComponent: "Thêm thành phần",
          toggleMode: { rich: "Chuyển sang chế độ soạn thảo", markdown: "Chuyển sang chế độ Markdown" } },
        image: { chooseMultiple: "Chọn ảnh", chooseUrl: "Chèn từ địa chỉ", replaceUrl: "Thay bằng địa chỉ",
          promptUrl: "Nhập địa chỉ của ảnh", addMore: "Thêm ảnh", removeAll: "Xoá hết ảnh" },
        file: { chooseMultiple: "Chọn tệp", chooseUrl: "Chèn từ địa chỉ", replaceUrl: "Thay bằng địa chỉ",
          promptUrl: "Nhập địa chỉ của tệp", addMore: "Thêm tệp", removeAll: "Xoá hết tệp" },
        datetime: { setToNow: "Đặt %{fieldLabel} là bây giờ" },
        list: { add: "Thêm %{item}", addType: "Thêm %{item}" },
        object: { expand: "Mở ra", collapse: "Thu gọn" }
      }
    },
    mediaLibrary: {
      mediaLibraryCard: { copy: "Chép", copyUrl: "Chép địa chỉ", copyPath: "Chép đường dẫn", copyName: "Chép tên",
        copied: "Đã chép" },
      mediaLibraryModal: { close: "Đóng" }
    },
    ui: {
      settingsDropdown: { account: "Tuỳ chọn tài khoản" },
      toast: { noteAdded: "Đã thêm ghi chú", onFailToAddNote: "Chưa thêm được ghi chú: %{details}",
        noteUpdated: "Đã sửa ghi chú", onFailToUpdateNote: "Chưa sửa được ghi chú: %{details}",
        noteDeleted: "Đã xoá ghi chú", onFailToDeleteNote: "Chưa xoá được ghi chú: %{details}",
        noteResolved: "Ghi chú đã xong", noteReopened: "Đã mở lại ghi chú",
        onFailToToggleNote: "Chưa đổi được ghi chú: %{details}" }
    }
  };
  function fillMissing(target, extra) {  // keeps every string Decap's `vi` already has
    Object.keys(extra).forEach(function (key) {
      if (extra[key] && typeof extra[key] === "object") {
        target[key] = fillMissing(target[key] && typeof target[key] === "object" ? target[key] : {}, extra[key]);
      } else if (target[key] === undefined) {
        target[key] = extra[key];
      }
    });
    return target;
  }
  if (CMS.getLocale && CMS.getLocale("vi")) {
    CMS.registerLocale("vi", fillMissing(JSON.parse(JSON.stringify(CMS.getLocale("vi"))), VI_MISSING));
  }

  // Start Decap (boot.js asked it to wait) — unless this is the published site and no
  // login is configured: Decap would send the staff member to api.netlify.com, which
  // fails with no explanation. Say in Vietnamese what the options are instead.
  var LOCAL = ["127.0.0.1", "localhost"];
  if (document.body.getAttribute("data-login") === "none" && LOCAL.indexOf(location.hostname) === -1) {
    showNoLogin();
  } else {
    CMS.init();
  }

  function showNoLogin() {
    function el(tag, text) { var e = document.createElement(tag); if (text) { e.textContent = text; } return e; }
    var main = el("main");
    main.className = "bdhvs-no-login";
    main.appendChild(el("h1", "Trình biên tập trên trang này chưa bật đăng nhập"));
    main.appendChild(el("p", "Trang cho bà con vẫn chạy bình thường. Chỉ phần sửa bài qua trình duyệt ở địa chỉ này là chưa " +
      "dùng được, vì chưa có máy chủ đăng nhập. Bạn có thể góp ý hoặc sửa bài theo một trong các cách sau."));
    var list = el("ol");
    [["Cán bộ xã, giáo viên, người dịch tiếng Êđê (không cần tài khoản): ",
      "dùng các trang góp ý trên điện thoại (kiểm tra từng bước, góp ý, dịch và đọc tiếng Êđê). Điện thoại tạo một gói nhỏ, " +
      "bạn gửi gói qua Zalo hoặc thư điện tử cho người quản trị. Đây là cách nên dùng ở xã."],
     ["Người quản trị có máy tính: ",
      "mở thư mục dự án, chạy make cms (Windows: py -3.11 scripts\\dev.py cms). Trình biên tập chạy ngay trên máy, không cần mật khẩu."],
     ["Biên tập viên có tài khoản GitHub: ",
      "nhóm bảo trì dự án chạy MỘT máy chủ đăng nhập (OAuth) chung cho mọi xã và đặt biến BDHVS_CMS_OAUTH_URL khi dựng trang. " +
      "Xã không tự dựng hay trông coi máy chủ này. Xem docs-dev/cms.md trong kho mã."]
    ].forEach(function (item) {
      var li = el("li"); li.appendChild(el("strong", item[0])); li.appendChild(document.createTextNode(item[1]));
      list.appendChild(li);
    });
    main.appendChild(list);
    var nc = document.getElementById("nc-root");
    if (nc) { nc.parentNode.removeChild(nc); }
    document.body.appendChild(main);
  }

})();
