"""`bdhvs inbox` refuses a bad package with one Vietnamese message and writes nothing:
no branch, no file, no worktree left behind. Each case changes ONE thing of a package
that is accepted (the control case), so each refusal is about that thing."""
from __future__ import annotations

import base64
import datetime as dt
import io
import json
import random
from pathlib import Path

import pytest
from PIL import Image

import contrib_site
from test_phone_contrib import branches, inbox

TODAY = dt.date.today().isoformat()


def png(redacted: bool = True) -> bytes:
    image = Image.new("RGB", (200, 120), "white")
    rnd = random.Random(3)
    for x in range(20, 100):
        for y in range(20, 60):
            image.putpixel((x, y), (0, 0, 0) if redacted else (rnd.randrange(256), 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def package(**change) -> dict:
    image = {"name": "buoc-2.png", "type": "image/png", "boxes": [[20, 20, 80, 40]],
             "data": base64.b64encode(png()).decode()}
    image.update(change.pop("image", {}))
    step2 = {"step": 2, "result": "khac", "note": change.pop("note", "Nút ghi khác"), "image": image}
    data = {"format": "bdhvs-gop-y", "version": 1, "kind": "review", "guide": "thu", "created": TODAY,
            "role": "Cán bộ Công an xã", "date": TODAY, "steps": [{"step": 1, "result": "giong", "note": ""}, step2]}
    data.update(change)
    return data


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return contrib_site.make_project(tmp_path_factory.mktemp("inbox") / "project")


def state(project: Path) -> tuple:
    return (branches(project), contrib_site.git(project, "status", "--porcelain", "--ignored"),
            contrib_site.git(project, "worktree", "list", "--porcelain").count("worktree "),
            sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if ".git" not in p.parts))


GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"

BAD = {
    "script in text": (package(note='Bấm nút <script>alert("x")</script>'), "HTML-SCRIPT"),
    "link that runs code": (package(note="[bấm](javascript:alert(1))"), "javascript"),
    "personal data": (package(note="Gọi số 0912 345 678 để hỏi"), "PRIV-PHONE"),
    "unredacted image": (package(image={"data": base64.b64encode(png(redacted=False)).decode()}),
                         "vẫn còn điểm ảnh thật"),
    "wrong file type": (package(image={"data": base64.b64encode(GIF).decode()}), "không đúng loại"),
    "path with ..": (package(image={"name": "../../docs/vi/index.md"}), "tên tệp"),
    "absolute path": (package(image={"name": "/etc/cron.d/x.png"}), "tên tệp"),
    "backslash": (package(image={"name": "..\\..\\x.png"}), "tên tệp"),
    "unknown guide": (package(guide="../../etc"), "không có bài hướng dẫn"),
    "future date": (package(date="2099-01-01"), "tương lai"),
    "hidden characters": (package(note="Nút \u202eĐăng nhập"), "ký tự"),
    # JSON shapes a hand-edited package may have (each crashed the command with a TypeError)
    "kind is a list": (package(kind=["review"]), "loại gói"),
    "result is a list": (package(steps=[{"step": 1, "result": ["giong"], "note": ""}]), "cần 'giong'"),
    "boxes not a list": (package(image={"boxes": 5}), "vùng che sai dạng"),
}
# Package texts no JSON reader should crash on (RecursionError / ValueError before).
RAW = {
    "nesting too deep": '{"format": "bdhvs-gop-y", "version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "number too long": '{"format": "bdhvs-gop-y", "version": 1, "kind": "review", "step": ' + "9" * 5000 + "}",
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_package_is_refused_and_nothing_is_written(project, tmp_path, case):
    data, reason = BAD[case]
    path = tmp_path / "gop-y-review-thu.txt"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = state(project)
    result = inbox(path, project)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("Từ chối gói gop-y-review-thu.txt: không ghi gì"), result.stderr
    assert reason in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert state(project) == before


@pytest.mark.parametrize("case", list(RAW))
def test_unreadable_json_is_refused_in_words(project, tmp_path, case):
    path = tmp_path / "gop-y-hong.txt"
    path.write_text(RAW[case], encoding="utf-8")
    result = inbox(path, project)
    assert result.returncode == 2 and "không phải gói góp ý" in result.stderr, result.stdout + result.stderr
    assert "Lỗi không mong đợi" not in result.stderr and "Traceback" not in result.stderr


def test_oversized_package_is_refused(project, tmp_path):
    path = tmp_path / "gop-y-lon.txt"
    path.write_text(json.dumps(package()) + " " * (5 * 1024 * 1024), encoding="utf-8")
    before = state(project)
    result = inbox(path, project)
    assert result.returncode == 2 and "quá giới hạn 5 MB" in result.stderr
    assert state(project) == before


def test_not_a_package_is_refused(project, tmp_path):
    path = tmp_path / "anh.txt"
    path.write_bytes(png())
    result = inbox(path, project)
    assert result.returncode == 2 and "không phải gói góp ý" in result.stderr


def test_the_control_package_is_accepted(project, tmp_path):
    """The same package without the fault: accepted, so each refusal above is specific."""
    path = tmp_path / "gop-y-review-thu.txt"
    path.write_text(json.dumps(package()), encoding="utf-8")
    result = inbox(path, project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert any(b.startswith("gop-y/review-thu-") for b in branches(project))
