"""Build the ITA disclosure website: `python build.py` (see README.md)."""

import sys

from prongsai.cli import main

if __name__ == "__main__":
    sys.exit(main())
