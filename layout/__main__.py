"""Run the command-line interface with `python -m layout`."""

from layout.cli import main

main()
