"""Screenshots for the review sheet (docs-dev/review-sheet.md): every page type in every
reading mode, at 360x740 and 1280x720, one contact sheet per page type and width.
Not a test: run it on a built site and LOOK at the sheets.

    .venv/bin/python tests/a11y/review_screens.py site /tmp/review
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]

PAGES = [("home", ""), ("listing", "huong-dan/"), ("audience", "huong-dan/theo-doi-tuong/#hoc-sinh"),
         ("guide", "huong-dan/kich-hoat-tai-khoan/"), ("guide-end", "huong-dan/kich-hoat-tai-khoan/"),
         ("glossary", "thuat-ngu/"), ("ede", "ede/"), ("ede-guide", "ede/huong-dan/cai-dat-vneid/"),
         ("404", "khong-co-trang-nay/"), ("search", ""), ("projector", "huong-dan/kich-hoat-tai-khoan/?trinhchieu=1")]
MODES = [(size, contrast) for contrast in ("normal", "high") for size in ("1", "2", "3")]
SIZES = [(360, 740), (1280, 720)]


def shoot(site: Path, out: Path) -> list[Path]:
    from PIL import Image
    from playwright.sync_api import sync_playwright

    from bdhvs.browser import CHROMIUM, CHROMIUM_ARGS
    from bdhvs.deploy.serve import SiteServer

    out.mkdir(parents=True, exist_ok=True)
    sheets = []
    with SiteServer(site) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for width, height in SIZES:
            phone = width < 800
            for name, path in PAGES:
                shots = []
                for size, contrast in MODES:
                    context = browser.new_context(viewport={"width": width, "height": height},
                                                  is_mobile=phone, has_touch=phone)
                    context.add_init_script(f"localStorage.setItem('bdhvs.textSize','{size}');"
                                            f"localStorage.setItem('bdhvs.contrast','{contrast}')")
                    page = context.new_page()
                    page.goto(server.url + path)
                    if name == "search":
                        page.click("[data-bdhvs-search-open]")
                        page.type("#bdhvs-search-input", "mat khau vneid", delay=20)
                        page.wait_for_selector(".bdhvs-search__result")
                    elif name == "guide-end":
                        page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")
                    elif name == "projector":  # the mode's script loads on demand
                        page.wait_for_function("() => document.documentElement.classList.contains('bdhvs-projector')")
                        page.keyboard.press("ArrowRight")
                        page.keyboard.press("ArrowRight")
                    page.wait_for_timeout(300)
                    shot = out / f"{name}-{width}-size{size}-{contrast}.png"
                    page.screenshot(path=str(shot))
                    shots.append(Image.open(shot))
                    context.close()
                scale = 0.6 if phone else 0.5
                shots = [s.resize((int(s.width * scale), int(s.height * scale))) for s in shots]
                cols = 6 if phone else 3
                w, h = shots[0].width + 6, shots[0].height + 6
                sheet = Image.new("RGB", (cols * w, -(-len(shots) // cols) * h), "#888")
                for k, s in enumerate(shots):
                    sheet.paste(s, ((k % cols) * w, (k // cols) * h))
                sheets.append(out / f"sheet-{name}-{width}.png")
                sheet.save(sheets[-1])
        browser.close()
    return sheets


if __name__ == "__main__":
    for sheet in shoot(Path(sys.argv[1]), Path(sys.argv[2])):
        print(sheet)
