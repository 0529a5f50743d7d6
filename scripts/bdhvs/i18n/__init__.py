"""Language handling: the i18n locale shim, fallback pages, translation status."""
