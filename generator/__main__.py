"""Allow `python -m generator`."""

import sys

from generator.cli import program

sys.exit(program())
