"""`bdhvs bundle`: the whole bilingual site as a zip for a USB stick or a trainer's laptop.

How it opens: by double-clicking ``MO-TRANG-NAY.html`` — no internet, no server, no
Python (many trainer laptops have none). That works because

* the bundle is a separate build with ``use_directory_urls: false``: every link points
  at a file (``huong-dan/cai-dat-vneid.html``), which a browser opens from ``file://``;
* search uses the small per-language script index of ``bdhvs.search.offline`` (Pagefind
  needs ``fetch`` and WebAssembly, which ``file://`` pages cannot use);
* videos and images are files in the site; QR codes on printed pages still point at the
  ONLINE address (site_url), which is what a person takes home.

Zip layout::

    bdhvs-krong-a-ngoai-tuyen/MO-TRANG-NAY.html   -> opens trang/index.html
    bdhvs-krong-a-ngoai-tuyen/HUONG-DAN.txt       how to open it (Vietnamese)
    bdhvs-krong-a-ngoai-tuyen/trang/...           the site
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

FOLDER = "bdhvs-krong-a-ngoai-tuyen"
SITE_FOLDER = "trang"
OPENER = "MO-TRANG-NAY.html"
README = "HUONG-DAN.txt"

OPENER_HTML = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=trang/index.html">
<title>Bình dân học vụ số Krông Á — bản không cần mạng</title>
</head>
<body>
<p>Đang mở trang… Nếu trang không tự mở, bấm vào đây:
<a href="trang/index.html">Mở trang Bình dân học vụ số Krông Á</a>.</p>
</body>
</html>
"""

README_TEXT = """BÌNH DÂN HỌC VỤ SỐ XÃ KRÔNG Á — BẢN DÙNG KHÔNG CẦN MẠNG
Tạo ngày {date}.

CÁCH MỞ
1. Chép cả thư mục "{folder}" vào máy tính (hoặc mở thẳng từ USB).
   Nếu nhận được tệp .zip: bấm chuột phải vào tệp, chọn giải nén (Extract All), rồi mở thư mục.
2. Bấm đúp vào tệp MO-TRANG-NAY.html. Trang mở bằng trình duyệt có sẵn
   (Chrome, Cốc Cốc, Edge hoặc Firefox). Không cần Internet, không cần cài gì thêm.
3. Đi giữa các trang bằng các liên kết như trên mạng. Ô tìm kiếm (kính lúp) dùng được khi không có mạng.
4. Trình chiếu cho lớp học: bấm nút hình màn chiếu ở đầu trang (hoặc thêm ?trinhchieu=1 vào địa chỉ).
   Phím mũi tên phải / PageDown / dấu cách: bước sau. Mũi tên trái / PageUp: bước trước. Esc: thoát.
5. In tài liệu phát tay: mở hướng dẫn, bấm Ctrl+P, chọn khổ A4. Mã QR trên bản in mở trang trên mạng.
6. Bài học 45 phút cho người hướng dẫn (thứ tự dạy, thực hành, đóng vai, câu hỏi kiểm tra):
   mục "Bài học 45 phút" trên trang, hoặc tệp trang/bai-hoc/index.html. In được như hướng dẫn.

LƯU Ý
- Video trên YouTube cần mạng. Video đã lưu sẵn trong bản này xem được không cần mạng.
- Bản này đứng yên ở ngày tạo. Nội dung mới nhất ở: {site_url}
"""


class BundleError(Exception):
    """A problem with a clear Vietnamese message."""


def build_offline_site(dest: Path, *, root: Path) -> None:
    """Build the site with ``use_directory_urls: false`` into ``dest`` (strict, like `make site`)."""
    code = (
        "import sys; from mkdocs.config import load_config; from mkdocs.commands.build import build; "
        "build(load_config(sys.argv[1], use_directory_urls=False, site_dir=sys.argv[2]))"
    )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", PYTHONUTF8="1")
    proc = subprocess.run([sys.executable, "-c", code, str(root / "mkdocs.yml"), str(dest)],
                          cwd=root, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise BundleError(f"Dựng bản không cần mạng không thành công:\n{tail}\n"
                          "Hãy chạy `make site` để xem lỗi đầy đủ và sửa trước.")


def add_offline_search(site: Path) -> list[Path]:
    from bdhvs.search.offline import write_offline_index

    return write_offline_index(site)


def assemble(site: Path, folder: Path, *, site_url: str, today: dt.date | None = None) -> Path:
    """Put opener, readme and site under ``folder`` (the directory the zip contains)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / SITE_FOLDER
    if target.exists():
        raise BundleError(f"{target} đã có; hãy xoá hoặc chọn thư mục khác.")
    shutil.move(str(site), str(target))
    # The browser editor (/admin/, 6.5 MB) needs GitHub or the local proxy: useless on a USB stick.
    shutil.rmtree(target / "admin", ignore_errors=True)
    (folder / OPENER).write_text(OPENER_HTML, encoding="utf-8")
    text = README_TEXT.format(date=(today or dt.date.today()).strftime("%d/%m/%Y"), folder=folder.name,
                              site_url=site_url)
    # Windows Notepad reads UTF-8 with a BOM reliably; CRLF line ends for the same reason.
    (folder / README).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    return folder


def write_zip(folder: Path, zip_path: Path) -> Path:
    """Zip ``folder`` (as the top-level directory of the archive), atomically."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(folder.rglob("*")):
            arc = Path(folder.name, path.relative_to(folder)).as_posix()
            if path.is_dir() or path.name.startswith("."):
                continue  # .htaccess and other server files mean nothing on a USB stick
            # Media and PDFs are compressed already: store them, save time.
            stored = path.suffix.lower() in {".webp", ".jpg", ".jpeg", ".png", ".mp4", ".webm", ".pdf",
                                             ".woff2", ".gz", ".pf_fragment", ".pf_index", ".pagefind", ".m4a"}
            zf.write(path, arc, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    os.replace(tmp, zip_path)
    return zip_path


def site_url_of(root: Path) -> str:
    from mkdocs.config import load_config

    return load_config(str(root / "mkdocs.yml")).site_url or ""
