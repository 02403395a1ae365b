"""The walkthrough screen: one page at a time, with the safety line and big buttons (and a counsellor's notes)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher

from ..reading import reading_seconds
from ..talk import TalkTimer
from ..widgets.footer import KeyFooter
from ..widgets.more_hint import MoreHint
from ..widgets.nav import NavBar
from ..widgets.progress import page_progress
from ..widgets.text import PlainText
from ..widgets.title import TitleBar
from .page import Page
from .pages import PageMaterials, page_index_of, planned_pages

if TYPE_CHECKING:
    from ..breathing import Clock
    from ..content.records import LoadedWalkthrough

SCROLL_KEYS = ("up", "down", "pageup", "pagedown", "end")
"""Keys that scroll a long page (pages never take the focus, so the screen scrolls for them)."""


class PageSwitcher(ContentSwitcher):
    """Shows one page at a time: Textual's ContentSwitcher, without a second repaint of its whole area.

    Turning a page already redraws the page shown; a switcher repainted as
    well doubled the lines drawn on every turn.
    """

    current: reactive[str | None] = reactive(None, init=False, repaint=False)


class WalkthroughScreen(Screen[None]):
    """Welcome, the steps, the visit, the course and the questions, paged in order.

    With a talk timer it is the counsellor's view: the same pages, plus the
    talk timer, the page's counsellor notes, and keys to jump to any step.
    Without one, no note is ever put in the widget tree. Which pages there are,
    and what each holds, comes from the one list of pages (``pages.py``).
    """

    class PageShown(Message):
        """The page on show changed (or the screen showed its first page): its name and its index.

        The name is the same in every language (``step:iv``), so the app can
        open the same page again in another language or after the content changed.
        """

        def __init__(self, name: str, index: int) -> None:
            super().__init__()
            self.name = name
            """The page's name, the same in every language (see ``pages.page_names``)."""
            self.index = index
            """The page's index, counting the welcome page as 0."""

    BINDINGS = [
        Binding("right,space,n", "next", "Next", key_display="→", priority=True),
        Binding("left,p", "back", "Back", key_display="←", priority=True),
        Binding("home", "home", "Start", priority=True),
        Binding("b", "app.calm", "Breathe"),
        Binding("a", "auto", "Auto"),
        Binding("l", "app.language", "Language"),
        *(Binding(key, f"scroll('{key}')", show=False) for key in SCROLL_KEYS),
        Binding("1", "jump(1)", "Step"),  # the key line writes the digits that act: 1-4 for four steps
        *(Binding(str(number), f"jump({number})", show=False) for number in range(2, 10)),
    ]

    page_index: reactive[int] = reactive(0, init=False, repaint=False)
    """Which page is showing, counting the welcome page as 0."""

    auto_reading: reactive[bool] = reactive(False, init=False, repaint=False)
    """Hands-free reading: turn to the next page on its own after a reading time."""

    def __init__(
        self,
        content: LoadedWalkthrough,
        words: Mapping[str, str],
        *,
        clock: Clock,
        talk_timer: TalkTimer | None = None,
        page: int | str = 0,
        languages: Mapping[str, str] | None = None,
        first_of_app: bool = False,
    ) -> None:
        """Show ``content`` from ``page`` (0 is the welcome page).

        Args:
            content: The walkthrough in the language to show.
            words: The interface words in that language (buttons, key names, "Page 2 of 7"...).
            clock: The monotonic clock hands-free reading is timed by (tests pass a fake one).
            talk_timer: The counsellor's talk timer; None in patient mode.
            page: The page to open on: its index (past the last page opens the last) or its name
                (``step:iv``; a name this content lacks opens the welcome page).
            languages: Languages to offer on the welcome page, code to name; none or one offers no choice.
            first_of_app: The app's first screen: the other pages wait for :meth:`build_other_pages`,
                which the app calls once its first frame is out (Textual holds every frame back until
                its start-up is over, and building them before that held the first frame back too).
        """
        super().__init__()
        self.content = content
        self.words = words
        self.clock = clock
        self.languages = dict(languages or {})
        self.talk_timer = talk_timer
        self._pages = planned_pages(content.walkthrough)
        self.page_count = len(self._pages)
        """How many pages there are, welcome and questions included."""
        if isinstance(page, str):
            page = page_index_of(content.walkthrough, page, fallback=0)
        self.start_page = min(max(0, page), self.page_count - 1)
        self._digit_pages = [index for index, planned in enumerate(self._pages) if planned.digit_key]
        if talk_timer is not None:
            self.add_class("-counsellor")
        self._page_posted: int | None = None
        self._auto_deadline = 0.0
        self._auto_timer: Timer | None = None
        self._all_pages_built = False
        self._other_pages_asked_for = False
        self._resumed_before = False
        self._first_of_app = first_of_app

    def compose(self) -> ComposeResult:
        """Title bar, the pages (only one shows), safety line, buttons and footer."""
        yield TitleBar(self.content.walkthrough.title, self.words, self.talk_timer, id="title-bar")
        with Vertical(id="body"):
            with PageSwitcher(initial=f"page-{self.start_page}", id="pages"):
                yield self._build_page(self.start_page)
            if self.counsellor:
                from ..widgets.counsellor import NotesPanel  # counsellor mode only: a patient's start need not load it

                yield NotesPanel(self.words, id="notes")
        with Horizontal(id="status-row"):
            yield PlainText("", id="page-progress")
            yield PlainText("", id="page-dots")
            yield PlainText("", id="auto-status")
            yield MoreHint(self.words["more_below"], lambda: self.current_page, id="more-hint")
        yield PlainText(self.content.walkthrough.safety_line, id="safety-line")
        yield NavBar(self.words, faq=bool(self.content.walkthrough.faq), id="nav")
        yield KeyFooter()

    def _build_page(self, index: int) -> Page:
        """Page ``index`` (0 is the welcome page), not yet mounted."""
        page = self._pages[index].build(PageMaterials(self.content, self.words, self.languages))
        page.id = f"page-{index}"
        return page

    async def _build_other_pages(self) -> None:
        """Build every page but the first one shown, in page order, once that one is on the screen.

        Only the first page is built before the first frame, so the walkthrough
        opens sooner; the rest follow straight after, and a page turn asked for
        in between is shown as soon as they are in.
        """
        switcher = self.query_one(PageSwitcher)
        shown = switcher.children[0]
        before = [self._build_page(index) for index in range(self.start_page)]
        after = [self._build_page(index) for index in range(self.start_page + 1, self.page_count)]
        for page in (*before, *after):
            page.display = False
        if before:
            await switcher.mount_all(before, before=shown)
        if after:
            await switcher.mount_all(after)
        hint = self.query_one(MoreHint)
        for page in (*before, *after):
            hint.follow_scrolling(page)
        self._all_pages_built = True
        self._show_page()

    @property
    def counsellor(self) -> bool:
        """Whether this is the counsellor's view."""
        return self.talk_timer is not None

    @property
    def current_page(self) -> Page:
        """The page on show (the first one shown while the others are still being built)."""
        if not self._all_pages_built:
            return self.query_one(f"#page-{self.start_page}", Page)
        return self.query_one(f"#page-{self.page_index}", Page)

    def on_mount(self) -> None:
        """Show the first page, then build the others."""
        self.query_one(MoreHint).follow_scrolling(self.query_one(Page))
        self.set_reactive(WalkthroughScreen.page_index, self.start_page)
        self._show_page()
        if not self._first_of_app:
            self.build_other_pages()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first time the screen is shown, its styles are brand new: Textual need not restyle it whole."""
        if not self._resumed_before:
            self._resumed_before = True
            event.refresh_styles = False

    def build_other_pages(self) -> None:
        """Build the pages not yet built, straight after the next frame (once, however often it is called)."""
        if not self._other_pages_asked_for:
            self._other_pages_asked_for = True
            self.call_after_refresh(self._build_other_pages)

    def watch_page_index(self) -> None:
        """Show the chosen page from its top and update which buttons can act."""
        self._show_page()

    def _show_page(self) -> None:
        if self._all_pages_built:
            self.query_one(PageSwitcher).current = f"page-{self.page_index}"
        page = self.current_page
        page.scroll_home(animate=False)
        label, dots = page_progress(self.words, self.page_index, self.page_count)
        self.query_one("#page-progress", PlainText).set_text(label)
        self.query_one("#page-dots", PlainText).set_text(dots)
        self.query_one("#back").disabled = self.page_index == 0
        self.query_one("#next").disabled = self.page_index == self.page_count - 1
        self.query_one("#auto").disabled = self.page_index == self.page_count - 1
        if self.counsellor:
            from ..widgets.counsellor import NotesPanel

            self.query_one(NotesPanel).show(self._pages[self.page_index].notes)
        self.refresh_bindings()
        if self._page_posted != self.page_index:
            self._page_posted = self.page_index
            self.post_message(self.PageShown(self._pages[self.page_index].name, self.page_index))

    @property
    def shown_page(self) -> tuple[str, int]:
        """The page on show: its name (the same in every language, ``step:iv``) and its number (0: welcome)."""
        return self._pages[self.page_index].name, self.page_index

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Let Back act only after the first page and Next only before the last.

        The footer then lists only the keys that act here.
        """
        if action in ("back", "home"):
            return self.page_index > 0
        if action in ("next", "auto"):
            return self.page_index < self.page_count - 1
        if action == "jump":
            return self.counsellor and (not parameters or int(str(parameters[0])) <= len(self._digit_pages))
        return True

    def action_next(self) -> None:
        """Go to the next page, if there is one."""
        if self.page_index < self.page_count - 1:
            self.page_index += 1

    def action_back(self) -> None:
        """Go back one page, if there is one."""
        if self.page_index > 0:
            self.page_index -= 1

    def action_home(self) -> None:
        """Go back to the welcome page."""
        self.page_index = 0

    def action_jump(self, number: int) -> None:
        """Counsellor: show step ``number`` (1 is the first step)."""
        if self.counsellor and 1 <= number <= len(self._digit_pages):
            self.page_index = self._digit_pages[number - 1]

    def action_scroll(self, key: str) -> None:
        """Scroll the page on show: ↑ ↓ by a line, PgUp PgDn by a screen, end to the bottom."""
        page = self.current_page
        scroll = {
            "up": page.scroll_up,
            "down": page.scroll_down,
            "pageup": page.scroll_page_up,
            "pagedown": page.scroll_page_down,
            "end": page.scroll_end,
        }[key]
        scroll(animate=False)

    def action_auto(self) -> None:
        """Turn hands-free reading on or off."""
        self.auto_reading = not self.auto_reading

    def watch_auto_reading(self, on: bool) -> None:
        """Start the reading clock for this page, or stop it and clear its status."""
        self.query_one("#auto").set_class(on, "-chosen")
        if on:
            self._start_reading_clock()
        else:
            self._stop_reading_clock()
            self.query_one("#auto-status", PlainText).set_text("")

    def user_activity(self, event: events.Event) -> None:
        """The app hands every key and tap here: each pauses hands-free reading, but the one that toggles it."""
        if isinstance(event, events.Key):
            toggles = event.key in AUTO_KEYS
        elif isinstance(event, events.MouseDown):
            toggles = self.get_widget_at(event.screen_x, event.screen_y)[0].id == "auto"
        else:
            toggles = False
        if not toggles:
            self.auto_reading = False  # the person has taken over

    def on_screen_suspend(self) -> None:
        """Another screen (calming mode, help) is on top: hands-free reading stops."""
        self.auto_reading = False

    def _start_reading_clock(self) -> None:
        self._stop_reading_clock()
        if self.page_index >= self.page_count - 1:
            self.auto_reading = False  # the last page: there is nothing to turn to
            return
        text = " ".join(str(widget.render()) for widget in self.current_page.query(PlainText))
        self._auto_deadline = self.clock() + reading_seconds(text)
        self.auto_tick()

    def _stop_reading_clock(self) -> None:
        if self._auto_timer is not None:
            self._auto_timer.stop()
            self._auto_timer = None

    def auto_tick(self) -> None:
        """Show the seconds left on this page, or turn the page when they run out."""
        self._auto_timer = None
        left = self._auto_deadline - self.clock()
        if left <= 0:
            if self.page_index >= self.page_count - 1:
                self.auto_reading = False
                return
            self.page_index += 1
            self._start_reading_clock()
            return
        shown = math.ceil(left)
        self.query_one("#auto-status", PlainText).set_text(self.words["auto_next_in"].format(seconds=shown))
        self._auto_timer = self.set_timer(left - (shown - 1), self.auto_tick)


AUTO_KEYS = frozenset(
    key.strip()
    for binding in WalkthroughScreen.BINDINGS
    if isinstance(binding, Binding) and binding.action == "auto"
    for key in binding.key.split(",")
)
"""The keys that turn hands-free reading on or off: pressing one does not pause it."""
