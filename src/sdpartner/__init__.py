"""sdpartner: query Shandong's "Ten Partner Actions" opening-up plan and the history of its events.

The version is set here and nowhere else (the build reads it from this line).
"""

__version__ = "0.3.0"
VERSION_LINE = f"sdpartner {__version__}\n"  # what --version prints, whichever way it is answered
