"""Measure a page as a reader sees it, in a real Chromium: the contrast of every visible
piece of text (from computed styles), text pushed past the right edge of the screen,
and how wide the step text is. Used by test_reading_sweep.py (every built page in every
reading mode) and test_first_screen.py."""
from __future__ import annotations

# Reading modes: text size (reading.js: 1 Vừa, 2 Lớn, 3 Rất lớn) x contrast.
MODES = [(size, contrast) for contrast in ("normal", "high") for size in ("1", "2", "3")]
MIN_RATIO = {"normal": 4.5, "high": 7.0}  # WCAG AA body text; high contrast promises AAA


def mode_id(mode) -> str:
    size, contrast = mode
    return f"size{size}-{contrast}"


def set_mode_script(mode) -> str:
    """Init script: the reader's saved choice, as reading.js stores it."""
    size, contrast = mode
    return ("try { localStorage.setItem('bdhvs.textSize', %r); localStorage.setItem('bdhvs.contrast', %r); }"
            " catch (e) {}" % (size, contrast))


# Returns {texts: [...], low: [...], overflow: [...], scroll_width, steps: [widths]} for
# the part of the page under ``rootSelector`` (the whole body by default).
MEASURE = r"""
([rootSelector, minRatio]) => {
  const root = document.querySelector(rootSelector || 'body');
  const W = document.documentElement.clientWidth;
  function rgba(s) {
    const m = s.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }
  function over(top, bottom) {  // top colour composited over an opaque bottom
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat(1);
  }
  function lum(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  function background(el) {  // null when an image or gradient lies under the text
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.backgroundImage && cs.backgroundImage !== 'none') return null;
      const c = rgba(cs.backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255, 1];  // the canvas
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  }
  function shown(el) {
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return false;
    }
    return true;
  }
  function scrollsSideways(el) {  // inside a box made to scroll (wide tables, code)
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const ox = getComputedStyle(e).overflowX;
      if ((ox === 'auto' || ox === 'scroll') && e !== document.documentElement) return true;
      if (getComputedStyle(e).textOverflow === 'ellipsis') return true;  // cut on purpose, with "…"
    }
    return false;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const low = [], overflow = [];
  let texts = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.nodeValue.trim()) continue;
    const el = n.parentElement;
    if (!el || el.closest('script, style, noscript, svg, [aria-hidden="true"] svg') || !shown(el)) continue;
    const range = document.createRange(); range.selectNodeContents(n);
    const rects = [...range.getClientRects()].filter(r => r.width > 1 && r.height > 1);
    if (!rects.length) continue;
    const r = rects[0];
    if (r.right <= 0 || r.left >= W) continue;  // off-canvas (closed drawer, skip link)
    const clip = el.closest('.md-sidebar--primary');
    if (clip && clip.getBoundingClientRect().right <= 0) continue;
    texts++;
    const what = el.tagName + '.' + (typeof el.className === 'string' ? el.className : '')
                 + ' "' + n.nodeValue.trim().slice(0, 40) + '"';
    const right = Math.max(...rects.map(x => x.right));
    if (right > W + 1 && !scrollsSideways(el)) overflow.push(what + ' right=' + Math.round(right));
    const bg = background(el);
    if (!bg) continue;
    const cs = getComputedStyle(el);
    let fg = rgba(cs.color); let alpha = fg[3];
    for (let e = el; e; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
    fg = over([fg[0], fg[1], fg[2], alpha], bg);
    const L1 = lum(fg), L2 = lum(bg);
    const ratio = (Math.max(L1, L2) + 0.05) / (Math.min(L1, L2) + 0.05);
    if (ratio < minRatio) low.push(what + ' ' + ratio.toFixed(2) + ':1 ' + cs.color + ' on rgb(' + bg.slice(0, 3).join(',') + ')');
  }
  const steps = [...document.querySelectorAll('article ol:not(li ol) > li > p')]
    .filter(p => !p.closest('.admonition, details, aside') && shown(p))
    .map(p => Math.round(p.getBoundingClientRect().width));
  return {texts, low, overflow, scroll_width: document.documentElement.scrollWidth, width: W, steps};
}
"""
