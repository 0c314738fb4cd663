"""Unit tests of constitution/importer/."""
