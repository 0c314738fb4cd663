"""Build tests of constitution/build/."""
