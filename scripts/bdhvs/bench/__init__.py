"""`bdhvs bench`: our site next to plain Material for MkDocs on the same content."""
