# man/: the manual pages.
