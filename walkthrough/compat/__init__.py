"""Every use of Textual's private API in the walkthrough lives here, fenced off from the rest.

A name starting with ``_`` in Textual (a module, a method, an attribute) may
change in any release. Each patch in this package names the upstream Textual
issue it works around (or says that none was found, and where we looked), and
each has a canary test in tests/test_compat_canaries.py that fails, naming the
patch to drop or adapt, once Textual's behaviour changes.

Nothing is imported here: each module loads exactly when its caller needs it.
"""
