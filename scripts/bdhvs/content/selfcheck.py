"""The self-check at the end of a guide: ``self_check:`` in its front matter.

    self_check:
      - question: "Ai được phép hỏi mã OTP của bạn?"
        answers:
          - text: "Không ai cả"
            correct: true
          - text: "Công an gọi điện"
        explain: "Mã OTP chỉ để bạn tự nhập."

Rules (:func:`problems`, used by the build and by `bdhvs check`): 1 to 5 questions (3
recommended), each with 2 to 4 answers, exactly ONE of them ``correct: true``.

:func:`render` gives the HTML (every string escaped: editors' input). Without
JavaScript each question is a list of answers and a ``<details>`` "Xem đáp án" that
reveals the right one and why; with JavaScript (self-check.js) the answers become
buttons and the reader sees at once whether the one chosen is right. Nothing is
stored (no cookie, no localStorage) and nothing is sent. Printed, the answers stay
hidden and one line "Đáp án: 1 – B; 2 – A; 3 – C" closes the block (guide-kit.css), so a
trainer can use the handout as a quiz and check it.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

LETTERS = "ABCD"
HEADING_ID = "tu-kiem-tra"
MIN_ANSWERS, MAX_ANSWERS, MAX_QUESTIONS = 2, 4, 5


@dataclass(frozen=True)
class Problem:
    path: list  # where in self_check: [question index (0-based), "answers", …]
    message: str
    kind: str  # "correct" (exactly one right answer) | "shape" (what the schema also checks)


def _text(value) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def problems(value) -> list[Problem]:
    """What is wrong in a ``self_check`` value (empty list: fine). ``shape`` problems are
    also reported by the front matter schema in `bdhvs check`; the build needs them here."""
    if not isinstance(value, list) or not value:
        return [Problem([], "self_check phải là danh sách câu hỏi (mỗi câu bắt đầu bằng “- question: …”). "
                            "Cách sửa: xem mẫu trong CONTRIBUTING.md.", "shape")]
    out = []
    if len(value) > MAX_QUESTIONS:
        out.append(Problem([], f"self_check có {len(value)} câu hỏi, tối đa {MAX_QUESTIONS} (nên có 3). "
                               "Cách sửa: bớt câu hỏi.", "shape"))
    for n, item in enumerate(value):
        label = f"câu hỏi {n + 1}"
        if not isinstance(item, dict) or not _text(item.get("question")):
            out.append(Problem([n], f"{label}: thiếu 'question' (câu hỏi). Cách sửa: viết question: \"…\".", "shape"))
            continue
        answers = item.get("answers")
        if not isinstance(answers, list) or not MIN_ANSWERS <= len(answers) <= MAX_ANSWERS:
            out.append(Problem([n, "answers"], f"{label}: cần từ {MIN_ANSWERS} đến {MAX_ANSWERS} câu trả lời "
                                               "(answers, mỗi câu một dòng “- text: …”).", "shape"))
            continue
        if any(not isinstance(a, dict) or not _text(a.get("text")) for a in answers):
            out.append(Problem([n, "answers"], f"{label}: mỗi câu trả lời cần 'text'. Cách sửa: viết - text: \"…\".",
                               "shape"))
            continue
        right = [a for a in answers if a.get("correct") is True]
        if len(right) != 1:
            out.append(Problem([n, "answers"],
                               f"{label} (“{_text(item['question'])}”) có {len(right)} câu trả lời đúng; phải có "
                               "đúng MỘT câu có correct: true. Cách sửa: thêm correct: true dưới câu trả lời đúng, "
                               "xoá ở các câu khác.", "correct"))
    return out


def _esc(value) -> str:
    return html.escape(" ".join(str(value).split()), quote=True)


def render(value, *, lang: str = "vi") -> str:
    """HTML of a valid self-check (problems(value) is empty), or "" for none."""
    if not isinstance(value, list) or not value or problems(value):
        return ""
    parts = [f'<section class="bdhvs-selfcheck" data-bdhvs="self-check" aria-labelledby="{HEADING_ID}" '
             f'lang="{_esc(lang)}">',
             f'<h2 id="{HEADING_ID}" lang="vi">Tự kiểm tra</h2>',
             '<p class="bdhvs-selfcheck__intro" lang="vi">Trả lời để xem bạn đã nhớ bài chưa. '
             'Trang không lưu và không gửi câu trả lời của bạn.</p>',
             '<ol class="bdhvs-selfcheck__list">']
    key = []
    for n, item in enumerate(value, 1):
        answers = item["answers"]
        right = next(i for i, a in enumerate(answers) if a.get("correct") is True)
        key.append(f"{n} – {LETTERS[right]}")
        qid = f"tu-kiem-tra-{n}"
        parts.append(f'<li class="bdhvs-selfcheck__q" data-bdhvs="self-check-question" id="{qid}">')
        parts.append(f'<p class="bdhvs-selfcheck__question" id="{qid}-hoi">{_esc(item["question"])}</p>')
        parts.append(f'<ul class="bdhvs-selfcheck__answers" aria-labelledby="{qid}-hoi">')
        for i, answer in enumerate(answers):
            flag = ' data-correct="true"' if i == right else ""
            parts.append(f'<li class="bdhvs-selfcheck__answer"{flag}><span class="bdhvs-selfcheck__letter">'
                         f'{LETTERS[i]}.</span> <span class="bdhvs-selfcheck__text">{_esc(answer["text"])}</span></li>')
        parts.append("</ul>")
        # Right under the answers: what the script says after a tap (empty, hidden, without it).
        parts.append('<p class="bdhvs-selfcheck__feedback" role="status" aria-live="polite"></p>')
        explain = f" {_esc(item['explain'])}" if _text(item.get("explain")) else ""
        parts.append(f'<details class="bdhvs-selfcheck__answer-key"><summary lang="vi">Xem đáp án</summary>'
                     f'<p><span lang="vi">Đáp án đúng:</span> <strong>{LETTERS[right]}. {_esc(answers[right]["text"])}'
                     f'</strong>.{explain}</p></details>')
        parts.append("</li>")
    parts.append("</ol>")
    parts.append(f'<p class="bdhvs-selfcheck__key" lang="vi">Đáp án: {"; ".join(key)}.</p>')
    parts.append("</section>")
    return "\n".join(parts)
