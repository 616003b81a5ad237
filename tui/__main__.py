"""``python -m tui`` runs the claimdiff command line."""

from tui.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
