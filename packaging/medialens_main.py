"""Entry point of the bundled app: ``medialens`` with no arguments opens the window."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the indexer runs in a spawned child process
    from medialens.cli import main

    sys.exit(main(sys.argv[1:] or ["gui"]))
