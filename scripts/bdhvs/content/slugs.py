"""Vietnamese-safe heading anchors.

Python-Markdown's default slugify drops Đ/đ (no Unicode decomposition), so
"Đăng ký tài khoản" became ``#ang-ky-tai-khoan``. We map đ→d first, then strip the
tone marks, so anchors read ``#dang-ky-tai-khoan``.
"""
from __future__ import annotations

import re
import unicodedata

_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "D", "ƀ": "b", "Ƀ": "B"})


def fold(text: str) -> str:
    """Remove Vietnamese/Ede diacritics: 'Đăng ký' -> 'Dang ky', 'ƀuôn' -> 'buon'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(value: str, separator: str = "-") -> str:
    """Signature of Python-Markdown's ``toc.slugify``; used in mkdocs.yml."""
    ascii_text = fold(value).lower()
    ascii_text = re.sub(r"[^a-z0-9\s-]", "", ascii_text)
    return re.sub(r"[\s-]+", separator, ascii_text).strip(separator)
