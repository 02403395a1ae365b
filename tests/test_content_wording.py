"""The shipped words say what the source says: no phrase a clinical review flagged, and the facts it asked for.

A reviewer read both languages against the seed article and flagged wording
that says more than it (or alarms an anxious reader). Each phrase here was
once in the content; this keeps it out, in patient text and counsellor notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from walkthrough.content import bundled_content_dir, load_walkthrough

FLAGGED_EVERYWHERE = {
    "en": [
        "most reliable",  # the seed: the *more* reliable way to absorb it
        "quite suddenly",
        "new feelings",  # vague: the feeling of being apart from the body is what stops
        "slow breath",  # the seed never says breathing eases the IV
        "your arm",  # the seed does not say where the IV goes
        "come and go",
        "slowly",  # the seed does not say how fast the medicine goes in
        "are all common",  # the seed: *some* feel tingling or heavier
        "who will be with them",  # the seed does not say anyone must come
        # A second review (2026-11-29):
        "ask to stop at any time",  # the seed: the *infusion* can be stopped
        "until you feel ready",  # the seed: the team checks the patient is well enough to go home
        "before you go home",  # the same: no going home without that check
    ],
    "es": [
        "casi todos",  # "almost all": the seed says most
        "casi todas",
        "más segura",  # the seed says more reliable, not safer
        "a partir del segundo",  # "from the second on": the seed says within two
        "efectos deberían",  # the *side* effects fade, not the treatment
        "se marea",  # dizzy: stronger than faintness
        "mareo",
        "fuera de su cuerpo",  # out of the body: stronger than detached
        "fuera del cuerpo",
        "perder el equilibrio",  # losing balance: the seed says it may be impaired
        "perder un poco el equilibrio",
        "atontado",  # unkind slang
        "aturdido",  # assumes a man
        "hay quien",
        "respirar despacio",  # the seed never says breathing eases the IV
        "respire despacio",
        "brazo",
        "venga y se vaya",
        "poco a poco",
        "cosas comunes",
        "acompañará",
        # A second review (2026-11-29):
        "paren cuando quiera",  # the infusion is what can be stopped
        "hasta sentirse bien",  # the team checks, the patient does not decide
        "le dan miedo",  # "fear": stronger than nervous
        "ayuda. es mejor no hablar",  # the doctors' advice, not a rule
        "pareja",  # a breathing pattern called "Pareja" reads as "couple"
    ],
}
"""Phrases that must not appear anywhere in a language's content."""

FLAGGED_FOR_PATIENTS = {
    "en": ["bad trip", "party drug", "hallucinat"],
    "es": ["mal viaje", "droga de fiesta", "alucinac"],
}
"""Terms a counsellor may use in a talk but that stay out of what a patient reads."""

TREATMENT_IS_FOR = {"en": "treatment for depression", "es": "tratamiento para la depresión"}
RESEARCH_GOES_ON = {"en": "more research and testing", "es": "más estudios y pruebas"}
PARTY_DRUG_NOTE = {"en": "party drug", "es": "droga de fiesta"}


def _texts(data: Any, counsellor: bool = False) -> Iterator[tuple[bool, str]]:
    """Every string in the content, and whether it is a counsellor's note."""
    if isinstance(data, str):
        yield counsellor, data
    elif isinstance(data, (list, tuple)):
        for item in data:
            yield from _texts(item, counsellor)
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, counsellor or key == "counsellor_notes")


def _content(language: str) -> tuple[str, str]:
    """(patient text, counsellor notes) of the bundled walkthrough, lowercased, clinic values filled in."""
    walkthrough = load_walkthrough(bundled_content_dir(), language).walkthrough
    texts = list(_texts(walkthrough.model_dump()))
    patient = " ".join(text for notes, text in texts if not notes)
    notes = " ".join(text for notes, text in texts if notes)
    return re.sub(r"\s+", " ", patient).lower(), re.sub(r"\s+", " ", notes).lower()


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_flagged_phrase_anywhere(language: str) -> None:
    patient, notes = _content(language)
    found = [phrase for phrase in FLAGGED_EVERYWHERE[language] if phrase in patient or phrase in notes]
    assert not found


@pytest.mark.parametrize("language", ["en", "es"])
def test_alarming_terms_stay_in_counsellor_notes(language: str) -> None:
    patient, notes = _content(language)
    assert not [term for term in FLAGGED_FOR_PATIENTS[language] if term in patient]
    assert PARTY_DRUG_NOTE[language] in notes


@pytest.mark.parametrize("language", ["en", "es"])
def test_welcome_says_what_the_treatment_is_for(language: str) -> None:
    welcome = load_walkthrough(bundled_content_dir(), language).walkthrough.welcome
    assert TREATMENT_IS_FOR[language] in re.sub(r"\s+", " ", welcome.body).lower()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_counsellor_note_says_research_goes_on(language: str) -> None:
    _, notes = _content(language)
    assert RESEARCH_GOES_ON[language] in notes


def test_spanish_timeline_labels_are_all_nouns() -> None:
    visit = load_walkthrough(bundled_content_dir(), "es").walkthrough.visit
    assert [stop.label for stop in visit.timeline] == ["Llegada", "Vía", "Infusión", "Descanso", "A casa"]


ALARMING_IN_A_WRONG_CHOICE = {
    "en": ["danger", "unsafe", "harm", "pain", "hurt", "worse", "die", "emergency", "addict", "trip"],
    "es": ["peligr", "insegur", "daño", "dolor", "duele", "peor", "morir", "muert", "urgencia", "adicc", "viaje"],
}
"""Words a teach-back check's wrong choices must not hold: a wrong choice is plainly wrong, never frightening.

A patient reads every choice, and may pick a wrong one: none may put a fear
in their head that the page never takes away.
"""


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_wrong_choice_of_a_check_alarms(language: str) -> None:
    walkthrough = load_walkthrough(bundled_content_dir(), language).walkthrough
    checks = [step.check for step in walkthrough.steps] + [walkthrough.visit.check, walkthrough.course.check]
    wrong = [choice.lower() for check in checks if check for choice in check.choices if choice != check.answer]
    assert len(wrong) >= len(checks)  # every check has a wrong choice to look at
    assert not [(word, choice) for word in ALARMING_IN_A_WRONG_CHOICE[language] for choice in wrong if word in choice]
