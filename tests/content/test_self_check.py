"""The self-check at the end of a guide: schema and rules (exactly one right answer,
2–4 answers), escaped rendering, and in a real Chromium at 360×740: tap an answer, see
whether it is right; without JavaScript the answer is behind "Xem đáp án"; nothing is
stored; printed, the answers are one line at the end."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from bdhvs.checks import guidekit
from bdhvs.checks.runner import Options, check_paths
from bdhvs.content import selfcheck
from conftest import PHONE, StaticServer
from guidesite import build
from kitsite import KIT_GUIDE, built_kit_site, make_kit_project

GOOD = [{"question": "Ai được hỏi mã OTP?", "answers": [{"text": "Không ai cả", "correct": True},
                                                       {"text": "Công an gọi điện"}],
         "explain": "Mã OTP chỉ để bạn tự nhập."}]
URL = "huong-dan/khung-an-toan/"
SHOTS = Path(__file__).resolve().parents[2] / ".cache" / "bdhvs" / "screenshots"


@pytest.fixture(scope="module")
def kit_site(tmp_path_factory):
    return built_kit_site(tmp_path_factory.mktemp("kit-selfcheck"))


@pytest.fixture(scope="module")
def kit_server(kit_site):
    srv = StaticServer(kit_site)
    yield srv
    srv.close()


# --- rules ---------------------------------------------------------------------------------
def test_good_self_check_has_no_problem():
    assert selfcheck.problems(GOOD) == []


@pytest.mark.parametrize("correct_flags, count", [((True, True), 2), ((None, None), 0)])
def test_exactly_one_right_answer(correct_flags, count):
    value = copy.deepcopy(GOOD)
    for answer, flag in zip(value[0]["answers"], correct_flags):
        answer.pop("correct", None)
        if flag:
            answer["correct"] = True
    [problem] = selfcheck.problems(value)
    assert problem.kind == "correct" and f"có {count} câu trả lời đúng" in problem.message
    assert "correct: true" in problem.message


@pytest.mark.parametrize("answers", [1, 5])
def test_two_to_four_answers(answers):
    value = copy.deepcopy(GOOD)
    value[0]["answers"] = [{"text": f"Câu {i}", "correct": i == 0} for i in range(answers)]
    [problem] = selfcheck.problems(value)
    assert "từ 2 đến 4" in problem.message


def test_render_escapes_editor_input():
    value = copy.deepcopy(GOOD)
    value[0]["question"] = 'Thử <img src=x onerror="alert(1)"> câu hỏi'
    value[0]["answers"][1]["text"] = "<script>alert(1)</script>"
    value[0]["explain"] = '" onmouseover="alert(1)'
    html = selfcheck.render(value)
    assert "<img" not in html and "<script" not in html and '" onmouseover' not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def _write_guide(tmp_path: Path, guide: str) -> Path:
    project = make_kit_project(tmp_path / "p", {"vi/huong-dan/khung-an-toan.md": guide})
    return project


def test_check_reports_two_right_answers_at_the_question_line_and_build_stops(tmp_path):
    guide = KIT_GUIDE.replace('      - text: "Có"\n', '      - text: "Có"\n        correct: true\n')
    project = _write_guide(tmp_path, guide)
    page = project / "docs" / "vi" / "huong-dan" / "khung-an-toan.md"
    findings = check_paths([page], Options(root=project, docs_dir=project / "docs", data_dir=project / "data",
                                           style=False))
    [bad] = [f for f in findings if f.code == "GUIDE-SELFCHECK"]
    line = guide.split("\n").index("      - text: \"Có\"")  # 0-based index of that line = 1-based line of `answers:`
    assert bad.line == line and "Câu hỏi 3" in bad.message
    result = build(project, tmp_path / "site")
    assert result.returncode != 0 and "self_check: câu hỏi 3" in result.output and "Traceback" not in result.output


def test_guide_without_self_check_is_a_warning(tmp_path):
    start = KIT_GUIDE.index("self_check:")
    end = KIT_GUIDE.index("---\n\n# ")
    project = _write_guide(tmp_path, KIT_GUIDE[:start] + KIT_GUIDE[end:])
    page = project / "docs" / "vi" / "huong-dan" / "khung-an-toan.md"
    from bdhvs.checks.source import load
    doc, _ = load(page, root=project, docs_dir=project / "docs")
    [warning] = [f for f in guidekit.check(doc) if f.code == "GUIDE-NO-SELFCHECK"]
    assert warning.severity == "warning"


# --- in the browser --------------------------------------------------------------------------
def test_tap_an_answer_and_see_right_or_wrong(kit_server, new_page):
    rec = new_page(**PHONE)
    rec.page.goto(kit_server.url + URL, wait_until="networkidle")
    question = rec.page.locator("[data-bdhvs=self-check-question]").nth(1)
    question.scroll_into_view_if_needed()
    wrong = question.get_by_role("button", name="A. Báo Công an xã")
    wrong.tap()
    feedback = question.locator(".bdhvs-selfcheck__feedback")
    assert feedback.inner_text().startswith("Chưa đúng.")
    assert "B. Gọi ngân hàng" in feedback.inner_text()
    assert wrong.get_attribute("aria-pressed") == "true"
    SHOTS.mkdir(parents=True, exist_ok=True)
    question.screenshot(path=str(SHOTS / "self-check-wrong.png"))
    right = question.get_by_role("button", name="B. Gọi ngân hàng")
    right.tap()
    assert feedback.inner_text().startswith("Đúng rồi.")
    assert right.get_attribute("aria-pressed") == "true" and wrong.get_attribute("aria-pressed") == "false"
    question.screenshot(path=str(SHOTS / "self-check-right.png"))
    # big enough to tap, inside the 360 px screen
    box = right.bounding_box()
    assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 360
    # nothing stored, nothing sent
    assert rec.page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
    assert rec.third_party(kit_server.origin) == []
    rec.page.locator(".admonition.safety").last.screenshot(path=str(SHOTS / "safety-box.png"))


def test_without_javascript_the_answer_is_behind_details(kit_site, kit_server, browser):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    try:
        page = context.new_page()
        page.goto(kit_server.url + URL)
        question = page.locator("[data-bdhvs=self-check-question]").first
        answer = question.locator(".bdhvs-selfcheck__answer-key p")
        assert not answer.is_visible()
        assert question.locator("button").count() == 0
        question.locator("summary").click()
        assert answer.is_visible() and "Đáp án đúng: A. Không ai cả" in answer.inner_text()
    finally:
        context.close()


def test_printed_the_answers_are_one_line(kit_server, new_page):
    rec = new_page(viewport={"width": 794, "height": 1123})
    rec.page.goto(kit_server.url + URL, wait_until="networkidle")
    rec.page.emulate_media(media="print")
    block = rec.page.locator("[data-bdhvs=self-check]")
    assert block.locator(".bdhvs-selfcheck__key").inner_text() == "Đáp án: 1 – A; 2 – B; 3 – B."
    assert not block.locator("details").first.is_visible()
    assert block.locator(".bdhvs-selfcheck__question").first.is_visible()
    rec.page.emulate_media(media="screen")
    assert not block.locator(".bdhvs-selfcheck__key").is_visible()


def test_safety_box_is_visible_in_high_contrast(kit_server, new_page):
    rec = new_page(**PHONE)
    rec.page.goto(kit_server.url + URL, wait_until="networkidle")
    rec.page.evaluate("() => document.documentElement.setAttribute('data-bdhvs-contrast', 'high')")
    box = rec.page.locator(".admonition.safety").last
    box.scroll_into_view_if_needed()
    colour = box.evaluate("e => getComputedStyle(e).borderTopColor")
    assert colour == "rgb(255, 255, 0)"
    title = box.locator(".admonition-title")
    assert title.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]") == [
        "rgb(255, 255, 0)", "rgb(0, 0, 0)"]
    box.screenshot(path=str(SHOTS / "safety-box-high-contrast.png"))
