"""What may be published: escaping of editor strings in every template, the allow-list of
files under docs/ that reach site/, and the front-matter HTML rule."""
