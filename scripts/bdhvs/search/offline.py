"""Search in the offline copy opened from ``file://`` (USB stick, laptop, no server).

The site's search index (``search-index/``, written by every build) is made of plain
script files loaded with ``<script src>``, and the search UI turns page files into links
itself (``huong-dan/x/index.html`` from ``file://``, ``huong-dan/x/`` online), so the
same index works offline. Nothing else is needed; this function (re)writes it for a
copied or post-processed site folder.

API for the offline bundle (``bdhvs bundle``)::

    from bdhvs.search.offline import write_offline_index
    written = write_offline_index(bundle_site_dir)   # after every page is in place

It works whether the bundle was built with ``use_directory_urls`` true or false.
"""
from __future__ import annotations

from pathlib import Path

from bdhvs.search.writer import build_search_index


def write_offline_index(site_dir: Path) -> list[Path]:
    """(Re)write ``<site_dir>/search-index/``; return the files written."""
    return build_search_index(Path(site_dir)).files
