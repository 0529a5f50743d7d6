"""`bdhvs images`: render the guides' screenshots and sketches (cached), check every
media file, or run the media benchmark."""
from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "images",
        help="Dựng ảnh chụp màn hình, hình minh hoạ và kiểm tra ảnh, video, âm thanh của các bài hướng dẫn",
        description="Dựng ảnh (có chú thích, che thông tin cá nhân, nén WebP) từ docs/huong-dan/ vào bộ nhớ đệm, "
                    "rồi kiểm tra ảnh, data/videos.yml, video và âm thanh. Khi dựng trang, việc này tự chạy.",
    )
    parser.add_argument("--bench", action="store_true", help="đo dung lượng ảnh trước/sau và trang có/không có lớp che video")
    parser.add_argument("--prune", action="store_true", help="xoá ảnh cũ không còn dùng khỏi bộ nhớ đệm (.cache/bdhvs/images)")
    parser.add_argument("--out", metavar="THƯ_MỤC", help="chép ảnh đã dựng vào thư mục này để xem thử")
    parser.add_argument("--redact", action="store_true",
                        help="tô kín các vùng che (redact: trong tệp .yml) ngay trong tệp ảnh chụp gốc, rồi thoát; "
                             "chạy trước khi commit ảnh chụp màn hình")
    parser.add_argument("--docs-dir", type=Path, metavar="THƯ_MỤC",
                        help="với --redact: thư mục docs khác (mặc định: docs/ của dự án; dùng cho kiểm thử)")
    parser.set_defaults(func=run)


def run(args) -> int:
    import shutil

    from bdhvs import settings
    from bdhvs.findings import report
    from bdhvs.media import cache as cache_mod, catalog, check, video

    if args.bench:
        from bdhvs.media import bench

        return bench.run()
    if args.redact:
        return _redact(args)
    cache = cache_mod.Cache(settings.CACHE_DIR / "images")
    images, findings = catalog.render_all(settings.MEDIA_DIR, cache, root=settings.ROOT)
    register_, more = video.load_register(settings.DATA_DIR / "videos.yml", root=settings.ROOT)
    findings += more + check.check_media(settings.MEDIA_DIR, register_, root=settings.ROOT)
    for key, r in sorted(images.items()):
        kind = "hình minh hoạ" if r.sketch else "ảnh chụp"
        state = "có sẵn" if r.cached else "vừa dựng"
        print(f"{r.uri:<55} {kind:<14} {r.entry.width}×{r.entry.height:<5} {r.entry.bytes:>8,} byte  ({state})")
        if args.out:
            target = Path(args.out) / r.uri
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(r.entry.path, target)
    print(f"{len(images)} ảnh: {cache.hits} lấy từ bộ nhớ đệm, {cache.misses} vừa dựng.")
    if args.prune:
        freed = cache.prune({r.entry.path.name.split(".", 1)[0] for r in images.values()})
        print(f"Đã xoá {freed:,} byte ảnh cũ khỏi bộ nhớ đệm.")
    errors = report(findings)
    if errors:
        print(f"{errors} lỗi cần sửa (xem từng dòng ở trên).")
        return 1
    print("Ảnh, video và âm thanh: không có lỗi.")
    return 0


def _redact(args) -> int:
    from bdhvs import settings
    from bdhvs.media import redact

    docs_dir = args.docs_dir.resolve() if args.docs_dir else settings.DOCS_DIR
    root = docs_dir.parent if args.docs_dir else settings.ROOT
    done, problems = redact.redact_all(docs_dir / "huong-dan", root=root)
    for line in done + problems:
        print(line)
    if problems:
        print(f"{len(problems)} ảnh chưa che được (xem từng dòng ở trên).")
        return 1
    print(f"Xong: {len(done)} ảnh chụp có vùng che hoặc siêu dữ liệu; tệp gốc không còn điểm ảnh thật trong vùng che."
          if done else "Không có ảnh chụp nào cần che (không có vùng redact: hay siêu dữ liệu).")
    return 0
