"""One patient's session through the walk: how far it got, the two calm ratings, and its one anonymous row.

The app holds one :class:`SessionTracker`. It notes the furthest page as
pages are shown, opens the calm rating just after the welcome page and again
on reaching the last page, and, when the session ends (the end rating given
or skipped, a kiosk's fresh start, Start again, the app quitting, a served
tab closing), writes the session's row to the anonymous store, once.

Both the ratings and the row need the clinic to have turned the store on
(``--store`` or ``store:``): a patient is never asked for a figure nobody
keeps. A counsellor's talk is never stored (it is not a patient alone: the
store's modes are patient, kiosk and served). Nothing here imports the store
or sqlite3 until a row is written, so a start pays nothing for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from .screens.pages import page_names
from .screens.walkthrough import WalkthroughScreen

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    from .app import WalkthroughApp
    from .session import PatientSession
    from .store.record import SessionFigures, StoreMode

Moment = Literal["before", "after"]
"""When a calm rating is asked: just after the welcome page, or on reaching the last page."""

"""The app modes whose sessions are stored (served tabs of either are stored as "served")."""


class SessionTracker:
    """Follows the app's current session (``app.session``); a new session object starts it afresh."""

    def __init__(self, app: WalkthroughApp) -> None:
        """Follow ``app``'s sessions (nothing is read or computed until a page is shown or a session ends)."""
        self.app = app
        self._session: PatientSession | None = None
        self._asked: set[Moment] = set()
        self._written = False
        self._content_version: str | None = None
        self._writer: ThreadPoolExecutor | None = None

    def _follow(self) -> PatientSession:
        """The app's session now; a new one (fresh start, Start again) has asked nothing and written nothing."""
        session = self.app.session
        if session is not self._session:
            self._session, self._asked, self._written = session, set(), False
        return session

    # Moments in the walk.

    def page_shown(self, index: int) -> None:
        """The walkthrough's page ``index`` is on show: note it, and ask a calm rating if this is its moment.

        The first rating opens when the walk first leaves the welcome page by
        the patient's own hand (hands-free reading is never stopped for it);
        the second on first reaching the last page. Each is asked once.
        """
        session = self._follow()
        session.furthest_page = max(session.furthest_page, index)
        screen = self.app.screen_stack[0] if self.app.screen_stack else None
        if not self.asks_ratings or index == 0 or not isinstance(screen, WalkthroughScreen):
            return
        # Hands-free reading, or a counsellor's screen being followed, turned the page: not the patient's own hand.
        link = self.app.follow_link
        following = link is not None and link.following is not None
        hands_free = screen.auto_reading or following
        page_count = screen.page_count
        if "before" not in self._asked:
            self._asked.add("before")  # passed by hands-free reading: not asked later either
            if not hands_free:
                self._ask("before")
                return
        if index == page_count - 1 and "after" not in self._asked and not following:
            self._asked.add("after")
            self._ask("after")

    @property
    def asks_ratings(self) -> bool:
        """Whether the calm ratings are asked: the clinic keeps them, and this is a patient's own session."""
        return self.app.settings.store is not None and self.app.STORE_MODE is not None

    def _ask(self, moment: Moment) -> None:
        from .screens.rating import RatingScreen

        if self.app.top_screen_is("rating"):
            return
        screen = RatingScreen(self.app.session, moment, self.app.words, clock=self.app.clock)
        self.app.open_screen(screen, "rating", self._end_rating_answered if moment == "after" else None)

    def _end_rating_answered(self, _done: object) -> None:
        """The end rating was given or skipped: the walk is over, and its row is written."""
        self.end("end")

    # The end.

    def end(self, reason: str, *, wait: bool = False) -> None:
        """The session ends (``reason`` is for the reader only): write its row, once, if the store is on.

        The write runs in a thread of its own (it may wait for other writers);
        with ``wait`` (the app is ending) any write still running finishes
        first and this one is written before returning. Never raises: a
        fault goes to the app's log and the patient sees nothing.
        """
        session = self._follow()
        if wait:
            self._finish_writes()  # a row still on its way (the end just before quitting) is not lost
        if self._written:
            return
        self._written = True
        store = self.app.settings.store
        mode = self.store_mode()
        if store is None or mode is None:
            return
        try:
            from .store.record import SessionFigures

            figures = SessionFigures.of(session)  # fixed now: the write may wait, and the session go on
            content = self.app.content
            page_count = len(page_names(content.walkthrough))
            if wait:
                self._write(figures, content.language, mode, page_count)
            else:
                self._pool().submit(self._write, figures, content.language, mode, page_count)
        except Exception as error:  # the store must never disturb the patient
            self.app.log_file.warning("anonymous store: the session was not stored (%s)", type(error).__name__)

    def store_mode(self) -> StoreMode | None:
        """How the store names this run: "served" in a browser tab, else the mode; None: never stored."""
        mode = self.app.STORE_MODE
        if mode is None:
            return None
        return "served" if self.app.is_web else mode

    def _write(self, figures: SessionFigures, language: str, mode: StoreMode, page_count: int) -> None:
        """Make the session's record and add it to the store (in the writer thread, or as the app ends)."""
        from .store.record import SessionRecord, content_version, this_month
        from .store.writer import record_session

        store = self.app.settings.store
        if store is None:
            return
        try:
            if self._content_version is None:  # once per app, and never on the way to the first frame
                self._content_version = content_version(self.app.settings.content)
            record = SessionRecord.from_session(
                figures,
                month=this_month(),
                language=language,
                mode=mode,
                content_version=self._content_version,
                page_count=page_count,
            )
        except Exception as error:  # a record the store would refuse: logged, never raised
            self.app.log_file.warning("anonymous store: the session was not stored (%s)", error)
            return
        record_session(store, record, log=self.app.log_file)

    def _pool(self) -> ThreadPoolExecutor:
        if self._writer is None:
            from concurrent.futures import ThreadPoolExecutor

            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="walkthrough-store")
        return self._writer

    def _finish_writes(self) -> None:
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None
