"""``python -m solarfleet.app.cli``: the same as the ``solarfleet-cli`` script."""
import sys

from solarfleet.app.cli import main

if __name__ == "__main__":
    sys.exit(main())
