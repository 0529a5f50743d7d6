"""The official addresses list: ``<!-- bdhvs:official-addresses -->`` in a guide.

Guides do not teach a rule such as "only addresses ending in .gov.vn" (look-alikes
such as ``dichvucong.gov.vn.xyz`` pass it); they show the short list of the EXACT
official addresses, generated from data/domains.yml: the entries that

- may be linked (``use: link``) and are confirmed (``status: ok`` or ``verified``), and
- carry ``official:`` — what the address is, in plain Vietnamese for citizens. Only
  state services get it (not app stores, social networks or newspapers).

Each address is shown in bold plain text, as the citizen types it or sees it in the
address bar, with its owner; under the list, a sketch (docs/huong-dan/chung/) shows
where the address sits in a phone browser, marked as an illustration.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path


from bdhvs.publish.escaping import md_text

CONFIRMED = ("ok", "verified")
# The sketch of a phone browser's address bar (a media YAML sketch, docs-dev/media.md).
SKETCH = "huong-dan/chung/o-dia-chi.png"
SKETCH_ALT = "Hình minh hoạ trình duyệt trên điện thoại: địa chỉ trang web nằm trong ô ở trên cùng màn hình"


class AddressesError(ValueError):
    """A problem in data/domains.yml for the list, worded for an editor (Vietnamese)."""


@dataclass(frozen=True)
class Address:
    domain: str
    official: str  # plain Vietnamese: what it is, whose it is


def load(path: Path, *, strict: bool = True) -> list[Address]:
    """The official addresses of data/domains.yml, in file order."""
    from bdhvs.inputs import datafiles  # the gate's reader: problems are findings at the line

    record = datafiles.read_path(path, datafiles.SPECS["domains.yml"], root=path.parent.parent)
    if strict and record.errors:
        first = record.errors[0]
        raise AddressesError(f"{first.file}:{first.line}:{first.col}  {first.code}  {first.message}. "
                             f"Cách sửa: {first.hint}")
    data = record.data
    entries = data.get("domains") if isinstance(data, dict) else None
    out = []
    for entry in entries or []:
        if not isinstance(entry, dict) or "official" not in entry:
            continue
        official = entry.get("official")
        if not isinstance(official, str) or not official.strip():
            if not strict:
                continue  # reported by the gate (schema of data/domains.yml)
            raise AddressesError(
                f"{path.as_posix()}: tên miền '{entry.get('domain')}': 'official' phải là một câu ngắn nói trang "
                "này là gì, của cơ quan nào (lời dễ hiểu), ví dụ official: \"Cổng Dịch vụ công quốc gia\".")
        if entry.get("status") in CONFIRMED and entry.get("use") == "link":
            out.append(Address(str(entry["domain"]).lower().removeprefix("www."), " ".join(official.split())))
    return out


def render(addresses: list[Address], page_src_uri: str, indent: str = "") -> str:
    """Markdown of the list (and the sketch), for a page at ``page_src_uri``
    (e.g. 'vi/huong-dan/x.md': the sketch link is relative to it)."""
    sketch = posixpath.relpath(SKETCH, posixpath.dirname(page_src_uri) or ".")
    items = [f"- **{md_text(a.domain)}**: {md_text(a.official)}" for a in addresses]
    body = items + ["", f"![{SKETCH_ALT}]({sketch})"]
    if indent:  # inside a list item: no wrapper (raw HTML must start a line)
        return "\n".join(indent + line if line else "" for line in body)
    return "\n".join(['<div class="bdhvs-addresses" data-bdhvs="official-addresses" markdown>', ""]
                     + body + ["", "</div>"])
