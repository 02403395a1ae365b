"""The one list of pages: every kind of page the walkthrough shows, in order, and all that is worked out from it.

Each entry of :data:`PAGE_KINDS` says, for each page of its kind, how it is
named (the same in every language, so a language switch keeps the page), how
it is built, its counsellor notes, its entry in the counsellor's overview and
its teach-back check.
The walkthrough screen, the overview and the app derive everything from this
list, so a new kind of page is one entry here plus its page class.

Each kind imports its page class only when it first builds a page: only the
welcome page is built before the first frame, so only its module is loaded
then (the rest follow straight after the first frame).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..session import PatientSession

if TYPE_CHECKING:
    from ..content.records import LoadedWalkthrough
    from ..content.shapes import Check, Course, Questions, Step, Visit, Walkthrough, Welcome
    from .page import Page

Part = TypeVar("Part")
"""The piece of content one page shows (the welcome, a step, the visit...)."""


# Plain classes, not NamedTuples: this is loaded before the first frame, and making a NamedTuple costs ~0.13 ms.
class PageMaterials:
    """What building a page may use: the content, the interface words, the languages on offer (code to name),
    and the patient's session (which the questions page fills in; a new one when none is given)."""

    __slots__ = ("content", "languages", "offer_follow", "session", "words")

    def __init__(
        self,
        content: LoadedWalkthrough,
        words: Mapping[str, str],
        languages: Mapping[str, str],
        session: PatientSession | None = None,
        offer_follow: bool = False,
    ) -> None:
        self.content = content
        self.words = words
        self.languages = languages
        self.session = session if session is not None else PatientSession()
        self.offer_follow = offer_follow
        """The welcome page offers "Follow my counsellor"."""


class PlannedPage:
    """One page of a walkthrough, not yet built: its name, counsellor notes, overview entry and how to build it."""

    __slots__ = ("build", "check", "digit_key", "name", "notes", "summary", "title")

    def __init__(
        self,
        name: str,
        notes: tuple[str, ...],
        title: str,
        summary: str,
        build: Callable[[PageMaterials], Page],
        digit_key: bool,
        check: Check | None = None,
    ) -> None:
        self.name = name
        """The page's name, the same in every language: ``welcome``, ``step:iv``, ``visit``..."""
        self.notes = notes
        """The counsellor's notes for the page (none is fine)."""
        self.title = title
        """The page's title in the counsellor's overview."""
        self.summary = summary
        """The one line under the title in the overview ("" for none)."""
        self.build = build
        """Build the page (not yet mounted), importing its page class the first time."""
        self.digit_key = digit_key
        """Whether the counsellor's digit keys reach this page (the steps: 1 is the first step)."""
        self.check = check
        """The teach-back check asked when a patient moves on from this page (None: no check)."""


class PageKind(Generic[Part]):
    """One kind of page: where its parts come from and, for each part, its name, page, notes and overview entry.

    A kind makes one page for each part (the steps kind one page per step).
    ``number`` counts the parts of the kind from 1.
    """

    def __init__(
        self,
        *,
        parts: Callable[[Walkthrough], Sequence[Part]],
        name: Callable[[Part], str],
        build: Callable[[Part, int, PageMaterials], Page],
        notes: Callable[[Part], Sequence[str]],
        entry: Callable[[Part, int], tuple[str, str]],
        digit_keys: bool = False,
        check: Callable[[Part], Check | None] = lambda _part: None,
    ) -> None:
        """A kind of page.

        Args:
            parts: The parts of a walkthrough that each make one page of this kind.
            name: A part's page name, the same in every language.
            build: A part's page (given the part, its number and the materials); import the page class inside.
            notes: A part's counsellor notes.
            entry: A part's (title, one-line summary) in the counsellor's overview, given the part and its number.
            digit_keys: The counsellor's digit keys 1-9 jump to this kind's pages.
            check: A part's teach-back check, asked when the patient moves on from its page (None: none).
        """
        self.parts = parts
        self.name = name
        self.build = build
        self.notes = notes
        self.entry = entry
        self.digit_keys = digit_keys
        self.check = check

    def plan(self, walkthrough: Walkthrough) -> list[PlannedPage]:
        """This kind's pages of ``walkthrough``, in order."""
        planned = []
        for number, part in enumerate(self.parts(walkthrough), 1):
            title, summary = self.entry(part, number)
            build = partial(self.build, part, number)
            planned.append(
                PlannedPage(
                    self.name(part), tuple(self.notes(part)), title, summary, build, self.digit_keys, self.check(part)
                )
            )
        return planned


