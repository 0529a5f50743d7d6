"""Phone-screen sketches: a plain drawing of a screen (title bar, texts, fields,
buttons, links) with the real labels, used until a real screenshot exists.

The drawing is marked as an illustration IN the image (a yellow strip "HÌNH MINH HOẠ")
and captioned "Hình minh hoạ" in the page. Layout is in logical phone pixels
(360 wide), drawn at exactly 2x the output size and averaged down 2x2 (supersampling:
anti-aliased text and edges). A box average keeps the few flat colours of the drawing,
so it stays small as lossless WebP; a Lanczos resize would add ringing colours (about
2.5x the lossless size) and took 30 ms of the 40 ms drawing time.
"""
from __future__ import annotations

from PIL import Image, ImageDraw

from bdhvs.media import draw as d
from bdhvs.media.spec import Sketch

LOGICAL_WIDTH = 360
BANNER_TEXT = "HÌNH MINH HOẠ · không phải ảnh chụp màn hình"
CAPTION = "Hình minh hoạ"

INK = (32, 33, 36)
MUTED = (95, 99, 104)
LINE = (154, 160, 166)
BUTTON = (11, 87, 208)
LINK = (11, 87, 208)
BAR = (60, 64, 67)
SCREEN = (255, 255, 255)
FRAME = (32, 33, 36)


def _wrap(text: str, fnt, width: float) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and fnt.getlength(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return lines + ([current] if current else [])


def render(sketch: Sketch, *, max_width: int = 720) -> Image.Image:
    out_w = min(max_width, 720)
    k = out_w * 2 / LOGICAL_WIDTH  # working pixels per logical pixel (2x supersampling)
    scale = 2.0  # working pixels per output pixel

    def L(v: float) -> int:
        return round(v * k)

    margin, frame, pad = 12, 6, 18
    inner_w = LOGICAL_WIDTH - 2 * (margin + frame) - 2 * pad
    text_font, bold_font, small_font = d.font(L(16)), d.font(L(16), bold=True), d.font(L(13))
    # Measure the items to know the height.
    blocks = []
    for item in sketch.items:
        if item.kind in ("text", "note"):
            fnt = text_font if item.kind == "text" else small_font
            lines = _wrap(item.label, fnt, L(inner_w))
            blocks.append((item, lines, fnt, len(lines) * (22 if item.kind == "text" else 18) + 4))
        elif item.kind == "link":
            lines = _wrap(item.label, text_font, L(inner_w))
            blocks.append((item, lines, text_font, len(lines) * 22 + 8))
        else:
            fnt = bold_font if item.kind == "button" else text_font
            lines = _wrap(item.label, fnt, L(inner_w - 24))
            blocks.append((item, lines, fnt, max(48, len(lines) * 22 + 20)))
    banner_h, bar_h, gap = 30, 52, 14
    content_h = sum(b[3] for b in blocks) + gap * (len(blocks) - 1)
    screen_h = max(320, bar_h + 28 + content_h + 40)
    total_h = banner_h + margin + frame + screen_h + frame + margin
    image = Image.new("RGB", (L(LOGICAL_WIDTH), L(total_h)), (241, 243, 244))
    canvas = ImageDraw.Draw(image)
    top = banner_h + margin
    # Phone body and screen.
    canvas.rounded_rectangle((L(margin), L(top), L(LOGICAL_WIDTH - margin), L(top + 2 * frame + screen_h)),
                             radius=L(26), fill=FRAME)
    sx0, sy0 = margin + frame, top + frame
    sx1 = LOGICAL_WIDTH - margin - frame
    canvas.rounded_rectangle((L(sx0), L(sy0), L(sx1), L(sy0 + screen_h)), radius=L(20), fill=SCREEN)
    # Title bar.
    canvas.rounded_rectangle((L(sx0), L(sy0), L(sx1), L(sy0 + bar_h)), radius=L(20), fill=BAR)
    canvas.rectangle((L(sx0), L(sy0 + bar_h - 20), L(sx1), L(sy0 + bar_h)), fill=BAR)
    canvas.text((L((sx0 + sx1) / 2), L(sy0 + bar_h / 2)), sketch.title, font=d.font(L(18), bold=True),
                fill=(255, 255, 255), anchor="mm")
    x0, x1 = sx0 + pad, sx1 - pad
    y = sy0 + bar_h + 28
    targets = []
    for item, lines, fnt, height in blocks:
        if item.kind in ("text", "note"):
            step = 22 if item.kind == "text" else 18
            for i, line in enumerate(lines):
                canvas.text((L(x0), L(y + i * step)), line, font=fnt, fill=INK if item.kind == "text" else MUTED)
        elif item.kind == "link":
            for i, line in enumerate(lines):
                cx = (x0 + x1) / 2
                canvas.text((L(cx), L(y + 4 + i * 22)), line, font=fnt, fill=LINK, anchor="mt")
                half = fnt.getlength(line) / 2
                canvas.line((L(cx) - half, L(y + 4 + i * 22 + 20), L(cx) + half, L(y + 4 + i * 22 + 20)),
                            fill=LINK, width=max(1, L(1)))
        elif item.kind == "field":
            canvas.rounded_rectangle((L(x0), L(y), L(x1), L(y + height)), radius=L(8), outline=LINE,
                                     width=max(1, L(1.5)), fill=SCREEN)
            for i, line in enumerate(lines):
                canvas.text((L(x0 + 12), L(y + height / 2 + (i - (len(lines) - 1) / 2) * 22)), line, font=fnt,
                            fill=MUTED, anchor="lm")
        else:  # button
            canvas.rounded_rectangle((L(x0), L(y), L(x1), L(y + height)), radius=L(24), fill=BUTTON)
            for i, line in enumerate(lines):
                canvas.text((L((x0 + x1) / 2), L(y + height / 2 + (i - (len(lines) - 1) / 2) * 22)), line,
                            font=fnt, fill=(255, 255, 255), anchor="mm")
        if item.target or item.callout:
            targets.append((item, (x0 - 6, y - 6, x1 - x0 + 12, height + 12)))
        y += height + gap
    for item, (bx, by, bw, bh) in targets:
        if item.target:
            d.box(canvas, (L(bx), L(by), L(bw), L(bh)), scale)
        if item.callout:
            d.callout(canvas, item.callout, (L(bx + bw - 6), L(by + bh / 2)), scale)
    d.banner(image, BANNER_TEXT, L(banner_h))
    return image.reduce(2)  # width L(LOGICAL_WIDTH) == 2 * out_w
