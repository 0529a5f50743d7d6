"""The URL policy of issue #21, applied the way a browser reads a page.

- ``policy``: one URL → a verdict (WHATWG parsing by ada-url: hosts exactly as the browser
  resolves them, schemes after entity decoding and tab/newline/C0 removal, allow-list
  prefixes at a path boundary).
- ``rendered``: the same policy (and the raw-HTML allow-list) over the HTML that
  Python-Markdown really produced, parsed by an HTML Standard parser (Lexbor); it reports
  what the Markdown-level checks missed and removes it from the page.
- ``render``: renders a page body with the project's own Markdown extensions, so
  ``bdhvs check`` sees what the build will publish.
- ``locate``: maps an element of the rendered HTML back to a line of the Markdown file.
- ``snippets``: ``--8<--`` includes written by editors (refused, neutralised).
- ``page``: what ``bdhvs check`` and the build both run on one page.
- ``feature``: the build hook (MkDocs events).
"""
