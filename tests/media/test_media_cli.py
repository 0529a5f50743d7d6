"""`bdhvs images` for an editor: a table of images, Vietnamese errors with file:line, exit codes."""
from __future__ import annotations

from bdhvs import cli, settings

from mediasite import screenshot


def project(tmp_path, monkeypatch, yml):
    folder = tmp_path / "docs" / "huong-dan" / "g"
    folder.mkdir(parents=True)
    screenshot().save(folder / "buoc-1.png")
    (folder / "buoc-1.yml").write_text(yml, encoding="utf-8")
    (tmp_path / "data").mkdir()
    monkeypatch.setattr(settings, "ROOT", tmp_path)
    monkeypatch.setattr(settings, "MEDIA_DIR", tmp_path / "docs" / "huong-dan")
    monkeypatch.setattr(settings, "DATA_DIR", tmp_path / "data")
    monkeypatch.setattr(settings, "CACHE_DIR", tmp_path / ".cache")
    monkeypatch.chdir(tmp_path)


def test_images_command_renders_and_reports_success(tmp_path, monkeypatch, capsys):
    project(tmp_path, monkeypatch, "callouts:\n  - {number: 1, at: [100, 100]}\n")
    assert cli.main(["images", "--out", str(tmp_path / "xem")]) == 0
    out = capsys.readouterr().out
    assert "huong-dan/g/buoc-1." in out and "vừa dựng" in out and "không có lỗi" in out
    assert list((tmp_path / "xem" / "huong-dan" / "g").glob("buoc-1.*"))
    assert cli.main(["images"]) == 0
    assert "1 lấy từ bộ nhớ đệm" in capsys.readouterr().out


def test_images_command_explains_an_error_with_file_and_line(tmp_path, monkeypatch, capsys):
    project(tmp_path, monkeypatch, "alt: ok\ncallouts:\n  - {number: hai, at: [100, 100]}\n")
    assert cli.main(["images"]) == 1
    out = capsys.readouterr().out
    assert "docs/huong-dan/g/buoc-1.yml:3:1  IMG002" in out
    assert "phải là số nguyên" in out and "Traceback" not in out
