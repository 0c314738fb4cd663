"""The browser tier: built sites and the offline bundle in Debian's chromium (Playwright)."""
