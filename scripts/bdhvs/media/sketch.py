"""Phone-screen sketches: a plain drawing of a screen (title bar, texts, fields,
buttons, links) with the real labels, used until a real screenshot exists.

Drawn as SVG (issue 24): the text is text, in the reader's own font (the page's font
stack, no font file sent), so it is crisp on a projector and in print, weighs a few kB,
and can be translated. The drawing is marked as an illustration IN the image (a yellow
strip "HÌNH MINH HOẠ") and captioned "Hình minh hoạ" in the page.

Layout is in logical phone pixels (360 wide, the SVG's viewBox). Lines are wrapped with
the metrics of the bundled Noto Sans when it is there (a rough width per character
otherwise), at 90 % of the room: the reader's font may be a little wider. Every label
is editor input and is XML-escaped where it is written.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from bdhvs.media import draw as d
from bdhvs.media.spec import Sketch

LOGICAL_WIDTH = 360
BANNER_TEXT = "HÌNH MINH HOẠ · không phải ảnh chụp màn hình"
CAPTION = "Hình minh hoạ"
FONT_STACK = "system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif"
FIT = 0.9  # wrap at this share of the room (the reader's font may be wider than Noto Sans)

INK = "#202124"
MUTED = "#5f6368"
LINE = "#9aa0a6"
BUTTON = "#0b57d0"
LINK = "#0b57d0"
BAR = "#3c4043"
SCREEN = "#ffffff"
FRAME = "#202124"
PAGE = "#f1f3f4"
BANNER = "#ffd600"
ACCENT = "#c81e1e"


def _measure(text: str, size: float, bold: bool = False) -> float:
    try:
        return d.font(round(size * 4), bold=bold).getlength(text) / 4
    except d.FontMissing:  # no bundled font: a generous average width
        return len(text) * size * (0.6 if bold else 0.56)


def _wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and _measure(trial, size, bold) > width * FIT:
            lines.append(current)
            current = word
        else:
            current = trial
    return lines + ([current] if current else [])


def _text(x: float, y: float, text: str, *, size: float, fill: str, bold: bool = False,
          anchor: str = "start", underline: bool = False) -> str:
    attrs = f'x="{x:g}" y="{y:g}" font-size="{size:g}" fill="{fill}"'
    if bold:
        attrs += ' font-weight="700"'
    if anchor != "start":
        attrs += f' text-anchor="{anchor}"'
    if underline:
        attrs += ' text-decoration="underline"'
    return f"<text {attrs}>{escape(text)}</text>"


def render_svg(sketch: Sketch, *, max_width: int = 720) -> tuple[bytes, int, int]:
    """The sketch as an SVG document, and its display size (width, height) in pixels at
    ``max_width`` (the same size the raster sketches had: 2x the logical layout)."""
    margin, frame, pad = 12, 6, 18
    inner_w = LOGICAL_WIDTH - 2 * (margin + frame) - 2 * pad
    blocks = []
    for item in sketch.items:
        if item.kind in ("text", "note"):
            size = 16 if item.kind == "text" else 13
            lines = _wrap(item.label, size, inner_w)
            blocks.append((item, lines, len(lines) * (22 if item.kind == "text" else 18) + 4))
        elif item.kind == "link":
            lines = _wrap(item.label, 16, inner_w)
            blocks.append((item, lines, len(lines) * 22 + 8))
        else:
            lines = _wrap(item.label, 16, inner_w - 24, bold=item.kind == "button")
            blocks.append((item, lines, max(48, len(lines) * 22 + 20)))
    banner_h, bar_h, gap = 30, 52, 14
    content_h = sum(b[2] for b in blocks) + gap * (len(blocks) - 1)
    screen_h = max(320, bar_h + 28 + content_h + 40)
    total_h = banner_h + margin + frame + screen_h + frame + margin
    top = banner_h + margin
    sx0, sy0, sx1 = margin + frame, top + frame, LOGICAL_WIDTH - margin - frame
    x0, x1 = sx0 + pad, sx1 - pad
    out_w = min(max_width, 720)
    out_h = round(total_h * out_w / LOGICAL_WIDTH)
    parts = [
        f'<rect width="{LOGICAL_WIDTH}" height="{total_h}" fill="{PAGE}"/>',
        f'<rect x="{margin}" y="{top}" width="{LOGICAL_WIDTH - 2 * margin}" height="{2 * frame + screen_h}" '
        f'rx="26" fill="{FRAME}"/>',
        f'<rect x="{sx0}" y="{sy0}" width="{sx1 - sx0}" height="{screen_h}" rx="20" fill="{SCREEN}"/>',
        f'<path d="M{sx0} {sy0 + 20}a20 20 0 0 1 20-20h{sx1 - sx0 - 40}a20 20 0 0 1 20 20v{bar_h - 20}'
        f'h-{sx1 - sx0}z" fill="{BAR}"/>',
    ]
    title_size = 18
    while title_size > 11 and _measure(sketch.title, title_size, True) > (sx1 - sx0 - 24) * FIT:
        title_size -= 1
    parts.append(_text((sx0 + sx1) / 2, sy0 + bar_h / 2 + title_size * 0.35, sketch.title, size=title_size,
                       fill="#fff", bold=True, anchor="middle"))
    y = sy0 + bar_h + 28
    marks = []
    for item, lines, height in blocks:
        if item.kind in ("text", "note"):
            size, step = (16, 22) if item.kind == "text" else (13, 18)
            for i, line in enumerate(lines):
                parts.append(_text(x0, y + i * step + size * 0.8, line, size=size,
                                   fill=INK if item.kind == "text" else MUTED))
        elif item.kind == "link":
            for i, line in enumerate(lines):
                parts.append(_text((x0 + x1) / 2, y + 4 + i * 22 + 13, line, size=16, fill=LINK, anchor="middle",
                                   underline=True))
        elif item.kind == "field":
            parts.append(f'<rect x="{x0}" y="{y}" width="{x1 - x0}" height="{height}" rx="8" fill="{SCREEN}" '
                         f'stroke="{LINE}" stroke-width="1.5"/>')
            for i, line in enumerate(lines):
                cy = y + height / 2 + (i - (len(lines) - 1) / 2) * 22
                parts.append(_text(x0 + 12, cy + 5.5, line, size=16, fill=MUTED))
        else:  # button
            parts.append(f'<rect x="{x0}" y="{y}" width="{x1 - x0}" height="{height}" rx="24" fill="{BUTTON}"/>')
            for i, line in enumerate(lines):
                cy = y + height / 2 + (i - (len(lines) - 1) / 2) * 22
                parts.append(_text((x0 + x1) / 2, cy + 5.5, line, size=16, fill="#fff", bold=True,
                                   anchor="middle"))
        if item.target or item.callout:
            marks.append((item, (x0 - 6, y - 6, x1 - x0 + 12, height + 12)))
        y += height + gap
    for item, (bx, by, bw, bh) in marks:
        if item.target:  # a highlight frame: thick red line between two thin white ones
            parts.append(f'<rect x="{bx:g}" y="{by:g}" width="{bw:g}" height="{bh:g}" rx="5" fill="none" '
                         f'stroke="#fff" stroke-width="4.5"/>'
                         f'<rect x="{bx:g}" y="{by:g}" width="{bw:g}" height="{bh:g}" rx="5" fill="none" '
                         f'stroke="{ACCENT}" stroke-width="2.5"/>')
        if item.callout:  # the step number in a red disc with a white ring
            cx, cy = bx + bw - 6, by + bh / 2
            number = int(item.callout)
            parts.append(f'<circle cx="{cx:g}" cy="{cy:g}" r="14" fill="{ACCENT}" stroke="#fff" stroke-width="2"/>'
                         + _text(cx, cy + 5.5, str(number), size=16 if number < 10 else 13, fill="#fff", bold=True,
                                 anchor="middle"))
    banner_size = 15
    while banner_size > 8 and _measure(BANNER_TEXT, banner_size, True) > LOGICAL_WIDTH * 0.94 * FIT:
        banner_size -= 1
    parts.append(f'<rect width="{LOGICAL_WIDTH}" height="{banner_h}" fill="{BANNER}"/>'
                 + _text(LOGICAL_WIDTH / 2, banner_h / 2 + banner_size * 0.35, BANNER_TEXT, size=banner_size,
                         fill="#141414", bold=True, anchor="middle"))
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{out_w}" height="{out_h}" '
           f'viewBox="0 0 {LOGICAL_WIDTH} {total_h}" font-family={quoteattr(FONT_STACK)} role="img">'
           + "".join(parts) + "</svg>\n")
    return svg.encode("utf-8"), out_w, out_h
