"""The page model: front matter schema, page types, slugs."""
