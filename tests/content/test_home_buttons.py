"""Home page task buttons (data/home.yml) are big enough to tap and work without JavaScript;
mistakes in data/home.yml are explained to the editor."""
from __future__ import annotations

import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser


def test_task_buttons_are_big_tap_targets_without_javascript(server, new_page):
    page = new_page(**PHONE, java_script_enabled=False).page
    page.goto(server.url)
    buttons = page.locator(".bdhvs-home-tasks a")
    assert 6 <= buttons.count() <= 8
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        assert box["height"] >= 48 and box["width"] >= 0.4 * PHONE["viewport"]["width"] - 20, box
    first = buttons.first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert page.url.endswith(href)


def _home_file(tmp_path, text):
    (tmp_path / "docs/vi/huong-dan").mkdir(parents=True)
    (tmp_path / "docs/vi/huong-dan/a.md").write_text("# A\n", encoding="utf-8")
    path = tmp_path / "home.yml"
    path.write_text(text, encoding="utf-8")
    return path, tmp_path / "docs/vi"


TASKS = "".join(f"  - label: Việc {i}\n    page: huong-dan/a.md\n" for i in range(6))


def test_home_file_errors_name_the_line_and_the_fix(tmp_path):
    from bdhvs.content import home

    path, docs = _home_file(tmp_path, "emergency:\n  - label: Bị lừa?\n    page: huong-dan/khong-co.md\ntasks:\n" + TASKS)
    with pytest.raises(home.HomeError) as err:
        home.load(path, docs)
    assert "data/home.yml:2" in str(err.value) and "docs/vi/huong-dan/khong-co.md" in str(err.value)
    path.write_text("emergency:\n  - label: Bị lừa?\n    page: huong-dan/a.md\ntasks:\n" + TASKS * 2, encoding="utf-8")
    with pytest.raises(home.HomeError, match="cần từ 6 đến 8 nút"):
        home.load(path, docs)
    path.write_text('emergency:\n  - label: "Bị lừa?\n    page: huong-dan/a.md\n', encoding="utf-8")
    with pytest.raises(home.HomeError, match="data/home.yml:2: YAML sai cú pháp: dấu ngoặc kép"):
        home.load(path, docs)
    path.write_text("emergency:\n  - label: Bị lừa?\n    page: huong-dan/a.md\ntasks:\n" + TASKS, encoding="utf-8")
    loaded = home.load(path, docs)
    assert loaded.emergency[0].url == "huong-dan/a/" and len(loaded.tasks) == 6


def test_tapping_a_glossary_term_shows_its_explanation(server, new_page):
    from bdhvs.content import glossary
    from bdhvs.settings import DATA_DIR

    definitions = {t.term: t.definition for t in glossary.load(DATA_DIR / "glossary.yml")}
    page = new_page(**PHONE).page
    page.goto(server.url + "huong-dan/bao-ve-tai-khoan/")
    term = page.locator("article abbr", has_text="OTP").first
    shown = "() => getComputedStyle(document.querySelector('article abbr[title]:focus') || document.body, '::after').content"
    term.tap()
    content = page.evaluate(shown)
    assert definitions["OTP"] in content
    box = page.evaluate("""() => { const a = document.querySelector('article abbr:focus');
        const s = getComputedStyle(a, '::after'); return [s.position, s.bottom]; }""")
    assert box[0] == "fixed"
