"""The ``jmapper`` command line: argument parsing and the non-editor commands."""
