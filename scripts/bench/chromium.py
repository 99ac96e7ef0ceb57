"""The bench's Chromium: Debian's, quiet (no background traffic, no QUIC), for
the visits (visits.py) and for Lighthouse (lighthouse.py). The tests launch it
with the same flags in tests/conftest.py; a script does not import test code."""

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
