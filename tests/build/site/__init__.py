"""Build tests of constitution/site/."""
