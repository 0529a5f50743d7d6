"""The ONE table of finding codes used by `bdhvs check`.

Every check module builds its findings with :func:`finding`, so a code cannot be used
without an entry here, and CONTRIBUTING.md is tested against this table (each code must
be explained there). Titles and explanations are Vietnamese: editors read them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bdhvs.findings import ERROR, WARNING, Finding


@dataclass(frozen=True)
class Code:
    code: str
    family: str
    title: str  # short Vietnamese name of the problem
    fix: str  # default Vietnamese hint: how to fix it
    severity: str = ERROR
    autofix: bool = False  # `bdhvs check --fix` repairs it


FAMILIES = {
    "FILE": "Tệp không đọc được",
    "FM": "Phần đầu trang (front matter)",
    "LINK": "Liên kết trong trang",
    "EXT": "Liên kết ra ngoài (kiểm tra hằng tuần)",
    "URL": "An toàn liên kết",
    "SPELL": "Chính tả",
    "TEXT": "Vệ sinh văn bản",
    "HTML": "An toàn Markdown/HTML",
    "PRIV": "Riêng tư",
    "MD": "Kiểu viết Markdown",
    "DATA": "Tệp dữ liệu trong data/",
    "GUIDE": "Trang cho bà con: khung an toàn, tự kiểm tra, câu dài",
    "RECHECK": "Ngày cần xem lại",
    "MARK": "Thẻ <!-- bdhvs:… --> trong trang",
    "IMG": "Ảnh của bài hướng dẫn (docs/huong-dan/<tên-bài>/)",
    "VID": "Video (data/videos.yml và tệp video)",
    "AUD": "Âm thanh đọc bài",
    "PUB": "Tệp được đăng lên trang web",
    "STAFF": "Ghi chú cho cán bộ",
}

_ALL = [
    # --- hostile or unreadable input -------------------------------------------------
    Code("FILE-EMPTY", "FILE", "Tệp trống", "Viết nội dung vào tệp hoặc xoá tệp đi."),
    Code("FILE-TOO-BIG", "FILE", "Tệp quá lớn để là một trang",
         "Chia trang thành nhiều trang nhỏ; ảnh và video để trong thư mục docs/huong-dan/<tên-bài>/."),
    Code("FILE-LONG-LINE", "FILE", "Có dòng dài bất thường (hơn 5.000 ký tự)",
         "Tách dòng đó ra nhiều dòng; nếu là dữ liệu dán nhầm thì xoá đi."),
    Code("FILE-BINARY", "FILE", "Tệp chứa dữ liệu nhị phân, không phải văn bản",
         "Có thể bạn lưu nhầm tệp Word/ảnh với đuôi .md. Mở lại bằng trình soạn thảo văn bản và lưu dạng văn bản thuần (UTF-8)."),
    Code("FILE-NOT-UTF8", "FILE", "Tệp không lưu bằng bảng mã UTF-8 (Windows-1258, Windows-1252, UTF-16…)",
         "Khi máy đoán chắc bảng mã (thông báo nói “tệp lưu bằng bảng mã …”), chạy `bdhvs check --fix` để đổi sang UTF-8; "
         "nếu không, mở tệp trong VS Code, chọn “Reopen with Encoding” đúng bảng mã rồi “Save with Encoding” → UTF-8.",
         autofix=True),
    Code("FILE-BOM", "FILE", "Tệp bắt đầu bằng ký tự BOM vô hình",
         "Chạy `bdhvs check --fix`, hoặc lưu lại tệp với bảng mã “UTF-8” (không chọn “UTF-8 with BOM”).", autofix=True),
    Code("FILE-UNREADABLE", "FILE", "Không mở được tệp",
         "Kiểm tra tệp có tồn tại và bạn có quyền đọc; đường dẫn phải là tệp, không phải thư mục."),
    Code("FILE-NAME", "FILE", "Tên tệp có dấu, chữ hoa hoặc khoảng trắng",
         "Đổi tên theo gợi ý trong thông báo (chữ thường không dấu, nối bằng gạch ngang, ví dụ dang-ky-tai-khoan.md) "
         "bằng `git mv`, rồi sửa các liên kết tới tệp đó (thông báo liệt kê chúng)."),
    # --- front matter ------------------------------------------------------------------
    Code("FM-MISSING", "FM", "Trang thiếu phần đầu (front matter)",
         "Thêm khối --- … --- ở đầu tệp; dùng `bdhvs new <tên-bài>` để có mẫu đúng."),
    Code("FM-UNCLOSED", "FM", "Phần đầu trang chưa được đóng",
         "Thêm một dòng chỉ có --- sau trường cuối cùng của phần đầu trang."),
    Code("FM-YAML", "FM", "Phần đầu trang viết sai cú pháp YAML",
         "Kiểm tra dấu hai chấm, thụt lề bằng dấu cách (không dùng Tab) và dấu ngoặc kép quanh chữ có dấu hai chấm."),
    Code("FM-NOT-MAPPING", "FM", "Phần đầu trang phải là danh sách “tên: giá trị”",
         "Mỗi dòng viết dạng `title: Tên trang`."),
    Code("FM-DUPLICATE-KEY", "FM", "Một trường được viết hai lần", "Xoá một trong hai dòng trùng."),
    Code("FM-UNKNOWN-KEY", "FM", "Trường không có trong mẫu", "Sửa tên trường cho đúng hoặc xoá dòng đó."),
    Code("FM-REQUIRED", "FM", "Thiếu trường bắt buộc", "Thêm trường còn thiếu (xem mẫu trong CONTRIBUTING.md)."),
    Code("FM-TYPE", "FM", "Giá trị sai kiểu", "Viết giá trị đúng kiểu: chữ, số hoặc danh sách."),
    Code("FM-DATE", "FM", "Ngày viết sai hoặc không có thật",
         "Viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-25."),
    Code("FM-DATE-RANGE", "FM", "Ngày trước năm 2020 hoặc ở tương lai",
         "Ghi ngày bạn thật sự xem nguồn hoặc kiểm tra bài (không trước 2020, không sau hôm nay), "
         "dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-25. Trên trình biên tập gõ 25/11/2026."),
    Code("FM-SELF-REVIEW", "FM", "Người dịch tự duyệt bản dịch của mình",
         "Một người KHÁC nói tiếng Êđê đọc lại bản dịch rồi người quản trị chạy "
         "`bdhvs translate <trang> --review \"<vai trò người duyệt>\"`; trước đó để status: draft."),
    Code("FM-STYLE", "FM", "Phần đầu trang chưa viết theo kiểu chung của kho",
         "Chạy `bdhvs check --fix`: công cụ viết lại phần đầu trang theo kiểu chung (thứ tự trường, danh sách "
         "gạch đầu dòng, dấu ngoặc kép chỉ khi cần), giống hệt trình biên tập trên trình duyệt; giá trị và nội dung "
         "bài giữ nguyên.", autofix=True),
    Code("FM-VALUE", "FM", "Giá trị không nằm trong danh sách cho phép", "Chọn một giá trị trong danh sách được gợi ý."),
    Code("FM-FORMAT", "FM", "Giá trị viết sai dạng", "Viết lại theo dạng được gợi ý."),
    Code("FM-LENGTH", "FM", "Giá trị quá ngắn, quá dài hoặc ngoài khoảng cho phép", "Sửa giá trị theo giới hạn được nêu."),
    Code("FM-HTML", "FM", "Phần đầu trang có mã HTML (thẻ <…> hoặc ký hiệu &…;)",
         "Viết chữ thường: tiêu đề, mô tả, tên nguồn chỉ là chữ, trang tự hiển thị đúng. "
         "Chữ đậm, liên kết… viết trong nội dung trang."),
    # --- internal links (built site) ---------------------------------------------------
    Code("LINK-BROKEN", "LINK", "Liên kết trỏ tới trang hoặc tệp không có",
         "Sửa đường dẫn (so với vị trí tệp hiện tại) hoặc tạo trang còn thiếu."),
    Code("LINK-ANCHOR", "LINK", "Liên kết trỏ tới một mục (#…) không có trong trang đích",
         "Sửa phần sau dấu # theo tên mục có thật, hoặc đặt tên cố định cho mục bằng {#ten-muc}."),
    Code("LINK-MKDOCS", "LINK", "MkDocs báo lỗi liên kết hoặc mục lục khi dựng trang",
         "Đọc thông báo, sửa đường dẫn tới tệp .md cho đúng."),
    Code("LINK-BUILD", "LINK", "Không dựng được trang web", "Chạy `make site` để xem lỗi chi tiết."),
    Code("LINK-IMAGE", "LINK", "Ảnh (hoặc tệp âm thanh, video) được chèn trong trang không có",
         "Sửa tên hoặc đường dẫn ảnh: ảnh của bài nằm trong docs/huong-dan/<tên-bài>/, từ trang trong docs/vi/huong-dan/ "
         "viết ../../huong-dan/<tên-bài>/buoc-2.png; chưa có ảnh chụp thì viết tệp buoc-2.yml vẽ hình minh hoạ."),
    Code("LINK-BACKSLASH", "LINK", "Đường dẫn viết bằng dấu \\ kiểu Windows",
         "Chạy `bdhvs check --fix` (đổi \\ thành /), hoặc tự viết lại đường dẫn bằng dấu /.", autofix=True),
    # --- external links (weekly job) ---------------------------------------------------
    Code("EXT-DEAD", "EXT", "Liên kết ngoài không còn (404/410, tên miền không có)",
         "Tìm địa chỉ mới trên trang chính thức hoặc bỏ liên kết."),
    Code("EXT-ERROR", "EXT", "Máy chủ trang ngoài báo lỗi (5xx) sau nhiều lần thử",
         "Thử mở lại sau; nếu vẫn lỗi nhiều tuần, tìm nguồn khác."),
    Code("EXT-TIMEOUT", "EXT", "Trang ngoài không trả lời kịp hoặc ngắt kết nối",
         "Thử mở lại bằng trình duyệt; trang nhà nước đôi khi chặn máy ở nước ngoài.", WARNING),
    Code("EXT-REDIRECT", "EXT", "Liên kết ngoài đã chuyển hẳn sang địa chỉ khác",
         "Thay bằng địa chỉ mới (sau khi chắc đó vẫn là trang chính thức).", WARNING),
    Code("EXT-BLOCKED", "EXT", "Trang ngoài từ chối máy kiểm tra (403/429)",
         "Mở thử bằng trình duyệt; nếu mở được thì không cần sửa.", WARNING),
    # --- link safety -------------------------------------------------------------------
    Code("URL-HTTP", "URL", "Liên kết dùng http:// không mã hoá",
         "Đổi thành https:// (nếu trang không có https thì không đặt liên kết)."),
    Code("URL-DOMAIN", "URL", "Tên miền chưa có trong danh sách trang chính thức",
         "Chỉ dẫn tới trang chính thức. Nếu trang này đúng là của cơ quan nhà nước, thêm vào data/domains.yml kèm nguồn chứng minh."),
    Code("URL-UNVERIFIED", "URL", "Tên miền có trong danh sách nhưng chưa được xác minh",
         "Kiểm tra trang còn hoạt động và thuộc cơ quan nêu trong data/domains.yml, rồi đổi status thành verified."),
    Code("URL-SHORTENER", "URL", "Liên kết rút gọn (bit.ly…) che giấu trang đích",
         "Dùng địa chỉ đầy đủ của trang chính thức."),
    Code("URL-TEXT-MISMATCH", "URL", "Chữ hiển thị trông như địa chỉ web nhưng liên kết trỏ nơi khác",
         "Sửa chữ hiển thị cho khớp đúng địa chỉ thật, hoặc viết chữ mô tả (không phải địa chỉ)."),
    # --- spelling ----------------------------------------------------------------------
    Code("SPELL-VI", "SPELL", "Tiếng không có trong từ điển tiếng Việt",
         "Sửa chính tả. Nếu đúng (tên riêng, từ nước ngoài), thêm vào data/words-vi.txt."),
    Code("SPELL-ABBR", "SPELL", "Chữ viết tắt hoặc tên riêng chưa có trong danh sách từ",
         "Nếu đúng, thêm vào data/words-vi.txt (mỗi dòng một từ)."),
    Code("SPELL-CONFUSABLE", "SPELL", "Từ hay bị viết nhầm", "Sửa theo gợi ý (xem lý do trong data/confusables-vi.yml)."),
    Code("SPELL-EDE", "SPELL", "Từ Êđê chưa có trong danh sách từ Êđê đã duyệt",
         "Nhờ người duyệt tiếng Êđê kiểm tra rồi thêm vào data/words-ede.txt."),
    Code("SPELL-WORD", "SPELL", "Hai tiếng đúng nhưng ghép lại không thành từ (có thể gõ sai một dấu)",
         "Sửa theo gợi ý (ví dụ “chuyên đổi số” → “chuyển đổi số”). Nếu cụm từ đúng, thêm nguyên cụm vào data/words-vi.txt.",
         WARNING),  # a guess from word statistics (~1 false alarm per 1,000 new words): it must not block a pull request
    # --- text hygiene ------------------------------------------------------------------
    Code("TEXT-NFC", "TEXT", "Chữ có dấu bị tách rời (chưa chuẩn hoá Unicode NFC)",
         "Chạy `bdhvs check --fix`; khi gõ, chọn bảng mã “Unicode dựng sẵn” trong Unikey/EVKey.", autofix=True),
    Code("TEXT-LEGACY-TCVN3", "TEXT", "Chữ bị lỗi font TCVN3 (ABC, .VnTime)",
         "Chạy `bdhvs check --fix` để đổi sang Unicode rồi đọc lại đoạn đó.", autofix=True),
    Code("TEXT-LEGACY-VNI", "TEXT", "Chữ bị lỗi font VNI", "Chạy `bdhvs check --fix` để đổi sang Unicode rồi đọc lại đoạn đó.",
         autofix=True),
    Code("TEXT-LEGACY-VISCII", "TEXT", "Chữ bị lỗi bảng mã VISCII", "Chạy `bdhvs check --fix` để đổi sang Unicode rồi đọc lại đoạn đó.",
         autofix=True),
    Code("TEXT-MOJIBAKE", "TEXT", "Chữ UTF-8 bị đọc sai bảng mã (Viá»‡t…)",
         "Chạy `bdhvs check --fix` hoặc dán lại chữ từ bản gốc.", autofix=True),
    Code("TEXT-EDE-LEGACY", "TEXT", "Chữ Êđê gõ bằng font cũ (ký hiệu thay chữ: \\ [ ] { } ^ `)",
         "Gõ lại bằng chữ Unicode: ŭ ă ŏ ơ̆ ư̆ ƀ Ƀ č ñ ĭ."),
    Code("TEXT-EDE-CARON", "TEXT", "Dấu móc ngược (ˇ) thay cho dấu trăng (˘) trong chữ Êđê",
         "Gõ lại bằng chữ có dấu trăng: ĕ ĭ ŏ ŭ ă (riêng č là đúng)."),
    Code("TEXT-INVISIBLE", "TEXT", "Ký tự vô hình (gạch nối mềm, ký tự độ rộng 0…)",
         "Xoá ký tự đó (thường do dán từ Word hoặc trang web)."),
    Code("TEXT-CONTROL", "TEXT", "Ký tự điều khiển hoặc ký tự lỗi (�) trong văn bản",
         "Xoá ký tự lỗi và gõ lại chữ đúng."),
    Code("TEXT-TONE-STYLE", "TEXT", "Đặt dấu thanh kiểu cũ (hòa, thủy) thay vì kiểu mới (hoà, thuỷ)",
         "Chạy `bdhvs check --fix`. Tên văn bản luật trích nguyên văn: thêm vào data/tone-exceptions.txt.", autofix=True),
    Code("TEXT-NAME", "TEXT", "Tên riêng viết không thống nhất", "Viết đúng như gợi ý (Đắk Lắk, Krông Á, VNeID, Buôn Ma Thuột)."),
    # --- Markdown / HTML safety --------------------------------------------------------
    Code("HTML-SCRIPT", "HTML", "Có mã chạy (<script>) trong nội dung", "Xoá thẻ <script>; trang không được chạy mã lạ."),
    Code("HTML-EVENT-ATTR", "HTML", "Thẻ HTML có thuộc tính chạy mã (onclick…)", "Xoá thuộc tính on…."),
    Code("HTML-URL-SCHEME", "HTML", "Địa chỉ dạng javascript: hoặc data:", "Chỉ dùng địa chỉ https:// hoặc đường dẫn tới tệp trong docs/."),
    Code("HTML-EMBED", "HTML", "Nhúng trang khác (<iframe>, <object>, <embed>)",
         "Video: dùng cú pháp ![type:video](…); trang khác: đặt liên kết thường."),
    Code("HTML-FORM", "HTML", "Có biểu mẫu (<form>, <input>, <button>…) trong nội dung",
         "Trang hướng dẫn không thu thập dữ liệu: xoá biểu mẫu."),
    Code("HTML-TAG", "HTML", "Thẻ HTML không nằm trong danh sách cho phép",
         "Dùng cú pháp Markdown thay cho thẻ HTML (xem CONTRIBUTING.md)."),
    Code("HTML-ATTR", "HTML", "Thuộc tính HTML không được phép (style…)",
         "Xoá thuộc tính; dùng lớp có sẵn (class) nếu cần định dạng."),
    Code("HTML-SNIPPET", "HTML", "Dòng --8<-- chèn nội dung tệp khác vào trang",
         "Viết nội dung ngay trong trang (hoặc đặt liên kết tới trang kia). Muốn hiện đúng chữ --8<-- thì viết ;--8<--."),
    Code("HTML-VIDEO", "HTML", "Video/âm thanh không dùng cú pháp video của trang",
         "Viết ![type:video](đường-dẫn-video) để video chỉ tải khi người xem bấm."),
    # --- privacy -----------------------------------------------------------------------
    Code("PRIV-ID-NUMBER", "PRIV", "Có dãy 12 chữ số giống số định danh cá nhân/CCCD",
         "Xoá số thật; ví dụ thì viết 0xx xxx xxx xxx."),
    Code("PRIV-PHONE", "PRIV", "Có số điện thoại không nằm trong danh sách đường dây nóng chính thức",
         "Xoá số, hoặc thêm số chính thức vào data/hotlines.yml kèm nguồn."),
    Code("PRIV-EMAIL", "PRIV", "Có địa chỉ thư điện tử không nằm trong danh sách chính thức",
         "Xoá địa chỉ, hoặc thêm địa chỉ chính thức vào data/hotlines.yml kèm nguồn."),
    Code("PRIV-EXIF", "PRIV", "Ảnh còn thông tin EXIF (máy chụp, ngày giờ…)",
         "Xoá siêu dữ liệu: chạy `bdhvs images --redact` (ảnh chụp PNG/WebP trong docs/huong-dan/ và mọi ảnh có vùng che), "
         "hoặc lưu lại ảnh bằng công cụ xoá EXIF."),
    Code("PRIV-GPS", "PRIV", "Ảnh còn toạ độ GPS nơi chụp",
         "Xoá siêu dữ liệu ngay: toạ độ GPS lộ chỗ ở của người chụp."),
    Code("PRIV-IMAGE-BAD", "PRIV", "Không mở được tệp ảnh", "Lưu lại ảnh dạng PNG, JPEG hoặc WebP."),
    Code("PRIV-UNREDACTED", "PRIV", "Vùng che thông tin cá nhân trong ảnh chụp gốc vẫn còn điểm ảnh thật",
         "Chạy `bdhvs images --redact` (tô kín các vùng che ngay trong tệp ảnh gốc) rồi commit lại ảnh. "
         "Ảnh gốc nằm trong kho công khai: chỉ che trên ảnh đăng lên web là chưa đủ."),
    # --- Markdown style (pymarkdownlnt rules, see .pymarkdown.json) --------------------
    Code("MD001", "MD", "Cấp tiêu đề nhảy cóc (## rồi ####)", "Tăng cấp tiêu đề từng bậc một."),
    Code("MD003", "MD", "Kiểu tiêu đề không thống nhất", "Dùng tiêu đề dạng # ở đầu dòng."),
    Code("MD004", "MD", "Dấu đầu dòng danh sách không thống nhất", "Dùng cùng một dấu (-) cho mọi danh sách."),
    Code("MD005", "MD", "Các mục cùng danh sách thụt lề khác nhau", "Thụt lề các mục cùng cấp bằng nhau."),
    Code("MD009", "MD", "Dấu cách thừa ở cuối dòng", "Xoá dấu cách ở cuối dòng."),
    Code("MD010", "MD", "Có ký tự Tab (trình soạn thảo và trang web thụt lề Tab khác nhau: danh sách con dễ lệch)",
         "Chạy `bdhvs check --fix` (thay mỗi Tab bằng dấu cách như trình dựng trang vẫn hiểu), "
         "hoặc thụt lề bằng 4 dấu cách.", autofix=True),
    Code("MD011", "MD", "Liên kết viết ngược (text)[url]", "Viết [chữ](địa-chỉ)."),
    Code("MD012", "MD", "Nhiều dòng trống liền nhau", "Chỉ để một dòng trống."),
    Code("MD018", "MD", "Thiếu dấu cách sau # của tiêu đề", "Viết “# Tiêu đề”."),
    Code("MD019", "MD", "Thừa dấu cách sau # của tiêu đề", "Chỉ để một dấu cách."),
    Code("MD022", "MD", "Tiêu đề phải có dòng trống trước và sau", "Thêm dòng trống quanh tiêu đề."),
    Code("MD023", "MD", "Tiêu đề phải bắt đầu ở đầu dòng", "Xoá dấu cách trước #."),
    Code("MD025", "MD", "Trang có nhiều hơn một tiêu đề cấp 1 (#)", "Chỉ giữ một tiêu đề #; các mục khác dùng ##."),
    Code("MD026", "MD", "Tiêu đề kết thúc bằng dấu câu", "Bỏ dấu chấm/hai chấm ở cuối tiêu đề."),
    Code("MD027", "MD", "Thừa dấu cách sau dấu > của trích dẫn", "Chỉ để một dấu cách."),
    Code("MD029", "MD", "Đánh số danh sách không đúng thứ tự", "Đánh số 1. 2. 3. liên tục."),
    Code("MD030", "MD", "Khoảng cách sau dấu đầu dòng không đúng", "Để đúng một dấu cách sau - hoặc 1."),
    Code("MD031", "MD", "Khối mã phải có dòng trống trước và sau", "Thêm dòng trống quanh khối ```."),
    Code("MD032", "MD", "Danh sách phải có dòng trống trước và sau", "Thêm dòng trống quanh danh sách."),
    Code("MD034", "MD", "Địa chỉ web trần (không trong cú pháp liên kết)", "Viết [chữ mô tả](https://…)."),
    Code("MD035", "MD", "Kiểu đường kẻ ngang không thống nhất", "Dùng ---."),
    Code("MD036", "MD", "Dùng chữ đậm thay cho tiêu đề", "Dùng ## Tiêu đề."),
    Code("MD037", "MD", "Dấu cách thừa trong ký hiệu nhấn mạnh (** chữ **)", "Viết **chữ** sát dấu."),
    Code("MD038", "MD", "Dấu cách thừa trong mã `…`", "Viết `mã` sát dấu."),
    Code("MD039", "MD", "Dấu cách thừa trong chữ liên kết [ chữ ]", "Viết [chữ] sát dấu ngoặc."),
    Code("MD040", "MD", "Khối mã thiếu tên ngôn ngữ", "Viết ```text (hoặc ngôn ngữ phù hợp) ở đầu khối mã."),
    Code("MD042", "MD", "Liên kết rỗng", "Điền địa chỉ cho liên kết."),
    Code("MD045", "MD", "Ảnh thiếu chữ mô tả (alt)", "Viết mô tả trong ![mô tả ảnh](…) cho người khiếm thị."),
    Code("MD047", "MD", "Tệp phải kết thúc bằng một dòng trống", "Thêm Enter ở cuối tệp."),
    Code("MD049", "MD", "Kiểu in nghiêng không thống nhất", "Dùng *chữ nghiêng*."),
    Code("MD050", "MD", "Kiểu chữ đậm không thống nhất", "Dùng **chữ đậm**."),
    Code("MD-OTHER", "MD", "Lỗi kiểu viết Markdown khác", "Đọc thông báo và sửa theo gợi ý."),
    # --- project data files ------------------------------------------------------------
    Code("DATA-YAML", "DATA", "Tệp dữ liệu YAML viết sai cú pháp", "Sửa cú pháp YAML ở dòng được báo."),
    Code("DATA-ENTRY", "DATA", "Mục trong tệp dữ liệu thiếu thông tin hoặc sai dạng",
         "Mỗi mục phải có đủ các trường (kể cả nguồn); xem data/README.md."),
    # --- guide kit (content/safety.py, selfcheck.py, freshness.py; checks/guidekit.py) ---
    Code("GUIDE-SAFETY", "GUIDE", "Khung an toàn dùng chung: chủ đề trong `risks:` và thẻ `<!-- bdhvs:safety … -->` không khớp",
         "Mỗi chủ đề trong `risks: […]` cần đúng một dòng `<!-- bdhvs:safety <chủ-đề> -->` đứng riêng trong bài, "
         "và mỗi thẻ cần chủ đề của nó trong risks. Chủ đề: mat-tien, mat-dien-thoai, chia-se-man-hinh, ma-otp."),
    Code("GUIDE-SAFETY-DATA", "GUIDE", "Tệp khung an toàn trong data/safety/ thiếu hoặc viết sai",
         "Mỗi chủ đề có tệp `data/safety/<chủ-đề>.md`: phần đầu có title và sources (nguồn có ngày), sau đó vài câu ngắn."),
    Code("GUIDE-SELFCHECK", "GUIDE", "Câu hỏi tự kiểm tra không có đúng một câu trả lời đúng",
         "Dưới câu trả lời đúng viết correct: true; các câu khác không có dòng đó."),
    Code("GUIDE-NO-SELFCHECK", "GUIDE", "Bài hướng dẫn chưa có phần tự kiểm tra (self_check)",
         "Thêm self_check: 3 câu hỏi, mỗi câu 2–4 câu trả lời, đúng một câu correct: true, trả lời được từ chính bài "
         "(mẫu trong CONTRIBUTING.md).", WARNING),
    Code("GUIDE-LESSON", "GUIDE", "Bài học 45 phút dẫn tới bài hướng dẫn không có, hoặc thiếu phần bắt buộc",
         "Trong guides: và check: ghi đúng tên tệp bài hướng dẫn (không có .md); mỗi câu hỏi kiểm tra dẫn một bài có trong "
         "guides; tổng số phút không quá 40."),
    Code("GUIDE-LONG-SENTENCE", "GUIDE", "Câu dài hơn 25 tiếng: người đọc khó theo",
         "Tách thành hai câu ngắn, mỗi câu một ý; bỏ chữ thừa.", WARNING),
    Code("RECHECK-SOON", "RECHECK", "Sắp đến ngày phải xem lại (còn dưới một tháng)",
         "Đọc lại thông tin với nguồn chính thức; nếu vẫn đúng, ghi ngày xem lại mới; nếu đã đổi, sửa bài và nguồn.",
         WARNING),
    Code("RECHECK-DUE", "RECHECK", "Đã quá ngày phải xem lại",
         "Đọc lại thông tin với nguồn chính thức ngay: sửa bài (hoặc xoá điều đã hết hạn), cập nhật nguồn, rồi ghi "
         "ngày xem lại mới (`recheck:` hoặc `<!-- bdhvs:recheck NĂM-THÁNG-NGÀY -->`)."),
    Code("RECHECK-DATE", "RECHECK", "Ngày xem lại viết sai hoặc không có thật",
         "Viết `<!-- bdhvs:recheck NĂM-THÁNG-NGÀY -->`, ví dụ `<!-- bdhvs:recheck 2027-03-31 -->`."),
    Code("DATA-DUPLICATE-KEY", "DATA", "Một khoá viết hai lần trong cùng một mục",
         "Xoá một trong hai dòng, giữ lại giá trị đúng (YAML chỉ giữ lần viết sau)."),
    # --- page markers (content/markers.py) -------------------------------------------
    Code("MARK-UNKNOWN", "MARK", "Thẻ <!-- bdhvs:… --> không có", "Dùng một trong các thẻ liệt kê trong thông báo."),
    Code("MARK-PLACE", "MARK", "Thẻ <!-- bdhvs:… --> đặt ở trang không dùng được nó", "Xoá thẻ khỏi trang này."),
    # --- guide media (docs/huong-dan/<slug>/, data/videos.yml; docs-dev/media.md) --------
    Code("IMG001", "IMG", "Tệp .yml của ảnh không đọc được (lỗi cú pháp YAML, không phải UTF-8)",
         "Kiểm tra thụt lề (dấu cách, không dùng Tab), dấu hai chấm và dấu ngoặc kép; xem docs-dev/media.md."),
    Code("IMG002", "IMG", "Khoá hoặc giá trị trong tệp .yml của ảnh không đúng mẫu", "Xem mẫu trong docs-dev/media.md."),
    Code("IMG003", "IMG", "Toạ độ ra ngoài ảnh (ảnh không được đăng)", "Sửa toạ độ cho nằm trong kích thước ảnh."),
    Code("IMG004", "IMG", "Ảnh vẫn quá 60 kB sau khi nén", "Cắt bớt phần không cần (`crop`) trong tệp .yml của ảnh."),
    Code("IMG005", "IMG", "Có tệp .yml nhưng không có ảnh và không có `sketch:`", "Thêm ảnh cùng tên, hoặc xoá tệp .yml."),
    Code("IMG006", "IMG", "Không đọc được tệp ảnh", "Lưu lại ảnh dạng PNG hoặc JPEG từ điện thoại hay máy tính rồi chép lại."),
    Code("IMG007", "IMG", "Tên tệp ảnh sai quy tắc, hoặc hai tệp trùng tên", "Đặt tên theo docs-dev/media.md (chữ thường không dấu, gạch ngang)."),
    Code("IMG008", "IMG", "Thiếu phông Noto Sans để vẽ chú thích", "Cài gói Debian `fonts-noto-core`."),
    Code("IMG009", "IMG", "Ảnh không có mô tả (alt)", "Viết mô tả ảnh trong ![mô tả](tệp.png): người khiếm thị nghe mô tả này."),
    Code("IMG010", "IMG", "Số bước vẽ trên ảnh khác với bước chứa ảnh", "Sửa số bước trong tệp .yml cho khớp với bước trong bài."),
    Code("IMG011", "IMG", "Ảnh quá nhiều điểm ảnh (rộng × cao) để xử lý",
         "Chụp lại màn hình, hoặc thu nhỏ ảnh (một ảnh chụp màn hình điện thoại khoảng 1080 × 2400)."),
    Code("IMG012", "IMG", "Tệp ảnh quá nặng", "Lưu lại ảnh dạng PNG hoặc JPEG thường, không phải ảnh gốc chưa nén."),
    Code("VID001", "VID", "data/videos.yml sai mẫu", "Xem mẫu ở đầu tệp data/videos.yml và docs-dev/media.md."),
    Code("VID002", "VID", "Video chưa có trong data/videos.yml, hoặc không phải YouTube/tệp video",
         "Thêm mục vào data/videos.yml với kênh chính thức, nguồn xác nhận và ngày kiểm tra."),
    Code("VID003", "VID", "Tệp video quá 8 MB", "Nén lại video (xem docs-dev/media.md) hoặc dùng video YouTube chính thức."),
    Code("VID004", "VID", "Video thiếu phụ đề tiếng Việt .vi.vtt, hoặc phụ đề không phải WebVTT", "Thêm tệp phụ đề <tên>.vi.vtt cạnh video."),
    Code("VID005", "VID", "Thiếu ảnh bìa video", "Thêm ảnh bìa (một khung hình của video) vào thư mục của bài hướng dẫn."),
    Code("VID006", "VID", "`file:` trong data/videos.yml trỏ tới tệp không có", "Sửa đường dẫn 'file:' hoặc thêm tệp video."),
    Code("AUD001", "AUD", "Tên tệp âm thanh sai quy tắc <tên>.vi.opus hoặc <tên>.ede.opus", "Đổi tên tệp theo quy tắc."),
    Code("AUD002", "AUD", "Tệp âm thanh quá 400 kB", "Ghi âm ngắn hơn hoặc nén lại (Opus, một kênh)."),
    Code("AUD003", "AUD", "Tệp âm thanh không phải Opus hay AAC", "Đổi sang Opus (xem docs-dev/media.md)."),
    Code("AUD004", "AUD", "Tệp âm thanh không phải một kênh (mono)", "Xuất lại âm thanh một kênh (mono)."),
    Code("AUD005", "AUD", "Thiếu lời đọc .txt của tệp âm thanh", "Thêm tệp <tên>.txt ghi lời đọc, cạnh tệp âm thanh."),
    Code("AUD006", "AUD", "`type:audio` không trỏ tới tệp âm thanh trong docs/huong-dan/", "Sửa đường dẫn tới tệp âm thanh."),
    # --- what may be published (publish/allowlist.py) ----------------------------------
    Code("PUB-SYMLINK", "PUB", "Liên kết tượng trưng (symlink) trong docs/: không được đăng",
         "Xoá liên kết; nếu cần tệp đó thì chép tệp thật (đã kiểm tra) vào đúng thư mục."),
    Code("PUB-FILE", "PUB", "Loại tệp không được đăng lên trang (HTML, SVG, JavaScript, tệp cài .apk/.exe, tệp nén…)",
         "Xoá tệp khỏi docs/. Chỉ trang .md và ảnh, âm thanh, video, phụ đề của bài trong docs/huong-dan/<tên-bài>/ "
         "được đăng; muốn dẫn tới ứng dụng hay biểu mẫu thì đặt liên kết tới trang chính thức."),
    Code("PUB-IMAGE", "PUB", "Ảnh để ngoài thư mục ảnh của bài (hoặc dạng ảnh không xử lý được): không được đăng",
         "Chuyển ảnh (PNG/JPEG) vào docs/huong-dan/<tên-bài>/: ở đó ảnh được che, xoá siêu dữ liệu và nén trước khi đăng."),
    # --- staff notes (content/staff.py) -------------------------------------------------
    Code("STAFF-NOTE", "STAFF", "Ghi chú cho cán bộ viết sai dạng (đã bỏ khỏi trang cho bà con)",
         'Viết !!! staff "Tiêu đề" trên một dòng riêng, nội dung ở các dòng sau thụt vào 4 dấu cách.'),
]

WARNING_MARK = "(cảnh báo, không chặn)"
# Anything that would break "one finding per line" in a message (quoted editor text).
_ONE_LINE = re.compile("[\r\n\u2028\u2029\x85\x0b\x0c]")

CODES: dict[str, Code] = {c.code: c for c in _ALL}
assert len(CODES) == len(_ALL), "duplicate finding code"


def finding(file: str, line: int, col: int, code: str, message: str | None = None,
            hint: str | None = None, severity: str | None = None) -> Finding:
    """Build a Finding for a registered code (KeyError for an unknown one: tests catch it)."""
    entry = CODES[code]
    message = _ONE_LINE.sub("⏎", message or entry.title)
    severity = severity or entry.severity
    if severity == WARNING:
        message += " " + WARNING_MARK
    # A file name that is not valid UTF-8 (copied from an old Windows disk) must still print.
    hint = entry.fix if hint is None else hint
    file, message, hint = (str(t).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                           for t in (file, message, hint))
    return Finding(
        file=file,
        line=max(1, int(line)),
        col=max(1, int(col)),
        code=code,
        message=message,
        hint=hint,
        severity=severity,
    )


def markdown_table() -> str:
    """The code table as Markdown, for CONTRIBUTING.md (`bdhvs check --list-codes`)."""
    lines = []
    for family, label in FAMILIES.items():
        lines += [f"#### {family} — {label}", "", "| Mã | Vấn đề | Cách sửa |", "|---|---|---|"]
        for c in _ALL:
            if c.family == family:
                extra = " (tự sửa được bằng `--fix`)" if c.autofix else ""
                level = " *Cảnh báo, không chặn.*" if c.severity == WARNING else ""
                lines.append(f"| `{c.code}` | {c.title}{extra} | {c.fix}{level} |")
        lines.append("")
    return "\n".join(lines)
