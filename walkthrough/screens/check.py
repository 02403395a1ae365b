"""The teach-back check: one calm question after a page, with a kind re-explanation when it is needed.

Not a test (AHRQ's teach-back): no score, no red, never "wrong". A right
answer gets a warm word; a wrong one or "Not sure" gets the page's key
sentence in other words, then the choice to see the page again, to be asked
once more (the lit button), or to go on. Skip is always there. Only the
first answer counts as right or not, and the re-explanation is noted for
the counsellor's talk.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen

from ..stylesheets import stylesheet
from ..widgets.key_line import digit_range
from ..widgets.nav import TouchButton
from ..widgets.text import PlainText
from .page import scroll_by_key

if TYPE_CHECKING:
    from ..content.shapes import Check
    from ..session import CheckAnswer

CheckEnd = Literal["next", "stay"]
"""How a check ends: go on to the next page, or stay on the page to read it again."""

Stage = Literal["question", "right", "again", "thanks"]
"""What the check shows: the question, the warm word, the re-explanation, or thanks after a second try."""

STAGE_PARTS: dict[Stage, str] = {
    "question": "check-question-part",
    "right": "check-right-part",
    "again": "check-again-part",
    "thanks": "check-thanks-part",
}
"""The part of the panel (by id) that each stage shows; the others are hidden."""

MOVE_ON_KEYS = "right,space,n"
"""The walkthrough's Next keys: on a check they go on (skip), so a keyboard user is never held."""


def check_about(page_name: str) -> str:
    """What a page's check is about, as the session knows it: the step id (``step:iv`` -> ``iv``), or the page name."""
    return page_name.removeprefix("step:")


