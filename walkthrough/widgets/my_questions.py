"""The widgets of "my questions": buttons that take the keyboard, a tick per question, and a box to type one in."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Input

from ..content.sanitize import clean_text, one_line
from ..session import OWN_QUESTION_CHARACTERS
from .nav import TouchButton
from .text import BulletList, plain

TICKED = "[✓] "
"""What starts a ticked question: the state shows in the text, not in its colour alone."""

UNTICKED = "[ ] "
"""What starts a question not ticked (as wide as TICKED, so the words do not move)."""


class KeyButton(TouchButton):
    """A TouchButton that also takes the keyboard focus (Tab), and presses with Enter or Space.

    Only for buttons inside a page the patient fills in (ticks, Add, Remove):
    the walkthrough's own buttons never take the focus (see TouchButton).
    """

    can_focus = True
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "press_button", show=False)]

    def action_press_button(self) -> None:
        """Enter or Space on the focused button presses it, as a tap does."""
        self.press()


class TickBox(KeyButton):
    """One of the content's questions, ticked or not: ``[✓]`` or ``[ ]`` before it, wrapped under its words."""

    def __init__(self, text: str, action: str, *, ticked: bool, id: str) -> None:
        """A tick for ``text``, running ``action`` when tapped or pressed (the page then sets :attr:`ticked`)."""
        self.text = text
        super().__init__(self._label(ticked), action, id=id, classes="tick")
        self.ticked = ticked
        self.styles.line_pad = 0  # the label is wrapped here, to the width it has: no padding added to each line

    def _label(self, ticked: bool) -> str:
        return (TICKED if ticked else UNTICKED) + self.text

    @property
    def ticked(self) -> bool:
        """Whether the question is ticked (it shows ``[✓]`` and the chosen look)."""
        return self.has_class("-chosen")

    @ticked.setter
    def ticked(self, ticked: bool) -> None:
        self.set_class(ticked, "-chosen")
        self.label = plain(self._label(ticked))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The whole label on one line, if the page has room."""
        return self.label.cell_length + 2

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the label takes, wrapped to ``width``."""
        return len(self._wrapped(width))

    def render(self) -> Content:
        """The label, its wrapped lines starting under the words (not under the tick)."""
        return Content("\n").join(self._wrapped(self.content_size.width))

    def _wrapped(self, width: int) -> list[Content]:
        indent = len(UNTICKED)
        if width <= indent + 1:
            return [self.label]
        lines = plain(self.text).wrap(width - indent)
        mark = Content(TICKED if self.ticked else UNTICKED)
        return [mark + lines[0], *(Content(" " * indent) + line for line in lines[1:])]


def cut_at_word(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at the last space if one is in its second half."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return cut[:space].rstrip() if space > limit // 2 else cut


def cleaned_question(text: str, limit: int = OWN_QUESTION_CHARACTERS) -> str:
    """Typed or pasted text made safe to keep and show: no control characters, one line, cut to ``limit``."""
    return cut_at_word(" ".join(one_line(clean_text(text)).split()), limit)


class QuestionInput(Input):
    """The box a patient types a question of their own in: plain text, one line, at most OWN_QUESTION_CHARACTERS.

    Text shows exactly as typed (an Input never reads markup). A paste is
    cleaned of control characters and cut to the room left, never refused
    whole (Textual's own paste drops a paste that would pass max_length).
    Escape leaves the box, so the walkthrough's keys act again.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", show=False)]

    def __init__(self, placeholder: str, *, id: str) -> None:
        super().__init__(placeholder=placeholder, max_length=OWN_QUESTION_CHARACTERS, id=id)

    def on_paste(self, event: events.Paste) -> None:
        """Insert the pasted text, cleaned and cut to fit, in place of Input's own paste."""
        event.prevent_default()
        event.stop()
        self.insert_cleaned(event.text)

    def action_paste(self) -> None:
        """Ctrl+V: the app's clipboard, cleaned and cut to fit like a paste."""
        self.insert_cleaned(self.app.clipboard)

    def insert_cleaned(self, text: str) -> None:
        """Put ``text`` in at the cursor (over any selection): cleaned, on one line, cut to the room left."""
        start, end = sorted(self.selection)
        room = OWN_QUESTION_CHARACTERS - (len(self.value) - (end - start))
        text = cleaned_question(text, limit=max(0, room)) if room > 0 else ""
        if text:
            self.replace(text, start, end)

    def action_leave(self) -> None:
        """Escape: the box lets go of the keyboard."""
        self.screen.set_focus(None)


class QuestionEntry(Horizontal):
    """The box to type a question of one's own in, and its Add button (Enter in the box adds too)."""

    class Added(Message):
        """The patient asked to add the text in the box (not yet cleaned)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text
            """What the box held, as typed."""

    def __init__(self, placeholder: str, add: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.placeholder = placeholder
        self.add_label = add

    def compose(self) -> ComposeResult:
        """The box and the Add button."""
        yield QuestionInput(self.placeholder, id="own-question")
        yield KeyButton(self.add_label, "add", id="add-question", classes="secondary")

    @property
    def box(self) -> QuestionInput:
        """The box typed in."""
        return self.query_one(QuestionInput)

    def action_add(self) -> None:
        """The Add button: ask the page to add what the box holds."""
        self.post_message(self.Added(self.box.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the box adds, as the Add button does."""
        event.stop()
        self.post_message(self.Added(event.value))

    def set_full(self, full: bool, placeholder: str) -> None:
        """At the most questions allowed, the box and the button rest, and the box says why."""
        box = self.box
        box.placeholder = placeholder
        box.disabled = full
        self.query_one("#add-question", KeyButton).disabled = full


class OwnQuestionRow(Horizontal):
    """One question the patient typed, shown exactly as typed, with a button to remove it."""

    class Removed(Message):
        """The patient asked to remove their question at ``index``."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index
            """Its place among the patient's questions."""

    def __init__(self, text: str, index: int, remove: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.text = text
        self.index = index
        self.remove_label = remove

    def compose(self) -> ComposeResult:
        """The question (literal text) and its Remove button."""
        yield BulletList((self.text,), classes="own-text")
        yield KeyButton(self.remove_label, "remove", id=f"remove-{self.index}", classes="secondary")

    def action_remove(self) -> None:
        """The Remove button: ask the page to remove this question."""
        self.post_message(self.Removed(self.index))
