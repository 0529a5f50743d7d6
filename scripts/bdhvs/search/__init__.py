"""Site search: Pagefind per language, with d/đ handling and an offline (file://) index.

- ``pages``: which built pages are indexed, in which language, and how (pure functions).
- ``indexer``: runs Pagefind (Python API, binary from the ``pagefind[bin]`` wheel).
- ``offline``: a small self-contained index for pages opened from ``file://``.
- ``feature``: the MkDocs feature (indexing in ``post_build``).
- ``bench``: bytes transferred for the first query, Pagefind vs Material's lunr search.
"""
