/* Site search, step 2: loaded only when the reader opens search (see search.js).

   Engine: Pagefind (one index per <html lang>, fetched in small pieces when searching).
   - Pagefind folds tone marks ("dang ky" finds "đăng ký" through "ky") but not đ/ƀ, which
     have no Unicode decomposition. People type d for đ all the time, so every query also
     runs with d→đ (and, on Ede pages, b→ƀ) and the results are merged.
   - A query typed WITH marks also runs as typed (Pagefind's exactDiacritics): pages with
     the exact spelling come first, then the folded matches.
   - Ede pages (lang="rad") search the Ede index plus the Vietnamese pages that are shown
     untranslated in the Ede site (filter ede:yes, written by scripts/bdhvs/search/pages.py),
     labelled "Tiếng Việt" and opened at their Ede address.
   - Opened from file:// (USB copy), Pagefind cannot run (no fetch, no WebAssembly from
     files): a small index written by scripts/bdhvs/search/offline.py is used instead.
   UI strings are Vietnamese (no Ede UI string is reviewed yet; the header is lang="vi"). */
(function () {
  "use strict";

  var MAX_RESULTS = 8;
  var MAX_VARIANTS = 8;
  var T = {
    title: "Tìm kiếm",
    label: "Tìm trong các hướng dẫn",
    placeholder: "Ví dụ: đăng ký VNeID",
    close: "Đóng",
    results: "Kết quả tìm kiếm",
    loading: "Đang tải bộ tìm kiếm…",
    hint: "Gõ có dấu hoặc không dấu đều được. Dùng phím ↑ ↓ để chọn, Enter để mở.",
    none: "Không tìm thấy trang nào. Thử gõ ít chữ hơn, ví dụ: vneid, mật khẩu.",
    count: " kết quả. Dùng phím ↑ ↓ để chọn, Enter để mở.",
    vi: "Tiếng Việt",
    failed: "Không tải được bộ tìm kiếm. Kiểm tra kết nối mạng rồi thử lại.",
    offlineMissing: "Bản sao này không có bộ tìm kiếm ngoại tuyến. Hãy dùng mục lục để tìm bài, hoặc hỏi người đã chép bản sao này."
  };

  // ---------------------------------------------------------------- text helpers
  var EXTRA = { "đ": "d", "Đ": "D", "ƀ": "b", "Ƀ": "B" };
  function fold(text) {
    return text.replace(/[đĐƀɃ]/g, function (c) { return EXTRA[c]; })
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(text) {
    return text.normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
  }
  function isPlain(word) { return /^[a-z0-9]*$/.test(word); }

  // d→đ variants of a word (folded matches; the exact spelling is ranked first anyway).
  // Vietnamese writes đ only at the start of a syllable; Ede also inside words (Êđê),
  // and Ede has ƀ.
  function wordVariants(word, ede) {
    var out = [[word, 0]];
    var spots = [];
    for (var i = 0; i < word.length && spots.length < 2; i++) {
      var c = word.charAt(i);
      if ((c === "d" && (i === 0 || ede)) || (c === "b" && ede)) spots.push(i);
    }
    for (var mask = 1; mask < (1 << spots.length); mask++) {
      var chars = word.split(""), n = 0;
      spots.forEach(function (pos, k) {
        if (mask & (1 << k)) { chars[pos] = chars[pos] === "d" ? "đ" : "ƀ"; n++; }
      });
      out.push([chars.join(""), n]);
    }
    return out;
  }

  function queryVariants(query, ede) {
    var combos = [[[], 0]];
    words(query).forEach(function (word) {
      var next = [];
      combos.forEach(function (combo) {
        wordVariants(word, ede).forEach(function (v) {
          next.push([combo[0].concat(v[0]), combo[1] + v[1]]);
        });
      });
      next.sort(function (a, b) { return a[1] - b[1]; });
      combos = next.slice(0, MAX_VARIANTS * 4);
    });
    return combos.slice(0, MAX_VARIANTS).map(function (c) { return c[0].join(" "); })
      .filter(function (q) { return q; });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  // Text with the words matching the query wrapped in <mark> (folded prefix match).
  function marked(text, query) {
    var terms = words(query).map(fold);
    var frag = document.createDocumentFragment();
    text.split(/([\p{L}\p{N}\p{M}]+)/u).forEach(function (part, i) {
      var hit = i % 2 === 1 && terms.some(function (t) { return fold(part).indexOf(t) === 0; });
      frag.appendChild(hit ? el("mark", "", part) : document.createTextNode(part));
    });
    return frag;
  }

  // ---------------------------------------------------------------- engines
  function pagefindEngine(root, ede) {
    var rootPath = new URL(root).pathname;
    var base = { baseUrl: "/", excerptLength: 22 };
    // On Ede pages the Vietnamese index is a second source ("./" keeps Pagefind from
    // treating it as the primary bundle; the browser fetches the very same files).
    function configure(instance, exact) {
      var options = Object.assign({ exactDiacritics: exact }, base);
      return instance.options(options).then(function () {
        return ede ? instance.mergeIndex(rootPath + "pagefind/./", Object.assign({ language: "vi" }, options)) : null;
      }).then(function () { return instance; });
    }
    var ready = import(root + "pagefind/pagefind.js").then(function (pf) { return configure(pf, false); });
    // Pagefind folds marks for ranking too ("mã" and "ma" score alike), so a query typed
    // WITH marks also runs on an instance that keeps them (exactDiacritics): those pages
    // come first, then the folded matches. Created on the first such query (same files).
    var exactReady = null;
    function exactInstance(pf) {
      if (!exactReady) exactReady = configure(pf.createInstance(base), true);
      return exactReady;
    }
    return {
      ready: ready,
      search: function (query) {
        var filters = ede ? { filters: { ede: "yes" } } : {};
        return ready.then(function (pf) {
          var variants = queryVariants(query, ede);
          var folded = Promise.all(variants.map(function (q) { return pf.search(q, filters); }));
          // Exact tier: the marks as typed; d may still stand for đ (the keyboard may lack it).
          var exact = isPlain(words(query).join("")) ? Promise.resolve([])
            : exactInstance(pf).then(function (inst) {
              return Promise.all(variants.map(function (q) { return inst.search(q, filters); }));
            });
          return Promise.all([exact, folded]);
        }).then(function (found) {
          var best = {};
          function add(res, tier) {
            (res && res.results || []).forEach(function (r) {
              var old = best[r.id];
              if (!old || old.tier < tier || (old.tier === tier && old.score < r.score)) {
                best[r.id] = { tier: tier, score: r.score, result: r };
              }
            });
          }
          found[0].forEach(function (res) { add(res, 1); });
          found[1].forEach(function (res) { add(res, 0); });
          var top = Object.keys(best).map(function (k) { return best[k]; })
            .sort(function (a, b) { return b.tier - a.tier || b.score - a.score; }).slice(0, MAX_RESULTS + 2);
          return Promise.all(top.map(function (hit) { return hit.result.data(); }));
        }).then(function (datas) {
          var seen = {}, out = [];
          datas.forEach(function (d) {
            var fallback = ede && !!(d.meta && d.meta.ede_url);
            var path = (fallback ? d.meta.ede_url : d.url).replace(/^\//, "");
            if (seen[path] || out.length >= MAX_RESULTS) return;
            seen[path] = true;
            out.push({ href: root + path, title: d.meta.title || path, excerptHtml: d.excerpt,
                       lang: fallback ? "vi" : document.documentElement.lang, fallback: fallback });
          });
          return out;
        });
      }
    };
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  // file:// engine: the pages' text, split into words once, scored in plain JS.
  function offlineEngine(root, lang, ede) {
    var langs = ede ? [lang, "vi"] : [lang];
    var ready = Promise.all(langs.map(function (l) {
      return loadScript(root + "search-offline/" + l + ".js");
    })).then(function () {
      var data = window.bdhvsSearchOffline || {}, pages = [];
      langs.forEach(function (l) {
        (data[l] || []).forEach(function (p) {
          if (ede && l === "vi" && !p.e) return; // translated in Ede: not an Ede result
          var raw = p.b.split(/\s+/).filter(Boolean);
          pages.push({
            href: root + (ede && l === "vi" ? p.e : p.u), title: p.t, lang: l,
            fallback: ede && l === "vi", raw: raw,
            rawFold: raw.map(function (w) { return fold(w).replace(/[^\p{L}\p{N}]/gu, ""); }),
            fields: [field(p.t, 7, 2), field(p.h, 3, 2), field(p.b, 0.5, 5)]
          });
        });
      });
      return pages;
    });
    function field(text, weight, cap) {
      var list = words(text);
      return { words: list, folded: list.map(fold), weight: weight, cap: cap };
    }
    // Like Pagefind: prefix match on folded words; a word typed with marks scores 1 when
    // spelled the same, 0.8 when it only matches without marks.
    function fieldScore(f, term, termFold, exact) {
      var s = 0;
      for (var i = 0; i < f.words.length; i++) {
        if (f.folded[i].indexOf(termFold) !== 0) continue;
        s += !exact || f.words[i].indexOf(term) === 0 ? 1 : 0.8;
      }
      return f.weight * Math.min(s, f.cap);
    }
    // Same tiers as online: a page with a word typed with marks, spelled as typed (d may
    // stand for đ), comes before pages that match only without marks.
    function hasExact(p, spellings) {
      return p.fields.some(function (f) {
        return f.words.some(function (w) {
          return spellings.some(function (t) { return w.indexOf(t) === 0; });
        });
      });
    }
    return {
      ready: ready,
      search: function (query) {
        var terms = words(query);
        var marked = [];
        terms.forEach(function (t) {
          if (!isPlain(t)) wordVariants(t, ede).forEach(function (v) { marked.push(v[0]); });
        });
        return ready.then(function (pages) {
          var scored = [];
          pages.forEach(function (p) {
            var score = 0, matched = 0;
            terms.forEach(function (t) {
              var tf = fold(t), exact = !isPlain(t), ts = 0;
              p.fields.forEach(function (f) { ts += fieldScore(f, t, tf, exact); });
              if (ts > 0) matched++;
              score += ts;
            });
            if (score > 0) {
              scored.push({ page: p, score: score * matched / terms.length,
                            tier: marked.length && hasExact(p, marked) ? 1 : 0 });
            }
          });
          scored.sort(function (a, b) { return b.tier - a.tier || b.score - a.score; });
          return scored.slice(0, MAX_RESULTS).map(function (s) {
            var p = s.page, termsFold = terms.map(fold), first = 0;
            for (var i = 0; i < p.rawFold.length; i++) {
              if (termsFold.some(function (t) { return p.rawFold[i].indexOf(t) === 0; })) { first = i; break; }
            }
            var start = Math.max(0, first - 6);
            return { href: p.href, title: p.title, excerptText: p.raw.slice(start, start + 24).join(" "),
                     lang: p.lang, fallback: p.fallback };
          });
        });
      }
    };
  }

  // ---------------------------------------------------------------- UI
  var ui = null;

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
      list.textContent = "";
      results.forEach(function (r, i) {
        var a = el("a", "bdhvs-search__result");
        a.id = "bdhvs-search-result-" + i;
        a.href = r.href;
        a.setAttribute("role", "option");
        a.setAttribute("aria-selected", "false");
        a.lang = r.lang === "rad" ? "rad" : r.lang;
        var title = el("span", "bdhvs-search__title");
        title.appendChild(marked(r.title, query));
        a.appendChild(title);
        if (r.fallback) a.appendChild(el("span", "bdhvs-search__lang", T.vi));
        var excerpt = el("span", "bdhvs-search__excerpt");
        if (r.excerptHtml !== undefined) excerpt.innerHTML = r.excerptHtml; // Pagefind escapes text, adds <mark>
        else excerpt.appendChild(marked(r.excerptText, query));
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
      var mine = ++seq;
      if (!query) { list.textContent = ""; status.textContent = T.hint; input.setAttribute("aria-expanded", "false"); return; }
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
      open: function () {
        if (!engine) {
          status.textContent = T.loading;
          engine = location.protocol === "file:" ? offlineEngine(root, lang, ede) : pagefindEngine(root, ede);
          engine.ready.then(function () {
            if (input.value.trim()) run(); else status.textContent = T.hint;
          }, function () {
            status.textContent = location.protocol === "file:" ? T.offlineMissing : T.failed;
            engine = null;
          });
        }
        if (!dialog.open) dialog.showModal();
        input.focus();
        input.select();
      }
    };
  }

  window.bdhvsSearch = {
    open: function (root, button) {
      if (!ui) ui = build(root, button);
      ui.open();
    },
    // For tests and the benchmark: the d→đ query variants actually searched.
    queryVariants: queryVariants,
    fold: fold
  };
})();
