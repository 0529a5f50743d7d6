"""Reading comfort and accessibility: text size, high contrast, fixes to the theme's HTML."""
