"""Unit tests of constitution/core/."""
