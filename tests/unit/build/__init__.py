"""Unit tests of constitution/build/."""
