"""The build's own markup at the Markdown stage (home buttons, audience sections) is marked
with a number drawn for this build only: the URL/HTML policy skips what carries it, and an
editor who copies the mark from an old page or guesses it gets no such pass."""
from bdhvs.publish import built


def test_the_builds_own_region_is_set_aside_and_put_back_without_its_marks():
    page = "<p>a</p>" + built.wrap('<nav class="x" markdown>\n\n- [b](b.md)\n\n</nav>').replace("\n\n", "") + "<p>c</p>"
    rest, parts = built.cut(page)
    assert "<nav" not in rest and len(parts) == 1
    assert built.restore(rest, parts) == '<p>a</p><nav class="x" markdown>- [b](b.md)</nav>\n<p>c</p>'


def test_a_forged_mark_does_not_hide_anything():
    forged = "<!--bdhvs-built 0123456789abcdef01234567--><script>alert(1)</script><!--/bdhvs-built 0123456789abcdef01234567-->"
    rest, parts = built.cut(forged)
    assert parts == [] and "<script>" in rest
