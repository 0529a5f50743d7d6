"""Where the translation files live, for the real project or a temporary copy (tests)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bdhvs import settings


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def default(cls) -> "Project":
        return cls(settings.ROOT)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def vi_dir(self) -> Path:
        return self.docs / settings.DEFAULT_LANGUAGE

    @property
    def ede_dir(self) -> Path:
        return self.docs / "ede"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def base_dir(self) -> Path:
        """Vietnamese text each translation was made from (see i18n/base.py)."""
        return self.data / "translation-base"

    def vi_pages(self) -> list[str]:
        """Vietnamese pages, as paths relative to docs/vi/ ("huong-dan/x.md")."""
        return sorted(p.relative_to(self.vi_dir).as_posix() for p in self.vi_dir.rglob("*.md")
                      if not _hidden(p.relative_to(self.vi_dir)))

    def ede_pages(self) -> list[str]:
        if not self.ede_dir.exists():
            return []
        return sorted(p.relative_to(self.ede_dir).as_posix() for p in self.ede_dir.rglob("*.md")
                      if not _hidden(p.relative_to(self.ede_dir)))

    def normalise_page(self, name: str) -> str:
        """Accept "huong-dan/x", "huong-dan/x.md", "docs/vi/huong-dan/x.md" or a path on disk."""
        text = name.replace("\\", "/").strip()
        path = Path(text)
        if path.is_absolute():
            try:
                text = path.resolve().relative_to(self.docs.resolve()).as_posix()
            except ValueError:
                pass
        for prefix in ("docs/", "vi/", "ede/"):
            if text.startswith(prefix):
                text = text[len(prefix):]
        if not text.endswith(".md"):
            text = text.rstrip("/") + ".md"
        return text


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)
