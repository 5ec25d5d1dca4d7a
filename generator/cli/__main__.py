"""``python -m generator.cli``: the ``sky`` command without its installed script."""

from generator.cli.main import main

raise SystemExit(main())
