"""Screenshots and sketches, asserted on pixels and bytes."""
from __future__ import annotations

import io
import random
import xml.etree.ElementTree as ET

import pytest
from PIL import Image, ImageCms

from bdhvs import settings
from bdhvs.media import cache as cache_mod, catalog, draw, render, sketch, spec as spec_mod
from bdhvs.media.spec import Redaction, Spec

from mediasite import screenshot

ACCENT, WHITE, FILL = draw.ACCENT, draw.OUTLINE, draw.REDACT_FILL
SVG = "{http://www.w3.org/2000/svg}"


def close(a, b, tol=24):
    return all(abs(x - y) <= tol for x, y in zip(a, b))


def noise(size, seed=7):
    """Random colours (deterministic), without the redaction fill colour."""
    image = Image.frombytes("RGB", size, random.Random(seed).randbytes(size[0] * size[1] * 3))
    assert size[0] * size[1] > 100_000 or FILL not in set(image.get_flattened_data())
    return image


def make_guide(tmp_path, files: dict):
    folder = tmp_path / "huong-dan" / "g"
    folder.mkdir(parents=True)
    for name, content in files.items():
        if isinstance(content, Image.Image):
            content.save(folder / name)
        else:
            (folder / name).write_text(content, encoding="utf-8")
    return tmp_path / "huong-dan", folder


def test_callout_is_drawn_at_its_coordinates_after_downscaling():
    source = screenshot((1440, 1200))
    out = render.render(source, Spec(callouts=[(3, (1000, 400))]), max_width=720)
    assert out.size == (720, 600)
    # The centre (500, 200) carries the white digit or the red disc; just beside the
    # digit, still inside the disc, is red; at the ring radius it is white.
    assert close(out.getpixel((500 - 14, 200)), ACCENT)
    assert close(out.getpixel((500, 200 + 18)), ACCENT)
    assert close(out.getpixel((500 + 26, 200)), WHITE, 40)
    # Far from the callout the screenshot is untouched (same as a plain resize).
    plain = render.render(source, Spec(), max_width=720)
    assert out.getpixel((100, 550)) == plain.getpixel((100, 550))


def test_box_and_arrow_are_drawn_where_the_yaml_says():
    source = Image.new("RGB", (600, 800), (240, 240, 240))
    out = render.render(source, Spec(boxes=[(100, 100, 300, 100)], arrows=[((300, 700), (300, 300))]))
    assert close(out.getpixel((250, 100)), ACCENT)  # top edge of the box
    assert close(out.getpixel((250, 150)), (240, 240, 240), 2)  # inside stays visible
    assert close(out.getpixel((300, 500)), ACCENT)  # arrow shaft
    assert close(out.getpixel((500, 500)), (240, 240, 240), 2)


@pytest.mark.parametrize("style", ["solid", "pixelate"])
def test_redacted_region_keeps_none_of_the_original_pixel_values(style):
    source = noise((200, 160))
    rect = (20, 30, 120, 90)
    out = render.render(source, Spec(redact=[Redaction(rect, style)]), max_width=720)
    x, y, w, h = rect
    before = set(source.crop((x, y, x + w, y + h)).get_flattened_data())
    after = set(out.crop((x, y, x + w, y + h)).get_flattened_data())
    assert before.isdisjoint(after)
    if style == "solid":
        assert after == {FILL}
    else:
        assert len(after) <= 16  # a few big blocks, nothing readable
    # Outside the region nothing changed.
    assert out.getpixel((5, 5)) == source.getpixel((5, 5))


def test_redaction_happens_before_crop_and_survives_encoding(tmp_path):
    source = noise((400, 400), seed=3)
    yml = "crop: [0, 100, 400, 300]\nredact:\n  - [50, 150, 200, 100]\n"
    media, _ = make_guide(tmp_path, {"buoc-1.png": source, "buoc-1.yml": yml})
    images, findings = catalog.render_all(media, cache_mod.Cache(tmp_path / "c"))
    assert findings == []
    out = Image.open(images["huong-dan/g/buoc-1"].entry.path).convert("RGB")
    assert out.size == (400, 300)
    region = out.crop((60, 60, 240, 140))  # the redacted area, shifted by the crop
    assert all(close(p, FILL, 10) for p in region.get_flattened_data())


def test_metadata_is_stripped(tmp_path):
    source = noise((300, 200), seed=5)
    exif = Image.Exif()
    exif[0x010E] = "SECRET-DESCRIPTION-42"  # ImageDescription
    exif[0x8825] = {1: "N", 2: (12.0, 40.0, 0.0)}  # GPS IFD
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buf = tmp_path / "buoc-1.png"
    source.save(buf, exif=exif, icc_profile=icc, pnginfo=None)
    assert b"SECRET-DESCRIPTION-42" in buf.read_bytes()
    media, folder = make_guide(tmp_path, {})
    buf.rename(folder / "buoc-1.png")
    images, _ = catalog.render_all(media, cache_mod.Cache(tmp_path / "c"))
    data = images["huong-dan/g/buoc-1"].entry.path.read_bytes()
    assert b"SECRET-DESCRIPTION-42" not in data
    for chunk in (b"EXIF", b"ICCP", b"XMP ", b"eXIf", b"iCCP", b"tEXt", b"iTXt"):
        assert chunk not in data
    decoded = Image.open(io.BytesIO(data))
    assert not {"exif", "icc_profile", "xmp"} & set(decoded.info)


