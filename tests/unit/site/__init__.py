"""Unit tests of constitution/site/."""
