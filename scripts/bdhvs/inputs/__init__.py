"""The gate: every file an editor sends enters the project through ONE reader here.

    inputs (docs/**/*.md, data/*.yml, docs/huong-dan/<slug>/*.yml, images)
      → reader (decode, limits, YAML, JSON Schema)
      → records + findings (file:line, Vietnamese)
      → build (plugin) / `bdhvs check` / browser editor (cms) / search index

- :mod:`yamlsafe`  YAML with limits (size, aliases, depth), duplicate keys and impossible
  dates as problems, never exceptions.
- :mod:`pages`     a Markdown page: decoded with the project's encoding rules, front matter
  parsed once, body with line numbers; cached per file version for the whole build.
- :mod:`datafiles` each data/*.yml file with its JSON Schema (and the few rules a schema
  cannot say), records plus findings at the line.
- :mod:`images`    pixel and byte limits of an image, read from its header before decoding.
- :mod:`feature`   the build's side: findings become build errors at file:line.

Dependency rule: no module outside this package opens a page under docs/ or a data file
under data/ to read editor input (tests/gate/test_dependency_rule.py).
"""