def test_output_is_deterministic_and_under_budget(tmp_path):
    media, _ = make_guide(tmp_path, {"buoc-1.png": screenshot((1080, 2340)), "buoc-1.yml": "callouts:\n  - {number: 1, at: [500, 500]}\n",
                                     "anh.png": noise((720, 900), seed=9)})
    first, _ = catalog.render_all(media, cache_mod.Cache(tmp_path / "c1"))
    second, _ = catalog.render_all(media, cache_mod.Cache(tmp_path / "c2"))
    for key in first:
        a, b = first[key].entry.path.read_bytes(), second[key].entry.path.read_bytes()
        assert a == b
        assert len(a) <= settings.IMAGE_BUDGET
        assert first[key].entry.width <= spec_mod.DEFAULT_MAX_WIDTH
    # Pure noise cannot be made small losslessly: the budget forced lossy encoding.
    assert first["huong-dan/g/anh"].entry.lossless is False


def test_image_that_cannot_fit_the_budget_is_reported(tmp_path):
    media, _ = make_guide(tmp_path, {"anh.png": noise((800, 800), seed=2)})
    images, findings = catalog.render_all(media, cache_mod.Cache(tmp_path / "c"), budget=2_000)
    assert [f.code for f in findings] == ["IMG004"]
    assert "quá giới hạn" in findings[0].message and findings[0].file.endswith("anh.png")


def test_cache_hit_skips_rendering_and_only_changed_images_rerender(tmp_path, monkeypatch):
    media, folder = make_guide(tmp_path, {"a.png": screenshot(), "b.png": screenshot(seed=2),
                                          "b.yml": "callouts:\n  - {number: 2, at: [100, 100]}\n"})
    cache = cache_mod.Cache(tmp_path / "c")
    catalog.render_all(media, cache)
    assert (cache.hits, cache.misses) == (0, 2)

    def boom(*args, **kwargs):
        raise AssertionError("rendered although cached")

    monkeypatch.setattr(render, "render", boom)
    images, findings = catalog.render_all(media, cache)
    assert findings == [] and all(r.cached for r in images.values())
    assert (cache.hits, cache.misses) == (2, 2)
    monkeypatch.undo()
    (folder / "b.yml").write_text("callouts:\n  - {number: 3, at: [100, 100]}\n", encoding="utf-8")
    images, _ = catalog.render_all(media, cache)
    assert images["huong-dan/g/a"].cached and not images["huong-dan/g/b"].cached
    assert (cache.hits, cache.misses) == (3, 3)


SKETCH = """sketch:
  source: egov-facts.md §1.5
  title: VNeID
  items:
    - {field: "Số định danh cá nhân"}
    - {button: "Đăng nhập", target: true, callout: 4}
    - {link: "Quên mật khẩu"}
"""


def _svg(spec):
    data, width, height = sketch.render_svg(spec.sketch)
    return ET.fromstring(data), data, width, height


def test_sketch_is_marked_as_illustration_and_highlights_the_target(tmp_path):
    spec, findings = spec_mod.load(make_guide(tmp_path, {"man-hinh.yml": SKETCH})[1] / "man-hinh.yml")
    assert findings == []
    root, data, width, height = _svg(spec)
    assert width == 720 and height > 600
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert texts[-1] == sketch.BANNER_TEXT  # drawn last: on top of everything
    assert any(r.get("fill") == "#ffd600" and r.get("height") == "30" for r in root.iter(f"{SVG}rect"))
    # The real labels are text in the reader's font, not pixels.
    assert {"VNeID", "Số định danh cá nhân", "Đăng nhập", "Quên mật khẩu", "4"} <= set(texts)
    assert any(r.get("stroke") == sketch.ACCENT for r in root.iter(f"{SVG}rect"))  # the highlight frame
    assert any(c.get("fill") == sketch.ACCENT for c in root.iter(f"{SVG}circle"))  # the numbered callout


def test_sketch_labels_are_escaped(tmp_path):
    hostile = SKETCH.replace('"Quên mật khẩu"', '"</text><script>alert(1)</script><text>"')
    spec, findings = spec_mod.load(make_guide(tmp_path, {"man-hinh.yml": hostile})[1] / "man-hinh.yml")
    root, data, _, _ = _svg(spec)
    assert not list(root.iter(f"{SVG}script")) and b"<script" not in data
    assert "</text><script>alert(1)</script><text>" in ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_real_screenshot_with_the_same_name_replaces_the_sketch(tmp_path):
    media, folder = make_guide(tmp_path, {"man-hinh.yml": SKETCH})
    cache = cache_mod.Cache(tmp_path / "c")
    images, _ = catalog.render_all(media, cache)
    assert images["huong-dan/g/man-hinh"].sketch
    screenshot().save(folder / "man-hinh.png")
    images, findings = catalog.render_all(media, cache)
    assert findings == []
    assert not images["huong-dan/g/man-hinh"].sketch
    assert images["huong-dan/g/man-hinh"].entry.width == 600


def test_sketch_is_deterministic(tmp_path):
    spec, _ = spec_mod.load(make_guide(tmp_path, {"man-hinh.yml": SKETCH})[1] / "man-hinh.yml")
    assert sketch.render_svg(spec.sketch) == sketch.render_svg(spec.sketch)


def test_prune_keeps_only_the_renders_in_use(tmp_path):
    media, folder = make_guide(tmp_path, {"a.png": screenshot(), "b.png": screenshot(seed=2)})
    cache = cache_mod.Cache(tmp_path / "c")
    catalog.render_all(media, cache)
    (folder / "b.png").unlink()
    images, _ = catalog.render_all(media, cache)
    keep = {r.entry.path.name.split(".", 1)[0] for r in images.values()}
    assert cache.prune(keep) > 0
    assert {p.name.split(".", 1)[0] for p in (tmp_path / "c").iterdir()} == keep
    again, _ = catalog.render_all(media, cache)
    assert again["huong-dan/g/a"].cached
