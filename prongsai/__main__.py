"""`python -m prongsai …`: the same program as `prongsai …` and `python build.py …` (a project made by init has no build.py)."""

import sys

from .cli import main

sys.exit(main())
