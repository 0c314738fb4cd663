"""Unit tests of constitution/data/."""
