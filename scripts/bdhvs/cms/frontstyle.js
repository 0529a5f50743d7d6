/* The repository's ONE front-matter style, as the browser editor writes it. The rules and
 * the key order are defined in scripts/bdhvs/content/frontstyle.py (read its docstring);
 * this is the same writer in JavaScript so that a save in /admin/ restyles nothing.
 * tests/cms/test_front_style.py runs both writers on every page and on awkward values and
 * requires the same bytes. The key order comes from Python (order_table()), handed over
 * in /admin/index.html (data-front-order); no rule is written twice without that test. */
(function (root) {
  "use strict";
  var SPECIAL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
  var EDGE = "[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]";
  var EDGES = new RegExp("^" + EDGE + "|" + EDGE + "$");
  var WORDS = /^(?:y|n|yes|no|on|off|true|false|null)$/i;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
  var LETTER = /^\p{L}/u;
  var SHORT = { "\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\t": "\\t", "\r": "\\r" };

  function bareOk(text) {
    if (!text || SPECIAL.test(text) || EDGES.test(text)) { return false; }
    if (DATE.test(text)) { return true; }
    var first = text.charAt(0);
    if (!(/[A-Za-z]/.test(first) || (first > "\x7f" && LETTER.test(text)))) { return false; }
    return !(WORDS.test(text) || text.indexOf(": ") !== -1 || text.indexOf(" #") !== -1 ||
             text.charAt(text.length - 1) === ":");
  }

  function quote(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      if (SHORT[ch]) { out += SHORT[ch]; }
      else if (SPECIAL.test(ch)) { out += "\\u" + ("000" + ch.charCodeAt(0).toString(16).toUpperCase()).slice(-4); }
      else { out += ch; }
    }
    return "\"" + out + "\"";
  }

  function scalar(value) {
    if (typeof value === "boolean") { return value ? "true" : "false"; }
    if (typeof value === "number") { return String(value); }
    if (value instanceof Date) { return value.toISOString().slice(0, 10); }
    var text = String(value);
    return bareOk(text) ? text : quote(text);
  }

  function keyText(key) { return KEY.test(key) && !WORDS.test(key) ? key : quote(key); }

  function isMap(v) { return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date); }

  function empty(v) {
    return v === null || v === undefined || v === "" ||
      (Array.isArray(v) && v.length === 0) || (isMap(v) && Object.keys(v).length === 0);
  }

  function clean(value) {
    if (Array.isArray(value)) { return value.map(clean).filter(function (v) { return !empty(v); }); }
    if (isMap(value)) {
      var out = {};
      Object.keys(value).forEach(function (k) { var v = clean(value[k]); if (!empty(v)) { out[k] = v; } });
      return out;
    }
    return value;
  }

  function make(table) {
    function ordered(mapping, order) {
      var keys = Object.keys(mapping);
      var known = order.filter(function (k) { return keys.indexOf(k) !== -1; });
      var rest = keys.filter(function (k) { return order.indexOf(k) === -1; }).sort();
      return known.concat(rest);
    }
    function mapping(map, path, indent, topOrder) {
      var order = topOrder || table.nested[path] || [];
      var lines = [];
      ordered(map, order).forEach(function (key) {
        lines = lines.concat(entry(keyText(key), map[key], path ? path + "." + key : key, indent));
      });
      return lines;
    }
    function entry(label, value, path, indent) {
      if (isMap(value)) { return [indent + label + ":"].concat(mapping(value, path, indent + "  ")); }
      if (Array.isArray(value)) { return [indent + label + ":"].concat(sequence(value, path + "[]", indent + "  ")); }
      return [indent + label + ": " + scalar(value)];
    }
    function sequence(items, path, indent) {
      var lines = [];
      items.forEach(function (item) {
        if (isMap(item)) {
          var inner = mapping(item, path, indent + "  ");
          lines.push(indent + "- " + inner[0].slice(indent.length + 2));
          lines = lines.concat(inner.slice(1));
        } else if (Array.isArray(item)) {
          lines.push(indent + "-");
          lines = lines.concat(sequence(item, path + "[]", indent + "  "));
        } else {
          lines.push(indent + "- " + scalar(item));
        }
      });
      return lines;
    }
    function dump(meta) {
      meta = clean(meta);
      var top = table.top[meta.page_type === "lesson" ? "lesson" : "*"];
      return mapping(meta, "", "", top).map(function (line) { return line + "\n"; }).join("");
    }
    function join(meta, body) {
      var head = dump(meta);
      return head ? "---\n" + head + "---\n" + body : body;
    }
    return { dump: dump, join: join };
  }

  var api = { make: make, scalar: scalar };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; } else { root.bdhvsFrontStyle = api; }
})(this);
