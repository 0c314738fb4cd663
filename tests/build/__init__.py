"""The build tier: full site builds, PDFs and the commands run as a user runs them, in child processes."""
