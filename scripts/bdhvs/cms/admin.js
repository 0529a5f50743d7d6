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
        allowMultiple: false, field: this.props.field
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

})();
