"""`bdhvs inbox <package>`: read a contribution package made on a phone (the pages in
docs/vi/bien-tap/), validate it with the project's checks, and turn it into a branch
and a commit. See docs-dev/cms.md, section "Góp ý từ điện thoại"."""
