"""Unit tests of constitution/source/."""
