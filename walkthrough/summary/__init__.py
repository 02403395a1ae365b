"""The take-home summary: what a patient leaves with, in their own language.

``page.py`` makes a one-page, print-ready HTML summary (the steps, the visit
and course with the clinic's numbers, the patient's questions, the clinic's
name and phone); with no session it is the clinic's handout, with empty
boxes to tick and lines to write on. ``compact.py`` makes the short plain
text a kiosk shows as a QR code (``qr.py``). ``files.py`` writes a page
atomically and names it; ``delivery.py`` says what became of a summary;
``cli.py`` is ``walkthrough summary``. Nothing here imports Textual.

Everything shown is the content's own sentences and the interface words:
the summary says nothing the walkthrough does not.

The package itself imports nothing: the command line loads ``cli.py`` when "summary" is on it.
"""
