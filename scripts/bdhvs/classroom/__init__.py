"""Classroom: projector mode assets, printable handouts (QR codes, PDFs), offline bundle."""
