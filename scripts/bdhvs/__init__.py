"""bdhvs: the project's own code for the 'Bình dân học vụ số' Krông Á guide site.

Folders, one concern each:
  i18n/       language handling (the one i18n locale shim, fallback labelling, translation status)
  content/    page model: front matter schema, slugs, page types
  checks/     `bdhvs check`: every editor-facing check, text in -> findings out
  media/      screenshots (annotate, redact, encode), sketches, video facade, audio
  search/     search indexing and Vietnamese query handling
  classroom/  projector mode assets, handouts (QR, PDF), offline bundle
  deploy.py   publishing to the commune web server
  plugin.py   thin MkDocs plugin calling the modules above at MkDocs events
  cli.py      the `bdhvs` command: dispatch only
"""
