"""`bdhvs inbox <gói>`: take a contribution package made on a phone (docs/vi/bien-tap/
gop-y-*.md pages) and turn it into a branch and a commit, after the same checks as
`bdhvs check`. A bad package is refused with one Vietnamese message; nothing is written."""
from __future__ import annotations

import sys
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "inbox", help="Nhận gói góp ý từ điện thoại: kiểm tra, rồi tạo nhánh và commit (không cần tài khoản GitHub)")
    parser.add_argument("package", help="tệp gói góp ý (gop-y-….txt) nhận qua Zalo hoặc thư")
    parser.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và cho xem thay đổi, không tạo nhánh")
    parser.add_argument("--no-pr", action="store_true", help="không mở pull request (kể cả khi có gh)")
    parser.add_argument("--root", type=Path, help="thư mục dự án (kho git); mặc định: dự án chứa lệnh này")
    parser.set_defaults(func=run)


def run(args) -> int:
    import datetime as dt
    import hashlib

    from bdhvs import settings
    from bdhvs.inbox import apply, changes as changes_mod, package

    root = (args.root or settings.ROOT).resolve()
    path = Path(args.package)
    try:
        pkg = package.read(path, root / "docs" / settings.DEFAULT_LANGUAGE)
        stamp = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
        changes = changes_mod.plan(pkg, root, stamp)
        print(f"Gói {package.KINDS[pkg.kind]} cho bài “{pkg.guide.title}”. Thay đổi:")
        for line in changes.summary:
            print(f"  - {line}")
        if args.dry_run:
            print("Chạy thử (--dry-run): chưa ghi gì.")
            return 0
        message = changes.title + "\n\n" + "\n".join(f"- {line}" for line in changes.summary) + \
            f"\n\nNhận bằng `bdhvs inbox` từ gói {path.name} ({dt.date.today().isoformat()})."
        commit = apply.commit(root, changes, message)
    except package.PackageError as exc:
        print(f"Từ chối gói {path.name}: không ghi gì, không tạo nhánh.", file=sys.stderr)
        for reason in exc.reasons:
            print(f"  - {reason}", file=sys.stderr)
        return 2
    print(f"Đã tạo nhánh {changes.branch}, commit {commit[:10]}. Xem: git show {changes.branch}")
    if not args.no_pr:
        url = apply.pull_request(root, changes, message)
        print(f"Pull request: {url}" if url else
              "Chưa mở pull request (máy không có gh hoặc chưa đẩy được nhánh): gộp nhánh theo cách thường làm.")
    print({"review": "Người thứ hai xem lại rồi mới gộp; bài chỉ thành “đã duyệt” khi người đó đổi review.status.",
           "ede": "Bản tiếng Êđê là bản nháp: người biết tiếng Êđê thứ hai duyệt bằng "
                  f"bdhvs translate huong-dan/{pkg.guide.slug}.md --review \"<vai trò>\".",
           "feedback": "Người biên tập đọc ghi chú trong gop-y/ rồi sửa bài nếu cần."}[pkg.kind])
    return 0
