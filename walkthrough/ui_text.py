"""Interface words (buttons, headings, help) per language.

Kept apart from the walkthrough content so that content files hold only what a
clinic writes, and the interface never falls back to hard-coded English.
"""

from __future__ import annotations

from collections.abc import Mapping

UI_TEXT: Mapping[str, Mapping[str, str]] = {
    "en": {
        "next": "Next →",
        "back": "← Back",
        "help": "Help ?",
        "start_again": "Start again",
        "contrast": "High contrast",
        "step_of": "Step {number} of {total}",
        "may_feel": "What you may feel",
        "what_helps": "What helps",
        "visit_timeline": "Your visit",
        "course_calendar": "Your course",
        "week": "Week",
        "legend": "● a treatment day   · a day without one",
        "close": "Close",
        "breathe": "Breathe",
        "auto": "Auto",
        "pause": "Pause",
        "resume": "Go on",
        "stop": "Stop",
        "again": "Again",
        "back_to_walkthrough": "Back to the walkthrough",
        "minutes_button": "{minutes} min",
        "time_left": "{time} left",
        "paused": "Paused. Tap Go on when you are ready.",
        "sound_on": "Bell on",
        "sound_off": "Bell off",
        "seconds_left": "{seconds}",
        "auto_next_in": "Next page in {seconds} s",
        "key_breathe": "Breathe with me",
        "key_auto": "Turn pages for me",
        "after_treatment": "After each treatment",
        "more_below": "↓ More below",
        "help_title": "How to use this",
        "help_intro": "Tap the buttons at the bottom, or use these keys:",
        "key_next": "Next screen",
        "key_back": "Back one screen",
        "key_home": "Go to the start",
        "key_contrast": "Contrast on/off",
        "key_help": "This help",
        "key_quit": "Quit",
        "key_scroll": "Scroll long text",
        "idle_title": "Are you still here?",
        "idle_body": "If no one taps, this will go back to the start for the next person.",
        "idle_countdown": "Seconds left: {seconds}",
        "still_here": "I'm still here",
        "staff_title": "Staff only",
        "staff_prompt": "Type the staff PIN, then press Enter.",
        "staff_wrong": "That PIN is not right.\nTries left: {tries}",
        "staff_locked": "Too many tries.\nPlease wait. Seconds left: {seconds}",
        "staff_exit": "Close the app",
        "cancel": "Cancel",
        "fault_title": "Something went wrong.",
        "fault_body": "Please tell a member of staff.",
        "fault_back": "Back to the start",
        "faq": "Questions",
        "faq_title": "Common questions",
        "key_faq": "Common questions",
        "overview_title": "All screens",
        "overview_intro": "Pick a screen to go to it.",
        "notes_title": "Counsellor notes (never shown in patient mode)",
        "faq_notes": "Counsellor notes:",
        "notes_none": "No notes for this screen.",
        "notes_hidden": "notes hidden: h",
        "talk": "Talk {time}",
        "talk_paused": "Talk {time} (paused)",
        "key_jump": "Go to step 1 to 9",
        "key_overview": "All screens",
        "key_notes": "Hide or show the notes",
        "key_talk_pause": "Pause or go on with the talk timer",
        "key_talk_reset": "Talk timer back to 0:00",
    },
}
"""Interface words by language code, then by name."""


def ui_text(language: str) -> Mapping[str, str]:
    """The interface words for ``language``, falling back to English for a language with none."""
    return UI_TEXT.get(language, UI_TEXT["en"])
