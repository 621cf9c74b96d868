"""``python -m jmapper`` is the ``jmapper`` command."""

import sys

from jmapper.app import main

sys.exit(main())
