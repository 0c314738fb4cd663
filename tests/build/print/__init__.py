"""Build tests of constitution/print/."""
