"""One URL → one verdict, with the browser's reading of it (WHATWG URL Standard, parsed by
ada-url, the parser Node.js uses).

What the editor wrote is first read as the HTML parser reads an attribute (character
references decoded once), then parsed as a browser does: ASCII tab and newline removed,
leading/trailing C0 controls and spaces dropped, backslashes treated as slashes, IDNA and
percent-decoding of the host, IPv4 number forms. The host it yields is compared EXACTLY
with data/domains.yml (``www.`` aside); an allow-list prefix matches at a path boundary and
its query parameters must all be present with the same value.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import parse_qsl

from ada_url import URL, HostType

# Relative URLs are resolved against a page of the site (any https page: only whether the
# result leaves the site matters). ".invalid" is reserved: it never names a real host.
SITE_HOST = "bdhvs.invalid"
BASE = f"https://{SITE_HOST}/vi/huong-dan/trang/"

SAFE_SCHEMES = {"https", "mailto", "tel"}
DANGEROUS_SCHEMES = {"javascript", "data", "vbscript", "file", "blob", "filesystem"}


@dataclass(frozen=True)
class Parsed:
    written: str  # as the editor wrote it (whitespace trimmed)
    href: str  # what the browser follows
    scheme: str  # without ":" ("" when it could not be parsed)
    host: str  # ASCII (punycode), lower case, as the browser resolves it
    port: str
    userinfo: bool
    path: str
    query: str
    absolute: bool  # the editor wrote a scheme
    external: bool  # leaves the site
    ip: bool


@dataclass(frozen=True)
class Verdict:
    code: str
    message: str
    hint: str | None = None
    severity: str | None = None


def decode(value: str) -> str:
    """The attribute value a browser gets from Markdown output: character references decoded
    once (Python-Markdown keeps ``&#97;`` as written, the HTML parser decodes it)."""
    return html.unescape(value)


def parse(value: str, *, decoded: bool = False) -> Parsed | None:
    """``value`` as the browser reads it; None when no browser could follow it."""
    text = value if decoded else decode(value)
    text = text.strip("".join(map(chr, range(0x21))))  # the URL parser drops C0 and space at both ends
    text = text.replace("\t", "").replace("\n", "").replace("\r", "")
    try:
        url, absolute = URL(text), True
    except ValueError:
        try:
            url, absolute = URL(text, BASE), False
        except ValueError:
            return None
    scheme = url.protocol.rstrip(":").lower()
    host = url.hostname or ""
    return Parsed(written=value.strip(), href=url.href, scheme=scheme, host=host, port=url.port,
                  userinfo=bool(url.username or url.password), path=url.pathname, query=url.search,
                  absolute=absolute, external=host != SITE_HOST,
                  ip=url.host_type in (HostType.IPV4, HostType.IPV6))


def short(text: str, size: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def site_host(host: str) -> str:
    """The host as data/domains.yml lists it (no ``www.``)."""
    return host.removeprefix("www.")


def verdict(value: str, kind: str, data, *, decoded: bool = False) -> Verdict | None:
    """What is wrong with a URL written in a page (None: nothing).

    ``kind`` is the Link kind of checks.links ("markdown", "image", "html", "source", …);
    ``data`` is checks.data.ProjectData (domains, shorteners, source suffixes)."""
    parsed = parse(value, decoded=decoded)
    shown = short(value.strip())
    if parsed is None:
        if kind in ("bare", "refdef"):
            return None  # text that only looks like an address (it is not a link)
        return Verdict("URL-DOMAIN", f"Địa chỉ “{shown}” viết sai, trình duyệt không mở được",
                       "Chép lại địa chỉ đầy đủ từ thanh địa chỉ của trình duyệt (bắt đầu bằng https://).")
    if parsed.scheme in DANGEROUS_SCHEMES or (parsed.scheme not in SAFE_SCHEMES | {"http"}):
        return Verdict("HTML-URL-SCHEME", f"Địa chỉ “{short(value.strip(), 40)}” là dạng {parsed.scheme}: "
                       "trình duyệt sẽ chạy mã hoặc mở thứ không phải trang web")
    if parsed.scheme in ("mailto", "tel"):
        return None
    if not parsed.external:
        return None  # a page or file of this site (checked by the local-link check)
    if not parsed.absolute:
        return Verdict("URL-DOMAIN", f"Địa chỉ “{shown}” không có https: ở đầu nhưng trình duyệt mở trang "
                       f"“{parsed.host}” bên ngoài", "Viết đầy đủ https://tên-miền/… của trang chính thức.")
    if parsed.scheme == "http":
        return Verdict("URL-HTTP", f"“{shown}” dùng http://, không được mã hoá")
    if kind == "video":
        return None  # embeds are allowed per video in data/videos.yml (checked by the media build)
    if parsed.userinfo:
        return Verdict("URL-DOMAIN", f"“{shown}” có phần “…@” trước tên miền: trình duyệt mở trang “{parsed.host}”",
                       "Bỏ phần đứng trước @; chép lại địa chỉ từ thanh địa chỉ của trang chính thức.")
    if parsed.ip or not parsed.host:
        return Verdict("URL-DOMAIN", f"“{shown}” không dùng tên miền mà dùng số máy “{parsed.host}”")
    if parsed.port:
        return Verdict("URL-DOMAIN", f"“{shown}” có cổng :{parsed.port} sau tên miền",
                       "Bỏ phần :số sau tên miền; trang chính thức dùng cổng thường.")
    host = site_host(parsed.host)
    if host in data.shorteners:
        return Verdict("URL-SHORTENER", f"“{host}” là dịch vụ rút gọn liên kết")
    entry = data.domains.get(host)
    if (entry is None and kind == "source" and ("." + host).endswith(data.source_suffixes or ("\0",))
            and "xn--" not in host):
        return None  # a government site cited as a source (registration of these names is restricted);
        # never an internationalised look-alike (dіchvucong with a Cyrillic і is xn--…)
    if entry is None:
        where = f" (trình duyệt đọc “{shown}” thành tên miền “{parsed.host}”)" if host not in value.lower() else ""
        return Verdict("URL-DOMAIN", f"Tên miền “{parsed.host}” chưa có trong data/domains.yml{where}")
    if not entry.allowed:
        code = "URL-UNVERIFIED" if entry.status == "uncertain" else "URL-DOMAIN"
        state = "chưa được xác minh" if entry.status == "uncertain" else "không tìm thấy bằng chứng là trang chính thức"
        # A listed-but-unverified publisher cited as a source is a warning; a link in the text is an error.
        severity = "warning" if code == "URL-UNVERIFIED" and kind == "source" else None
        return Verdict(code, f"Tên miền “{host}” ({entry.owner}) {state}", severity=severity)
    if entry.use == "source" and kind != "source":
        return Verdict("URL-DOMAIN", f"“{host}” ({entry.owner}) chỉ được ghi làm nguồn, không đặt liên kết trong bài",
                       "Dẫn người đọc tới trang chính thức; bài báo thì ghi vào sources: ở phần đầu trang.")
    if entry.prefixes and not any(within_prefix(parsed, p) for p in entry.prefixes):
        return Verdict("URL-DOMAIN", f"Chỉ được liên kết tới {', '.join(entry.prefixes)} trên “{host}”, "
                       f"không phải “{shown}”")
    return None


def within_prefix(parsed: Parsed, prefix: str) -> bool:
    """``parsed`` is under the allow-list ``prefix``: same host (``www.`` aside), a path equal
    to the prefix's or below it at a "/" boundary, and every query parameter of the prefix
    present with exactly that value (no other value for the same name)."""
    allowed = parse(prefix, decoded=True)
    if allowed is None or not allowed.absolute:
        return False
    if (parsed.scheme, site_host(parsed.host), parsed.port) != (allowed.scheme, site_host(allowed.host), allowed.port):
        return False
    if allowed.query:
        if parsed.path != allowed.path:
            return False
        have = parse_qsl(parsed.query.lstrip("?"), keep_blank_values=True)
        for name, value in parse_qsl(allowed.query.lstrip("?"), keep_blank_values=True):
            values = [v for n, v in have if n == name]
            if not values or any(v != value for v in values):
                return False
        return True
    base = allowed.path.rstrip("/")
    return parsed.path == allowed.path or parsed.path == base or parsed.path.startswith(base + "/")


def host_of(value: str) -> str:
    """The host a browser opens for ``value`` (no ``www.``), "" when none."""
    parsed = parse(value)
    return site_host(parsed.host) if parsed and parsed.absolute else ""
