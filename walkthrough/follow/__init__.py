"""Follow the counsellor: one app leads (the counsellor's), others follow its page, language and calming mode.

- ``protocol.py``: the message format, JSON lines with an allowed-keys list (nothing else can be sent).
- ``pairing.py``: the short pairing code, and the lockout after wrong codes (as the staff PIN's).
- ``transport.py``: a Unix socket in a private folder, the peer's user checked; no network port.
- ``link.py``: what an app is given to lead or follow (Textual side), ``screens.py``: the code entry and bars.

A start that neither leads nor follows imports only ``actions.py`` (the app's keys and their rules).
"""
