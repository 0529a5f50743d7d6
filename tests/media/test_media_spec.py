"""The annotation YAML: bad input gives Vietnamese findings with the right line."""
from __future__ import annotations

from bdhvs.media import cache as cache_mod, catalog, spec as spec_mod

from mediasite import screenshot


def load(tmp_path, text):
    path = tmp_path / "buoc-1.yml"
    path.write_text(text, encoding="utf-8")
    return spec_mod.load(path, root=tmp_path)


def test_valid_file_is_read(tmp_path):
    spec, findings = load(tmp_path, "alt: Nút Đăng nhập\ncallouts:\n  - {number: 2, at: [10, 20]}\nredact:\n"
                                    "  - [1, 2, 3, 4]\n  - {area: [5, 6, 7, 8], style: pixelate}\n")
    assert findings == []
    assert spec.callouts == [(2, (10, 20))]
    assert [(r.rect, r.style) for r in spec.redact] == [((1, 2, 3, 4), "solid"), ((5, 6, 7, 8), "pixelate")]


def test_syntax_error_points_at_the_line(tmp_path):
    _, findings = load(tmp_path, "alt: ok\ncallouts:\n  - {number: 2, at: [10, 20]\nboxes: []\n")
    assert len(findings) == 1
    f = findings[0]
    assert (f.file, f.code) == ("buoc-1.yml", "IMG001")
    assert f.line in (3, 4) and "YAML" in f.message and "thụt lề" in f.hint


def test_wrong_shape_is_explained_in_vietnamese_with_its_line(tmp_path):
    text = "alt: ok\nboxes:\n  - [1, 2, 3]\ncallouts:\n  - {number: 2, where: [1, 2]}\nmau: do\n"
    _, findings = load(tmp_path, text)
    by_line = {}
    for f in findings:
        by_line.setdefault(f.line, []).append(f.message)
    assert "phải có đúng 4 số [x, y, rộng, cao]" in by_line[3][0]
    assert any("Khoá không hợp lệ" in m and "where" in m for m in by_line[5])
    assert any("Thiếu khoá bắt buộc" in m and "at" in m for m in by_line[5])
    assert any("mau" in f.message for f in findings)
    assert all(f.code == "IMG002" for f in findings)


def test_sketch_needs_source_and_one_kind_per_item(tmp_path):
    _, findings = load(tmp_path, "sketch:\n  title: VNeID\n  items:\n    - {button: A, link: B}\n")
    messages = " | ".join(f.message for f in findings)
    assert "source" in messages


def test_coordinates_outside_the_screenshot_are_reported(tmp_path):
    folder = tmp_path / "huong-dan" / "g"
    folder.mkdir(parents=True)
    screenshot((600, 1200)).save(folder / "buoc-1.png")
    (folder / "buoc-1.yml").write_text("redact:\n  - [500, 100, 200, 50]\n", encoding="utf-8")
    images, findings = catalog.render_all(tmp_path / "huong-dan", cache_mod.Cache(tmp_path / "c"), root=tmp_path)
    assert images == {}  # nothing published when a redaction may not cover the data
    assert [(f.file, f.line, f.code) for f in findings] == [("huong-dan/g/buoc-1.yml", 2, "IMG003")]
    assert "ra ngoài ảnh" in findings[0].message and "600" in findings[0].hint


def test_yaml_without_image_or_sketch_and_bad_names(tmp_path):
    folder = tmp_path / "huong-dan" / "g"
    folder.mkdir(parents=True)
    (folder / "buoc-2.yml").write_text("alt: chỉ có chữ\n", encoding="utf-8")
    screenshot().save(folder / "Ảnh Chụp.png")
    _, findings = catalog.render_all(tmp_path / "huong-dan", cache_mod.Cache(tmp_path / "c"), root=tmp_path)
    codes = sorted(f.code for f in findings)
    assert codes == ["IMG005", "IMG007"]


def test_a_half_saved_screenshot_is_reported_in_plain_words(tmp_path):
    folder = tmp_path / "huong-dan" / "g"
    folder.mkdir(parents=True)
    screenshot().save(folder / "buoc-1.png")
    whole = (folder / "buoc-1.png").read_bytes()
    (folder / "buoc-1.png").write_bytes(whole[: len(whole) // 2])  # copied off a phone half-way
    images, findings = catalog.render_all(tmp_path / "huong-dan", cache_mod.Cache(tmp_path / "c"), root=tmp_path)
    assert images == {}
    assert [(f.file, f.code) for f in findings] == [("huong-dan/g/buoc-1.png", "IMG006")]
    assert "ảnh bị hỏng hoặc chưa được lưu hết" in findings[0].message
