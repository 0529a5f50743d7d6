/* Site search, step 2: loaded only when the reader opens search (see search.js).
   Engine over the site's own static index (scripts/bdhvs/search/writer.py): meta.js of
   the language, then only the shards of the typed words, then one file per result.
   The rules (folding, exact spelling first, question words, splits, synonyms, listings,
   Ede + Vietnamese fallbacks) are explained in docs-dev/search.md; fold rules come from
   meta.js (scripts/bdhvs/search/rules.py), never copied here. Every byte here is sent
   with the first query (budget: bdhvs search-bench), so comments stay short. */
(function () {
  "use strict";

  var MAX_RESULTS = 8;
  // A word typed WITH marks counts this much on a page where it is spelled otherwise
  // ("tải" typed, "tài" written): the marks say which word the reader means.
  var OTHER_SPELLING = 0.25;
  var T = {
    title: "Tìm kiếm",
    label: "Tìm trong các hướng dẫn",
    placeholder: "Ví dụ: đăng ký VNeID",
    close: "Đóng",
    results: "Kết quả tìm kiếm",
    loading: "Đang tải bộ tìm kiếm…",
    hint: "Gõ có dấu hoặc không dấu đều được. Dùng phím ↑ ↓ để chọn, Enter để mở.",
    hintTouch: "Gõ có dấu hoặc không dấu đều được, rồi chạm vào một kết quả để mở.",
    countTouch: " kết quả. Chạm vào một kết quả để mở.",
    none: "Không tìm thấy trang nào. Thử gõ ít chữ hơn, ví dụ: vneid, mật khẩu.",
    count: " kết quả. Dùng phím ↑ ↓ để chọn, Enter để mở.",
    vi: "Tiếng Việt",
    failed: "Không tải được bộ tìm kiếm. Kiểm tra kết nối mạng rồi thử lại.",
    offlineMissing: "Bản sao này không có bộ tìm kiếm ngoại tuyến. Hãy dùng mục lục để tìm bài, hoặc hỏi người đã chép bản sao này."
  };

  // ---------------------------------------------------------------- text helpers
  var EXTRA = { "đ": "d", "Đ": "D", "ƀ": "b", "Ƀ": "B" };
  function baseFold(text) {
    return text.replace(/[đĐƀɃ]/g, function (c) { return EXTRA[c]; })
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  // Fold rules of the index (meta.js "rules.fold", written by scripts/bdhvs/search/rules.py).
  var foldRules = [];
  function setRules(rules) {
    foldRules = ((rules && rules.fold) || []).map(function (r) { return [new RegExp(r[0]), r[1]]; });
    telex = (rules && rules.telex) || { tones: "", pairs: [], hook: "aou" };
  }
  // The folded form of ONE word, exactly as the index folds it.
  function fold(word) {
    var f = baseFold(word);
    for (var i = 0; i < foldRules.length; i++) f = f.replace(foldRules[i][0], foldRules[i][1]);
    return f;
  }
  // Raw Telex keys ("chuwx" → "chu"), rules.TELEX of rules.py (meta.js "rules.telex").
  var telex = null;
  function telexFold(word) {
    var t = baseFold(word), kept = "";
    for (var i = 0; i < t.length; i++) {
      var c = t[i];
      if (!(i > 0 && telex.tones.indexOf(c) >= 0 && !(i === 1 && c === "r" && t[0] === "t"))) kept += c;
    }
    telex.pairs.forEach(function (p) { kept = kept.split(p[0]).join(p[1]); });
    var out = "";
    for (var j = 0; j < kept.length; j++) {
      var ch = kept[j];
      if (ch === "w") ch = new RegExp("[" + telex.hook + "]").test(out) ? "" : "u"; // hook on a/o/u, or ư
      out += ch;
    }
    for (var k = 0; k < foldRules.length; k++) out = out.replace(foldRules[k][0], foldRules[k][1]);
    return out;
  }
  function words(text) {
    return text.normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
  }
  function isPlain(word) { return /^[a-z0-9]*$/.test(word); }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  // Text with the words matching the query wrapped in <mark> (folded prefix match).
  function marked(text, typed) {
    var terms = typed.map(fold);
    var frag = document.createDocumentFragment();
    text.split(/([\p{L}\p{N}\p{M}]+)/u).forEach(function (part, i) {
      var hit = i % 2 === 1 && terms.some(function (t) { return fold(part).indexOf(t) === 0; });
      frag.appendChild(hit ? el("mark", "", part) : document.createTextNode(part));
    });
    return frag;
  }

  // ---------------------------------------------------------------- engines
  // Script loading (works online, under a sub-path and from file://; CSP: 'self' only).
  var loaded = {};
  function loadScript(src) {
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = src;
        s.onload = resolve;
        s.onerror = function () { delete loaded[src]; reject(new Error(src)); };
        document.head.appendChild(s);
      });
    }
    return loaded[src];
  }

  // The index files call these (see scripts/bdhvs/search/writer.py).
  var store = { meta: {}, shard: {}, page: {} };
  window.bdhvsSearchData = {
    meta: function (lang, data) { store.meta[lang] = data; },
    shard: function (lang, key, data) { store.shard[lang + "/" + key] = data; },
    page: function (lang, id, data) { store.page[lang + "/" + id] = data; }
  };

  // Address of an indexed page file: from file:// the file itself, online its folder URL.
  function pageHref(root, path) {
    return root + (location.protocol === "file:" ? path : path.replace(/(^|\/)index\.html$/, "$1"));
  }

  // A written word matches a typed word with marks "exactly" when it starts with it,
  // also when the reader typed d for đ (keyboards without đ).
  function sameSpelling(written, typed) {
    return written.indexOf(typed) === 0 || written.replace(/đ/g, "d").replace(/ƀ/g, "b").indexOf(typed) === 0;
  }

  function indexEngine(root, lang, ede) {
    var base = root + "search-index/";
    var langs = ede ? [lang, "vi"] : [lang];
    var ready = Promise.all(langs.map(function (l) { return loadScript(base + l + "/meta.js"); }))
      .then(function () {
        langs.forEach(function (l) {
          var meta = store.meta[l] || { n: 0, keys: [], ede: [] };
          meta.edeSet = {};
          (meta.ede || []).forEach(function (id) { meta.edeSet[id] = true; });
          meta.listingSet = {};
          (meta.x || []).forEach(function (id) { meta.listingSet[id] = true; });
          store.meta[l] = meta;
        });
        rules = store.meta[lang].rules || store.meta.vi && store.meta.vi.rules || {};
        setRules(rules);
        stopPhrases = (rules.stop || []).map(words);
      });
    var rules = {}, stopPhrases = [];

    // Drop question words ("làm sao", "thế nào") when other words remain. Typed without
    // marks they are compared folded, with marks as written. So are function words typed
    // with marks (rules.fn: "tại", not in the index).
    function withoutQuestionWords(terms) {
      var out = [], i = 0;
      while (i < terms.length) {
        var skip = (rules.fn || []).indexOf(terms[i]) >= 0 ? 1 : 0;
        stopPhrases.forEach(function (p) {
          if (p.length <= skip || i + p.length > terms.length) return;
          var same = p.every(function (w, k) {
            var t = terms[i + k];
            return isPlain(t) ? fold(w) === t : w === t;
          });
          if (same) skip = p.length;
        });
        if (skip) i += skip; else out.push(terms[i++]);
      }
      return out.length ? out : terms;
    }

    function keysFor(l, piece) {
      return store.meta[l].keys.filter(function (k) { return piece.indexOf(k) === 0; });
    }
    function loadShards(folded, only, whole) {
      var needed = [];
      langs.forEach(function (l) {
        shardsFor(l, folded, only, whole).forEach(function (key) { needed.push(loadScript(base + l + "/t/" + key + ".js")); });
      });
      return Promise.all(needed);
    }
    function isWord(piece) {
      return langs.some(function (l) {
        return keysFor(l, piece).some(function (k) {
          var shard = store.shard[l + "/" + k];
          return !!shard && Object.prototype.hasOwnProperty.call(shard, piece);
        });
      });
    }
    function anyWordStartsWith(tf, whole) {
      return langs.some(function (l) {
        return shardsFor(l, tf, true, whole).some(function (k) {
          return Object.keys(store.shard[l + "/" + k] || {}).some(function (w) { return w.indexOf(tf) === 0; });
        });
      });
    }
    // A word found nowhere, split into the fewest words of the index (each ≥ 2 letters):
    // "daklakso" → ["dac", "lac", "so"] (folded). Only the shards of the pieces are loaded.
    function split(word) {
      var s = baseFold(word), n = s.length, best = [[]], i = 0;
      for (var k = 1; k <= n; k++) best.push(null);
      function step() {
        while (i < n && !best[i]) i++;
        if (i >= n) return Promise.resolve(best[n] && best[n].length > 1 ? best[n] : null);
        var from = i, pieces = [];
        for (var j = from + 2; j <= n; j++) pieces.push(fold(s.slice(from, j)));
        var needed = [];
        pieces.forEach(function (p) {
          langs.forEach(function (l) {
            keysFor(l, p).forEach(function (key) { needed.push(loadScript(base + l + "/t/" + key + ".js")); });
          });
        });
        return Promise.all(needed).then(function () {
          pieces.forEach(function (p, m) {
            var end = from + 2 + m;
            if (isWord(p) && (!best[end] || best[end].length > best[from].length + 1)) best[end] = best[from].concat([p]);
          });
          i = from + 1;
          return step();
        });
      }
      return step();
    }

    // Shards holding the words that start with `folded`; for a finished word (`whole`: not
    // the last one typed, or a piece of a split) only the shard holding the word itself.
    function shardsFor(l, folded, only, whole) {
      if (folded.length < 2 && !only) return [];
      return store.meta[l].keys.filter(function (k) {
        return folded.indexOf(k) === 0 || (!whole && k.indexOf(folded) === 0);
      });
    }

    // The folded query word next to word ti (side "n": after it, "p": before it).
    function partnerTyped(terms, ti, side, partner) {
      var other = terms[side === "n" ? ti + 1 : ti - 1];
      if (other === undefined) return side === "n" && ti === terms.length - 1; // still typing
      var of = fold(other);
      return partner.indexOf(of) === 0 || of.indexOf(partner) === 0;
    }

    function score(terms, whole) {
      var hits = {}, bound = rules.bound || {};
      terms.forEach(function (t, ti) {
        var tf = fold(t), marked = !isPlain(t);
        // The last word is complete when it is a word itself: its prefix matches count less.
        var complete = !whole[ti] && tf.length >= 3 && isWord(tf);
        langs.forEach(function (l) {
          var meta = store.meta[l], n = meta.n || 1;
          shardsFor(l, tf, terms.length === 1, whole[ti]).forEach(function (key) {
            var shard = store.shard[l + "/" + key] || {};
            Object.keys(shard).forEach(function (word) {
              if (word.indexOf(tf) !== 0) return;
              // Whole-word matches count fully, prefix matches less ("vne" → "vneid"), and
              // much less for a word that is not the last one (the reader finished typing it).
              var similarity = word === tf ? 1 : (0.5 + 0.5 * tf.length / word.length) * (whole[ti] || complete ? 0.4 : 1);
              var spellings = shard[word], perPage = {}, pages = {}, df = 0, lists = [];
              var idfOf = function (count) { return Math.log(1 + n / Math.max(count, 1)); };
              Object.keys(spellings).forEach(function (written) {
                var postings = spellings[written], id = 0, own = [];
                for (var i = 0; i < postings.length; i += 2) {
                  id += postings[i];
                  if (l === "vi" && ede && !meta.edeSet[id]) continue; // translated in Ede
                  own.push([id, postings[i + 1]]);
                  if (!pages[id]) { pages[id] = true; df++; }
                }
                lists.push([written, own]);
              });
              lists.forEach(function (entry) {
                var written = entry[0], own = entry[1];
                // Spelling unknown: "*" a piece of a run-together name, "/" a word of the page's address.
                var any = written === "*", addr = written === "/";
                var exact = marked && !any && !addr && sameSpelling(written, t);
                // "tài" (of "tài khoản") typed as "tai" without "khoan": probably not meant.
                var half = !marked && bound[written] && !partnerTyped(terms, ti, bound[written][1], bound[written][0]);
                // idf: typed with marks, of the spelling; without, of the folded word ("danh" is not
                // rare because "đánh" is); "/" of the addresses holding it.
                var idf = idfOf(addr || (marked && !any) ? own.length : df);
                own.forEach(function (pw) {
                  var p = perPage[pw[0]] || (perPage[pw[0]] = { w: 0, exact: false });
                  // One word typed is one word of the page: its best spelling there, not their sum.
                  p.w = Math.max(p.w, pw[1] * idf * (marked && !exact && !any ? OTHER_SPELLING : 1) *
                    (half ? rules.boundFactor : 1));
                  p.exact = p.exact || exact;
                });
              });
              Object.keys(perPage).forEach(function (id) {
                var k = l + "/" + id, hit = hits[k] || (hits[k] = { lang: l, id: +id, per: {}, exact: false });
                // On Ede pages, a page written in Ede is preferred to an equal Vietnamese one.
                var value = perPage[id].w * similarity * (ede && l !== "vi" ? 1.25 : 1);
                hit.per[ti] = Math.max(hit.per[ti] || 0, value);
                hit.exact = hit.exact || perPage[id].exact;
              });
            });
          });
        });
      });
      return Object.keys(hits).map(function (k) {
        var hit = hits[k], sum = 0, matched = 0;
        Object.keys(hit.per).forEach(function (ti) { sum += hit.per[ti]; matched++; });
        var cover = matched / terms.length;
        hit.score = sum * cover * cover; // pages with every word first
        if (store.meta[hit.lang].listingSet[hit.id]) hit.score *= rules.listing || 1; // guides before listings
        return hit;
      }).sort(function (a, b) { return (b.exact - a.exact) || (b.score - a.score); });
    }

    function excerpt(text, terms) {
      var raw = text.split(/\s+/), folded = terms.map(fold), first = 0;
      for (var i = 0; i < raw.length; i++) {
        var w = fold(raw[i].replace(/[^\p{L}\p{N}\p{M}]/gu, ""));
        if (w && folded.some(function (t) { return w.indexOf(t) === 0; })) { first = i; break; }
      }
      var start = Math.max(0, first - 6);
      return (start > 0 ? "… " : "") + raw.slice(start, start + 26).join(" ") + (start + 26 < raw.length ? " …" : "");
    }

    return {
      ready: ready,
      search: function (query) {
        var terms = [], whole = [];
        return ready.then(function () {
          terms = withoutQuestionWords(words(query));
          whole = terms.map(function (t, i) { return i < terms.length - 1; });
          return Promise.all(terms.map(function (t, i) { return loadShards(fold(t), terms.length === 1, whole[i]); }));
        }).then(function () {
          // Words found nowhere: raw Telex keys ("kys" → ky), else run-together words ("daklakso").
          return Promise.all(terms.map(function (t, i) {
            var tf = fold(t), tx = telexFold(t);
            if (anyWordStartsWith(tf, whole[i]) || tx === tf) return null;
            return loadShards(tx, terms.length === 1, whole[i]).then(function () {
              return anyWordStartsWith(tx, whole[i]) ? tx : null;
            });
          })).then(function (decoded) {
            decoded.forEach(function (tx, i) { if (tx) terms[i] = tx; });
            return Promise.all(terms.map(function (t, i) {
              var tf = fold(t);
              return tf.length >= 4 && !anyWordStartsWith(tf, whole[i]) ? split(t) : null;
            }));
          });
        }).then(function (splits) {
          var expanded = [], expandedWhole = [];
          terms.forEach(function (t, i) {
            (splits[i] || [t]).forEach(function (piece) { expanded.push(piece); expandedWhole.push(!!splits[i] || whole[i]); });
          });
          terms = expanded;
          whole = expandedWhole;
          var top = score(terms, whole).slice(0, MAX_RESULTS);
          return Promise.all(top.map(function (hit) {
            return loadScript(base + hit.lang + "/p/" + hit.id + ".js").then(function () {
              return { hit: hit, page: store.page[hit.lang + "/" + hit.id] };
            });
          }));
        }).then(function (found) {
          // Rule 7 (rules.py): words typed one after the other that stand so in a result's summary.
          if (terms.length > 1 && rules.near) {
            found.forEach(function (f) {
              if (Object.keys(f.hit.per).length < terms.length) return; // only pages with every word
              var tokens = words((f.page.s || "") + " · " + f.page.t).map(fold), inPair = {};
              terms.forEach(function (t, i) {
                if (i === terms.length - 1) return;
                var a = fold(t), b = fold(terms[i + 1]), last = i + 1 === terms.length - 1 && !whole[i + 1];
                var found = tokens.some(function (w, k) {
                  var next = tokens[k + 1];
                  return w === a && next !== undefined && (last ? next.indexOf(b) === 0 : next === b);
                });
                if (found) { inPair[i] = true; inPair[i + 1] = true; }
              });
              // Two of two words next to each other count fully; one pair in a long question, a little.
              var share = Object.keys(inPair).length / terms.length;
              f.hit.score *= 1 + (rules.near - 1) * share;
            });
            found.sort(function (a, b) { return (b.hit.exact - a.hit.exact) || (b.hit.score - a.hit.score); });
          }
          var results = found.map(function (f) {
            var fallback = ede && f.hit.lang === "vi";
            return { href: pageHref(root, fallback ? f.page.e : f.page.u), title: f.page.t,
                     excerptText: excerpt(f.page.b, terms), lang: f.hit.lang, fallback: fallback };
          });
          results.terms = terms; // the words searched (question words dropped, splits done)
          return results;
        });
      }
    };
  }

  // ---------------------------------------------------------------- UI
  var ui = null;
  // Phones and tablets (no mouse, no keyboard arrows): hints say "chạm", not "phím ↑ ↓".
  if (window.matchMedia && matchMedia("(pointer: coarse)").matches && !matchMedia("(pointer: fine)").matches) {
    T.hint = T.hintTouch;
    T.count = T.countTouch;
  }

  function build(root, button) {
    var lang = (document.documentElement.lang || "vi").toLowerCase();
    var ede = lang !== "vi";
    var engine = null;
    var dialog = el("dialog", "bdhvs-search__dialog");
    dialog.setAttribute("aria-label", T.title);
    var form = el("form", "bdhvs-search__form");
    form.setAttribute("role", "search");
    form.method = "dialog";
    var label = el("label", "bdhvs-search__label", T.label);
    label.htmlFor = "bdhvs-search-input";
    var input = el("input", "bdhvs-search__input");
    input.id = "bdhvs-search-input";
    input.type = "search";
    input.placeholder = T.placeholder;
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("autocapitalize", "off");
    input.setAttribute("enterkeyhint", "search");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", "bdhvs-search-results");
    var close = el("button", "bdhvs-search__close md-icon", "×");
    close.type = "button";
    close.setAttribute("aria-label", T.close);
    var status = el("p", "bdhvs-search__status", T.hint);
    status.setAttribute("role", "status");
    var list = el("div", "bdhvs-search__results");
    list.id = "bdhvs-search-results";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", T.results);
    var row = el("div", "bdhvs-search__row");
    row.appendChild(input);
    row.appendChild(close);
    form.appendChild(label);
    form.appendChild(row);
    dialog.appendChild(form);
    dialog.appendChild(status);
    dialog.appendChild(list);
    button.parentNode.appendChild(dialog);

    var active = -1, seq = 0, timer = null;

    function options() { return list.querySelectorAll("[role=option]"); }
    function setActive(i) {
      var opts = options();
      if (!opts.length) { active = -1; input.removeAttribute("aria-activedescendant"); return; }
      active = (i + opts.length) % opts.length;
      opts.forEach(function (o, k) { o.setAttribute("aria-selected", k === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", opts[active].id);
      opts[active].scrollIntoView({ block: "nearest" });
    }

    function render(query, results) {
      var terms = results.terms || words(query);
      list.textContent = "";
      results.forEach(function (r, i) {
        var a = el("a", "bdhvs-search__result");
        a.id = "bdhvs-search-result-" + i;
        a.href = r.href;
        a.setAttribute("role", "option");
        a.setAttribute("aria-selected", "false");
        a.lang = r.lang === "rad" ? "rad" : r.lang;
        var title = el("span", "bdhvs-search__title");
        title.appendChild(marked(r.title, terms));
        a.appendChild(title);
        if (r.fallback) a.appendChild(el("span", "bdhvs-search__lang", T.vi));
        var excerpt = el("span", "bdhvs-search__excerpt");
        excerpt.appendChild(marked(r.excerptText, terms));
        a.appendChild(excerpt);
        list.appendChild(a);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
      status.textContent = results.length ? results.length + T.count : T.none;
      list.dataset.query = query;
    }

    function run() {
      var query = input.value.trim();
      if (query && query === list.dataset.query) return; // already shown (keeps the selection)
      var mine = ++seq;
      if (!query) { list.textContent = ""; list.dataset.query = ""; status.textContent = T.hint; input.setAttribute("aria-expanded", "false"); return; }
      engine.search(query).then(function (results) {
        if (mine === seq) render(query, results);
      }, function () { if (mine === seq) status.textContent = location.protocol === "file:" ? T.offlineMissing : T.failed; });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 180);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter") {
        event.preventDefault();
        clearTimeout(timer);
        var opts = options();
        if (active >= 0 && opts[active]) opts[active].click();
        else if (!opts.length || input.value.trim() !== list.dataset.query) run();
        else opts[0].click();
      }
    });
    list.addEventListener("mousemove", function (event) {
      var opt = event.target.closest && event.target.closest("[role=option]");
      if (!opt) return;
      var opts = Array.prototype.indexOf.call(options(), opt);
      if (opts !== active) setActive(opts);
    });
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () { button.focus(); });

    return {
      open: function (query) {
        if (query) input.value = query;
        if (!engine) {
          status.textContent = T.loading;
          engine = indexEngine(root, lang, ede);
          engine.ready.then(function () {
            if (input.value.trim()) run(); else status.textContent = T.hint;
          }, function () {
            status.textContent = location.protocol === "file:" ? T.offlineMissing : T.failed;
            engine = null;
          });
        } else if (query) run();
        if (!dialog.open) dialog.showModal();
        input.focus();
        input.select();
      }
    };
  }

  window.bdhvsSearch = {
    open: function (root, button, query) {
      if (!ui) ui = build(root, button);
      ui.open(query);
    },
    fold: fold,
    telexFold: function (w) { return telexFold(w); }
  };
})();
