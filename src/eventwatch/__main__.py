"""``python -m eventwatch`` runs the command line."""

from eventwatch.cli import main

main()
