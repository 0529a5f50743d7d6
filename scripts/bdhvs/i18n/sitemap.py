"""BCP 47 hreflang values in the multilingual sitemap.

mkdocs-static-i18n writes ``hreflang="<locale>"`` in sitemap.xml; our Ede locale is
``ede`` (folder and URL) but its language tag is ``rad``. Rewritten after the build,
in sitemap.xml and MkDocs' sitemap.xml.gz.
"""
from __future__ import annotations

import gzip
from pathlib import Path

from bdhvs import settings


def fix_hreflang(site_dir: Path) -> None:
    xml_path = Path(site_dir) / "sitemap.xml"
    if not xml_path.exists():
        return
    text = xml_path.read_text(encoding="utf-8")
    for locale in settings.LANGUAGES:
        tag = settings.bcp47(locale)
        if tag != locale:
            text = text.replace(f'hreflang="{locale}"', f'hreflang="{tag}"')
    xml_path.write_text(text, encoding="utf-8")
    gz_path = xml_path.with_suffix(".xml.gz")
    if gz_path.exists():
        with gzip.GzipFile(gz_path, "wb", mtime=0) as handle:
            handle.write(text.encode("utf-8"))