def _welcome_page(welcome: Welcome, _number: int, materials: PageMaterials) -> Page:
    from .welcome import WelcomePage

    return WelcomePage(
        welcome,
        materials.words,
        materials.languages,
        materials.content.language,
        offer_follow=materials.offer_follow,
    )


def _step_page(step: Step, number: int, materials: PageMaterials) -> Page:
    from .step import StepPage

    return StepPage(step, number, len(materials.content.walkthrough.steps), materials.words)


def _visit_page(visit: Visit, _number: int, materials: PageMaterials) -> Page:
    from .timeline import VisitPage

    return VisitPage(visit, materials.words)


def _course_page(course: Course, _number: int, materials: PageMaterials) -> Page:
    from .timeline import CoursePage

    return CoursePage(course, materials.content.clinic, materials.words)


def _questions_page(questions: Questions, _number: int, materials: PageMaterials) -> Page:
    from .questions import QuestionsPage

    return QuestionsPage(questions, materials.words, materials.session)


PAGE_KINDS: list[PageKind[Any]] = [
    PageKind(
        parts=lambda walkthrough: (walkthrough.welcome,),
        name=lambda _welcome: "welcome",
        build=_welcome_page,
        notes=lambda welcome: welcome.counsellor_notes,
        entry=lambda welcome, _number: (welcome.title, ""),
    ),
    PageKind(
        parts=lambda walkthrough: walkthrough.steps,
        name=lambda step: f"step:{step.id}",
        build=_step_page,
        notes=lambda step: step.counsellor_notes,
        entry=lambda step, number: (f"{number}  {step.title}", step.summary),
        digit_keys=True,
        check=lambda step: step.check,
    ),
    PageKind(
        parts=lambda walkthrough: (walkthrough.visit,),
        name=lambda _visit: "visit",
        build=_visit_page,
        notes=lambda visit: visit.counsellor_notes,
        entry=lambda visit, _number: (visit.title, visit.summary),
        check=lambda visit: visit.check,
    ),
    PageKind(
        parts=lambda walkthrough: (walkthrough.course,),
        name=lambda _course: "course",
        build=_course_page,
        notes=lambda course: course.counsellor_notes,
        entry=lambda course, _number: (course.title, course.summary),
        check=lambda course: course.check,
    ),
    PageKind(
        parts=lambda walkthrough: (walkthrough.questions,),
        name=lambda _questions: "questions",
        build=_questions_page,
        notes=lambda questions: questions.counsellor_notes,
        entry=lambda questions, _number: (questions.title, questions.summary),
    ),
]
"""Every kind of page, in the order the walkthrough shows them: the welcome page is first and the questions last."""


def planned_pages(walkthrough: Walkthrough) -> list[PlannedPage]:
    """Every page of ``walkthrough``, in order (page index 0 is the first), none built yet."""
    return [page for kind in PAGE_KINDS for page in kind.plan(walkthrough)]


def page_names(walkthrough: Walkthrough) -> list[str]:
    """A name for each page, in order, the same in every language: ``welcome``, ``step:iv``, …, ``questions``."""
    return [page.name for page in planned_pages(walkthrough)]


def page_notes(walkthrough: Walkthrough) -> list[tuple[str, ...]]:
    """The counsellor notes of every page, in page order."""
    return [page.notes for page in planned_pages(walkthrough)]


def page_entries(walkthrough: Walkthrough) -> list[tuple[str, str]]:
    """(title, one-line summary) of every page, in page order, for the counsellor's overview."""
    return [(page.title, page.summary) for page in planned_pages(walkthrough)]


def digit_pages(walkthrough: Walkthrough) -> list[int]:
    """The page index each of the counsellor's digit keys shows: the first for 1, and so on (the steps)."""
    return [index for index, page in enumerate(planned_pages(walkthrough)) if page.digit_key]


def page_checks(walkthrough: Walkthrough) -> dict[str, Check]:
    """Each page's teach-back check by page name (``step:iv``, ``visit``, ``course``); pages without one left out."""
    return {page.name: page.check for page in planned_pages(walkthrough) if page.check is not None}


def page_index_of(walkthrough: Walkthrough, name: str, fallback: int = 0) -> int:
    """The index of the page called ``name`` in ``walkthrough``, or ``fallback`` when it has none by that name.

    With a page's name from one language, this finds the same page in another
    (or in content changed since): the same step by its id, never another step by mistake.
    """
    names = page_names(walkthrough)
    return names.index(name) if name in names else fallback
