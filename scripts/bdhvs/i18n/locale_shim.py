"""Compatibility shim: let mkdocs-static-i18n accept the 3-letter locale ``ede``.

mkdocs-static-i18n 1.3.1 validates locales with ``RE_LOCALE``, which only allows
ISO 639-1 two-letter codes (``vi``, ``en-US``...). Ede has no two-letter code.
Upstream fix, still open: https://github.com/ultrabug/mkdocs-static-i18n/pull/348
("Support ISO 639-2/3 language codes", issue #339).

This is the ONLY place the project patches the i18n plugin. It is imported by
``bdhvs.plugin``, which is listed before ``i18n`` in mkdocs.yml, so the patch is in
place before MkDocs validates the i18n configuration.

``tests/i18n/test_locale_shim.py::test_upstream_still_rejects_three_letter_locales``
fails as soon as the installed plugin accepts 3-letter codes on its own: then
delete this file and its import.
"""
from __future__ import annotations

import re

import mkdocs_static_i18n.config as _config
import mkdocs_static_i18n.folder as _folder
import mkdocs_static_i18n.suffix as _suffix

UPSTREAM_RE_LOCALE = _config.RE_LOCALE
# Upstream's pattern plus a bare 3-letter ISO 639-2/3 code (``ede``, ``rad``).
PATCHED_RE_LOCALE = re.compile(UPSTREAM_RE_LOCALE.pattern + r"|(^[a-z]{3}$)")


def apply() -> None:
    for module in (_config, _folder, _suffix):
        module.RE_LOCALE = PATCHED_RE_LOCALE


apply()
