"""`bdhvs` subcommands: argument parsing and output only; the work is in the domain modules."""
