"""The walkthrough screen: one page at a time, with the safety line and big buttons (and a counsellor's notes)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, Input

from ..talk import TalkTimer
from ..widgets.footer import KeyFooter
from ..widgets.more_hint import MoreHint
from ..widgets.nav import NavBar
from ..widgets.progress import page_progress
from ..widgets.text import PlainText
from ..widgets.title import TitleBar
from .auto_reading import HandsFreeReadingScreen
from .page import Page, scroll_by_key
from .pages import PageMaterials, page_index_of, planned_pages

if TYPE_CHECKING:
    from ..breathing import Clock
    from ..content.records import LoadedWalkthrough
    from ..session import CheckAnswer, PatientSession
    from .check import CheckEnd

TYPED_IN_A_BOX = ("next", "back", "home")
"""Actions whose priority keys (space, n, p, the arrows, home) type or move the cursor in a focused text box."""

SCROLL_KEYS = ("up", "down", "pageup", "pagedown", "end")
"""Keys that scroll a long page (pages never take the focus, so the screen scrolls for them)."""


class PageSwitcher(ContentSwitcher):
    """Shows one page at a time: Textual's ContentSwitcher, without a second repaint of its whole area.

    Turning a page already redraws the page shown; a switcher repainted as
    well doubled the lines drawn on every turn.
    """

    current: reactive[str | None] = reactive(None, init=False, repaint=False)


class WalkthroughScreen(HandsFreeReadingScreen):
    """Welcome, the steps, the visit, the course and the questions, paged in order.

    With a talk timer it is the counsellor's view: the same pages, plus the
    talk timer, the page's counsellor notes, and keys to jump to any step.
    Without one, no note is ever put in the widget tree. Which pages there are,
    and what each holds, comes from the one list of pages (``pages.py``).
    With a patient's session, Next from a page with a teach-back check not yet
    asked opens the check first (``check.py``); jumps and hands-free reading never do.
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

    AUTO_FOCUS = ""
    """Nothing takes the focus by itself (None would take the app's "*"): only a tap or Tab focuses a tick or a box."""

    page_index: reactive[int] = reactive(0, init=False, repaint=False)
    """Which page is showing, counting the welcome page as 0."""

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
        session: PatientSession | None = None,
        offer_follow: bool = False,
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
            session: The patient's session, whose teach-back checks this screen asks and notes; None asks none.
            offer_follow: The welcome page offers "Follow my counsellor" (a patient's own app).
        """
        super().__init__(words, clock)
        self.content = content
        self.session = session
        self.languages = dict(languages or {})
        self.offer_follow = offer_follow
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
        page = self._pages[index].build(
            PageMaterials(self.content, self.words, self.languages, self.session, self.offer_follow)
        )
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
        self._show_notes()
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

        The footer then lists only the keys that act here. While a text box has the
        focus, the keys it types in (space, n, p, the arrows, home) are for the box.
        """
        if action in TYPED_IN_A_BOX and isinstance(self.focused, Input):
            return False
        if action in ("back", "home"):
            return self.page_index > 0
        if action in ("next", "auto"):
            return self.page_index < self.page_count - 1
        if action == "jump":
            return self.counsellor and (not parameters or int(str(parameters[0])) <= len(self._digit_pages))
        return True

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A tap away from the text box being typed in lets go of it, so Back and its keys act again."""
        box = self.focused
        if isinstance(box, Input) and self.get_widget_at(event.screen_x, event.screen_y)[0] is not box:
            self.set_focus(None)

    def _show_notes(self) -> None:
        if self.counsellor:
            from ..widgets.counsellor import NotesPanel

            name = self._pages[self.page_index].name
            self.query_one(NotesPanel).show(self._pages[self.page_index].notes, self._check_answer(name))

    def _check_answer(self, page_name: str) -> CheckAnswer | None:
        """How the patient answered this page's check (None: it has none, or it was never asked)."""
        from .check import check_about

        return self.session.checks.get(check_about(page_name)) if self.session is not None else None

    def action_next(self) -> None:
        """Go to the next page, if there is one; first, the page's teach-back check if it has one not yet asked."""
        if self.page_index >= self.page_count - 1:
            return
        if self.session is not None:
            from ..over_the_walk import screen_id
            from .check import CheckScreen, check_about

            name, check = self._pages[self.page_index].name, self._pages[self.page_index].check
            if check is not None and check_about(name) not in self.session.checks:
                screen = CheckScreen(check, self.session.answer(check_about(name)), self.words)
                screen.id = screen_id("check")
                self.app.push_screen(screen, self._check_ended)
                return
        self.turn_page()

    def _check_ended(self, end: CheckEnd | None) -> None:
        if end == "next":
            self.turn_page()
        else:
            self.current_page.scroll_home(animate=False)  # to read the page again from its top
            self._show_notes()

    def turn_page(self) -> None:
        """Show the next page, if there is one (no check: hands-free reading turns pages this way too)."""
        if self.page_index < self.page_count - 1:
            self.page_index += 1

    def can_turn_page(self) -> bool:
        """Whether there is a page after this one."""
        return self.page_index < self.page_count - 1

    def reading_text(self) -> str:
        """All the text of the page on show (hands-free reading times the page by it)."""
        return " ".join(str(widget.render()) for widget in self.current_page.query(PlainText))

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
        scroll_by_key(self.current_page, key)
