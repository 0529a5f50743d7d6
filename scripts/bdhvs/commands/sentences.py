"""`bdhvs sentences`: how long the sentences are, page by page (plain language).

Per page: sentences, mean length in syllables (tiếng), share over 20, the longest with
its file:line; then the totals. Only what citizens read counts (checks/sentences.py).
"""
from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "sentences", help="Đo độ dài câu (số tiếng) của từng trang: trung bình, %% câu trên 20 tiếng, câu dài nhất")
    parser.add_argument("paths", nargs="*", type=Path,
                        help="tệp hoặc thư mục (mặc định: docs/vi/, mọi trang cho bà con)")
    parser.add_argument("--over", type=int, default=None, metavar="N",
                        help="liệt kê thêm mọi câu dài hơn N tiếng, kèm tệp:dòng")
    parser.set_defaults(func=run)


def run(args) -> int:
    from bdhvs import settings
    from bdhvs.checks import sentences
    from bdhvs.checks.source import load

    roots = args.paths or [settings.DOCS_DIR / settings.DEFAULT_LANGUAGE]
    files = []
    for root in roots:
        files += sorted(root.rglob("*.md")) if root.is_dir() else [root]
    rows, everything = [], []
    for path in files:
        doc, _ = load(path, root=settings.ROOT, docs_dir=settings.DOCS_DIR)
        if doc is None or not sentences.for_citizens(doc):
            continue
        found = sentences.sentences(doc)
        if not found:
            continue
        rows.append(sentences.measure(doc))
        everything += [(doc.name, s) for s in found]
    if not rows:
        print("Không có trang nào cho bà con trong các đường dẫn đã cho.")
        return 0
    print(f"{'Trang':<58} {'câu':>5} {'TB':>5} {'>20':>5}  dài nhất")
    for f in sorted(rows, key=lambda f: -f.mean):
        print(f"{f.file:<58} {f.sentences:>5} {f.mean:>5.1f} {f.over_long:>5.0%}  "
              f"{f.longest.syllables} tiếng ({f.file}:{f.longest.line})")
    total = sum(s.syllables for _, s in everything)
    over = sum(1 for _, s in everything if s.syllables > sentences.LONG)
    limit = sum(1 for _, s in everything if s.syllables > sentences.LIMIT)
    name, longest = max(everything, key=lambda item: item[1].syllables)
    print(f"\nTổng: {len(rows)} trang, {len(everything)} câu, trung bình {total / len(everything):.1f} tiếng, "
          f"{over / len(everything):.0%} câu trên {sentences.LONG} tiếng, {limit} câu trên {sentences.LIMIT} tiếng; "
          f"dài nhất {longest.syllables} tiếng ở {name}:{longest.line}.")
    if args.over is not None:
        print()
        for name, s in everything:
            if s.syllables > args.over:
                print(f"{name}:{s.line}  {s.syllables} tiếng  {s.text}")
    return 0
