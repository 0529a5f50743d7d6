"""The one i18n patch: present while needed, removed once upstream accepts 3-letter codes."""
import subprocess
import sys


def test_upstream_still_rejects_three_letter_locales():
    """Fails when mkdocs-static-i18n accepts 'ede' on its own (upstream PR
    ultrabug/mkdocs-static-i18n#348). Then delete scripts/bdhvs/i18n/locale_shim.py
    and its import in scripts/bdhvs/plugin.py."""
    code = (
        "import mkdocs_static_i18n.config as c;"
        "print(bool(c.RE_LOCALE.match('ede')), bool(c.RE_LOCALE.match('rad')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"], (
        "mkdocs-static-i18n now accepts 3-letter locales: remove the locale shim"
    )


def test_shim_accepts_ede_and_keeps_upstream_rules():
    from bdhvs.i18n import locale_shim
    import mkdocs_static_i18n.config as config
    import mkdocs_static_i18n.folder as folder

    assert config.RE_LOCALE.match("ede") and folder.RE_LOCALE.match("ede")
    for ok in ("vi", "en-US", "en_US", "zh-Hant-TW"):
        assert locale_shim.PATCHED_RE_LOCALE.match(ok)
    for bad in ("huong-dan", "assets", "EDE", "e"):
        assert not locale_shim.PATCHED_RE_LOCALE.match(bad)
