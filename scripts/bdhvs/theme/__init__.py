"""What the pages look like, after the build: only the theme CSS the pages use (issue 24)."""
