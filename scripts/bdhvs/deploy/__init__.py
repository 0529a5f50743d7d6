"""Publishing: HTTP headers and web-server configs (one policy), atomic releases, rsync/SSH."""
