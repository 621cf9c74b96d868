"""Readers and writers of the files users exchange maps in (JSON, CSV, Mermaid).

Qt-free: these modules use the standard library and :mod:`jmapper.model` only.
"""
