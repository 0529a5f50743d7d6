"""The browser editor at /admin/ (Decap CMS): config generated from the content schema,
the self-hosted bundle copied into the built site, and the local editing proxy."""
