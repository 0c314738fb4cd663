"""Unit tests of constitution/print/."""
