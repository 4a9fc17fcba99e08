"""``python -m eventwatch`` runs the command line."""

from eventwatch.cli import entry

entry()
