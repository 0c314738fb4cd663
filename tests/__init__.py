"""The tests, in three tiers (tests/conftest.py marks each by its folder): unit/, build/, browser/."""