class CheckScreen(ModalScreen[CheckEnd]):
    """A quick check over the walkthrough; dismisses with "next" (go on) or "stay" (read the page again).

    Keys: 1-3 pick a choice, 0 "Not sure", esc (or the Next keys) skip;
    after a right answer the Next keys, enter or esc go on; with the
    re-explanation ← see the page again, a ask again, esc or → go on.
    """

    CSS_PATH = stylesheet("check.tcss")
    AUTO_FOCUS = ""  # nothing takes the focus (None would mean the app's "*"), so the keys below reach the screen

    BINDINGS = [
        *(Binding(str(number), f"pick({number})", "Pick", show=number == 1) for number in (1, 2, 3)),
        Binding("0", "not_sure", "Not sure"),
        Binding(f"escape,{MOVE_ON_KEYS}", "skip", "Skip", key_display="esc"),
        # Before go_on: with the re-explanation, enter asks again (the button it lights); else it goes on.
        Binding("a,enter", "ask_again", "Ask again"),
        Binding(f"{MOVE_ON_KEYS},enter,escape", "go_on", "Next", key_display="→"),
        Binding("left,p", "see_again", "See again", key_display="←"),
        *(Binding(key, f"scroll('{key}')", show=False) for key in ("up", "down", "pageup", "pagedown")),
    ]

    def __init__(self, check: Check, answer: CheckAnswer, words: Mapping[str, str]) -> None:
        """Ask ``check``, noting the patient's first answer (and any re-explanation) in ``answer``."""
        super().__init__()
        self.check = check
        self.answer = answer
        self.words = words
        self.stage: Stage = "question"
        """What the check shows now."""
        self.tries = 0
        """How many times the patient has answered (a second answer moves on, whatever it is)."""

    def compose(self) -> ComposeResult:
        """The panel: each stage's part (only the question shows at first) and a line of keys."""
        words = self.words
        with Vertical(id="check-panel"):
            with VerticalScroll(id="check-body", can_focus=False):
                with Vertical(id="check-question-part", classes="check-part"):
                    yield PlainText(words["check.title"], classes="heading")
                    yield PlainText(words["check.intro"], id="check-intro")
                    yield PlainText(self.check.question, id="check-question")
                    with Vertical(id="check-choices"):
                        for number, choice in enumerate(self.check.choices, 1):
                            yield TouchButton(
                                f"{number}  {choice}", f"screen.pick({number})", id=f"choice-{number}", classes="choice"
                            )
                    with Horizontal(classes="check-row"):
                        yield TouchButton(
                            words["check.not_sure"], "screen.not_sure", id="not-sure", classes="secondary"
                        )
                        yield TouchButton(words["check.skip"], "screen.skip", id="skip", classes="secondary")
                with Vertical(id="check-right-part", classes="check-part"):
                    yield PlainText(words["check.right"], classes="heading warm")
                    yield TouchButton(words["next"], "screen.go_on", id="right-next", classes="primary wide")
                with Vertical(id="check-again-part", classes="check-part"):
                    yield PlainText(words["check.again_title"], classes="heading")
                    yield PlainText(self.check.explain, id="check-explain")
                    with Horizontal(id="check-again-row", classes="check-row"):
                        yield TouchButton(
                            words["check.see_step"], "screen.see_again", id="see-again", classes="secondary"
                        )
                        yield TouchButton(
                            words["check.ask_again"], "screen.ask_again", id="ask-again", classes="primary"
                        )
                    # Going on is never forced to wait for a second try: a quiet button, as → does.
                    with Horizontal(id="check-go-on-row", classes="check-row"):
                        yield PlainText("", classes="check-row-gap")
                        yield TouchButton(words["check.go_on"], "screen.go_on", id="again-go-on", classes="secondary")
                with Vertical(id="check-thanks-part", classes="check-part"):
                    yield PlainText(words["check.thanks"], classes="heading warm")
                    yield TouchButton(words["next"], "screen.go_on", id="thanks-next", classes="primary wide")
            yield PlainText("", id="check-keys")

    def on_mount(self) -> None:
        """Show the question (the panel scrolls for the keys below and the wheel, but never takes the focus)."""
        self._show("question")

    def _show(self, stage: Stage) -> None:
        self.stage = stage
        for part_stage, part_id in STAGE_PARTS.items():
            self.query_one(f"#{part_id}").display = part_stage == stage
        keys = {
            "question": self.words["check.keys_question"].format(choices=digit_range(range(1, self._choices + 1))),
            "right": self.words["check.keys_next"],
            "again": self.words["check.keys_again"],
            "thanks": self.words["check.keys_next"],
        }[stage]
        self.query_one("#check-keys", PlainText).set_text(keys)
        self.query_one("#check-body", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    @property
    def _choices(self) -> int:
        return len(self.check.choices)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Each key acts only at its stage: the choices with the question, ← and a with the re-explanation."""
        if action == "pick":
            return self.stage == "question" and bool(parameters) and int(str(parameters[0])) <= self._choices
        if action in ("not_sure", "skip"):
            return self.stage == "question"
        if action == "go_on":
            return self.stage != "question"
        if action in ("see_again", "ask_again"):
            return self.stage == "again"
        return True

    def action_pick(self, number: int) -> None:
        """Answer with choice ``number`` (1 is the first)."""
        if self.stage == "question" and 1 <= number <= self._choices:
            self._answered(self.check.choices[number - 1] == self.check.answer)

    def action_not_sure(self) -> None:
        """Answer "Not sure": the re-explanation, as after any answer that was not the right one."""
        if self.stage == "question":
            self._answered(False)

    def _answered(self, right: bool) -> None:
        self.tries += 1
        if self.tries == 1:
            self.answer.first_right = right
        if right:
            self._show("right")
        elif self.tries == 1:
            self.answer.needed_again = True
            self._show("again")
        else:
            self._show("thanks")  # asked twice: move on kindly, the counsellor will go over it

    def action_skip(self) -> None:
        """Skip the check and go on to the next page (it is not asked again)."""
        if self.stage == "question":
            self.dismiss("next")

    def action_go_on(self) -> None:
        """Go on to the next page."""
        if self.stage != "question":
            self.dismiss("next")

    def action_see_again(self) -> None:
        """Close the check and read the page again."""
        if self.stage == "again":
            self.dismiss("stay")

    def action_ask_again(self) -> None:
        """The same question once more."""
        if self.stage == "again":
            self._show("question")

    def action_scroll(self, key: str) -> None:
        """Scroll a check too long for the screen: ↑ ↓ by a line, PgUp PgDn by a screen."""
        scroll_by_key(self.query_one("#check-body", VerticalScroll), key)
