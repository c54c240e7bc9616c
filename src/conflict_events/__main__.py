"""``python -m conflict_events``: the same command line as ``conflict-events``."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
