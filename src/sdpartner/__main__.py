"""The process entry point: ``sdpartner`` (the console script) and ``python -m sdpartner``.

The garbage collector is switched off before anything else is imported. A command is a short-lived
process that makes no reference cycles worth collecting, and the collections that importing Typer,
msgspec and the model would trigger cost about 5 ms of every start-up (BENCHMARKS.md). This module is
only ever imported to run the command; the library modules leave the collector alone.
"""

import gc

gc.disable()

from .app import main  # noqa: E402 - after the collector is off

if __name__ == "__main__":
    main()
