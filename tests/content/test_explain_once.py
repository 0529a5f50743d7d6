"""Glossary terms: explained (focusable) on their first use in running text only."""
from bdhvs.content.feature import explain_once

ABBR = '<abbr title="Mã xác thực">OTP</abbr>'


def test_first_use_in_text_is_focusable_later_uses_plain():
    html = f"<h2>Nhập {ABBR}</h2><p>Gõ {ABBR} vào ô.</p><p>Không đọc {ABBR} cho ai.</p>"
    out = explain_once(html)
    assert out.count("<abbr") == 1
    assert '<p>Gõ <abbr tabindex="0" title="Mã xác thực">OTP</abbr> vào ô.</p>' in out
    assert out.startswith("<h2>Nhập OTP</h2>")  # not in headings
    assert out.endswith("<p>Không đọc OTP cho ai.</p>")


def test_terms_inside_links_stay_plain_and_pages_without_terms_are_untouched():
    html = f'<p><a href="x/">Xem {ABBR}</a> rồi {ABBR}.</p>'
    assert explain_once(html) == '<p><a href="x/">Xem OTP</a> rồi <abbr tabindex="0" title="Mã xác thực">OTP</abbr>.</p>'
    plain = "<p>Không có thuật ngữ.</p>"
    assert explain_once(plain) is plain
