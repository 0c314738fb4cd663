"""The unit tier: the stages as libraries, in this process; no build, no browser, no child process that builds."""
