"""``python -m sdpartner``: the same CLI, shown as ``sdpartner``."""

from .process import main

if __name__ == "__main__":
    main(prog_name="sdpartner")
