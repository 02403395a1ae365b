"""Interface words (buttons, headings, help) per language.

Kept apart from the walkthrough content so that content files hold only what a
clinic writes, and the interface never falls back to hard-coded English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

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
        "key_language": "Change the language",
        "language_name": "English",
        "language_choice": "Language:",
        "footer.next": "Next",
        "footer.back": "Back",
        "footer.home": "Start",
        "footer.calm": "Breathe",
        "footer.auto": "Auto",
        "footer.jump": "Step",
        "footer.pick": "Step",
        "footer.language": "Language",
        "footer.faq": "Questions",
        "footer.help": "Help",
        "footer.toggle_contrast": "Contrast",
        "footer.quit": "Quit",
        "footer.overview": "Overview",
        "footer.hide_notes": "Hide notes",
        "footer.show_notes": "Show notes",
        "footer.talk_pause": "Timer",
        "footer.talk_reset": "Reset timer",
        "footer.staff": "Staff",
        "footer.cancel": "Cancel",
        "footer.dismiss": "Close",
        "footer.close": "Back",
        "footer.pause": "Pause",
        "footer.resume": "Go on",
        "footer.stop": "Stop",
        "footer.length": "Minutes",
        "footer.next_pattern": "Pattern",
        "footer.sound": "Bell",
        "reload_failed": "The new content has problems, so the last good version stays on screen:",
        "reload_done": "Content reloaded.",
        "keyname.space": "space",
        "keyname.home": "home",
        "keys.next": "→ space n",
        "keys.home": "home",
        "keys.scroll": "↑ ↓ PgUp PgDn",
    },
    "es": {
        "next": "Siguiente →",
        "back": "← Atrás",
        "help": "Ayuda ?",
        "start_again": "Volver a empezar",
        "contrast": "Alto contraste",
        "step_of": "Paso {number} de {total}",
        "may_feel": "Lo que puede sentir",
        "what_helps": "Lo que ayuda",
        "visit_timeline": "Su visita",
        "course_calendar": "Su tratamiento",
        "week": "Semana",
        "legend": "● un día con tratamiento   · un día sin él",
        "close": "Cerrar",
        "breathe": "Respirar",
        "auto": "Auto",
        "pause": "Pausa",
        "resume": "Seguir",
        "stop": "Parar",
        "again": "Otra vez",
        "back_to_walkthrough": "Volver a la guía",
        "minutes_button": "{minutes} min",
        "time_left": "Quedan {time}",
        "paused": "En pausa. Toque Seguir cuando quiera.",
        "sound_on": "Sonido sí",
        "sound_off": "Sonido no",
        "seconds_left": "{seconds}",
        "auto_next_in": "Siguiente página en {seconds} s",
        "key_breathe": "Respirar conmigo",
        "key_auto": "Pasar las páginas automáticamente",
        "after_treatment": "Después de cada tratamiento",
        "more_below": "↓ Hay más abajo",
        "help_title": "Cómo se usa",
        "help_intro": "Toque los botones de abajo, o use estas teclas:",
        "key_next": "Pantalla siguiente",
        "key_back": "Una pantalla atrás",
        "key_home": "Ir al principio",
        "key_contrast": "Contraste sí/no",
        "key_help": "Esta ayuda",
        "key_quit": "Salir",
        "key_scroll": "Mover el texto largo",
        "idle_title": "¿Sigue ahí?",
        "idle_body": "Si nadie toca la pantalla, volverá al principio para la próxima persona.",
        "idle_countdown": "Segundos que quedan: {seconds}",
        "still_here": "Sigo aquí",
        "staff_title": "Solo personal",
        "staff_prompt": "Escriba el PIN del personal y pulse Enter.",
        "staff_wrong": "Ese PIN no es correcto.\nIntentos que quedan: {tries}",
        "staff_locked": "Demasiados intentos.\nEspere, por favor. Segundos que quedan: {seconds}",
        "staff_exit": "Cerrar la aplicación",
        "cancel": "Cancelar",
        "fault_title": "Algo salió mal.",
        "fault_body": "Avise a alguien del personal, por favor.",
        "fault_back": "Volver al principio",
        "faq": "Preguntas",
        "faq_title": "Preguntas comunes",
        "key_faq": "Preguntas comunes",
        "overview_title": "Todas las pantallas",
        "overview_intro": "Elija una pantalla para ir a ella.",
        "notes_title": "Notas para el consejero (nunca se ven en modo paciente)",
        "faq_notes": "Notas para el consejero:",
        "notes_none": "No hay notas para esta pantalla.",
        "notes_hidden": "notas ocultas: h",
        "talk": "Charla {time}",
        "talk_paused": "Charla {time} (en pausa)",
        "key_jump": "Ir del paso 1 al 9",
        "key_overview": "Todas las pantallas",
        "key_notes": "Ocultar o mostrar las notas",
        "key_talk_pause": "Pausar o seguir el reloj de la charla",
        "key_talk_reset": "Reloj de la charla a 0:00",
        "key_language": "Cambiar el idioma",
        "language_name": "Español",
        "language_choice": "Idioma:",
        "footer.next": "Siguiente",
        "footer.back": "Atrás",
        "footer.home": "Al principio",
        "footer.calm": "Respirar",
        "footer.auto": "Auto",
        "footer.jump": "Paso",
        "footer.pick": "Paso",
        "footer.language": "Idioma",
        "footer.faq": "Preguntas",
        "footer.help": "Ayuda",
        "footer.toggle_contrast": "Contraste",
        "footer.quit": "Salir",
        "footer.overview": "Pantallas",
        "footer.hide_notes": "Ocultar notas",
        "footer.show_notes": "Ver notas",
        "footer.talk_pause": "Reloj",
        "footer.talk_reset": "Reloj a 0",
        "footer.staff": "Personal",
        "footer.cancel": "Cancelar",
        "footer.dismiss": "Cerrar",
        "footer.close": "Atrás",
        "footer.pause": "Pausa",
        "footer.resume": "Seguir",
        "footer.stop": "Parar",
        "footer.length": "Minutos",
        "footer.next_pattern": "Ritmo",
        "footer.sound": "Sonido",
        "reload_failed": "El contenido nuevo tiene problemas; sigue en pantalla la última versión buena:",
        "reload_done": "Contenido cargado de nuevo.",
        "keyname.space": "espacio",
        "keyname.home": "Inicio",
        "keys.next": "→ espacio n",
        "keys.home": "Inicio",
        "keys.scroll": "↑ ↓ RePág AvPág",
    },
}
"""Interface words by language code, then by name."""


def ui_text(language: str) -> Mapping[str, str]:
    """The interface words for ``language`` (``es`` for ``es-MX``), falling back to English for a language with none."""
    return UI_TEXT.get(language) or UI_TEXT.get(language.split("-")[0]) or UI_TEXT["en"]


def localize_bindings(node: DOMNode, words: Mapping[str, str]) -> None:
    """Give ``node``'s key bindings footer descriptions in the language of ``words``.

    Bindings are declared once, in English, on each class; a screen or app
    calls this with its own words so the footer never shows another language.
    """
    node._bindings = BindingsMap.from_keys(
        {
            key: [_localized(binding, words) for binding in bindings]
            for key, bindings in node._bindings.key_to_bindings.items()
        }
    )


def _localized(binding: Binding, words: Mapping[str, str]) -> Binding:
    """The binding with its footer words, and its key's name (space, home), in the language of ``words``."""
    description = words.get(footer_word(binding.action), binding.description)
    key_name = words.get(f"keyname.{binding.key}", binding.key_display)
    return replace(binding, description=description, key_display=key_name)


def footer_word(action: str) -> str:
    """The word table's name for an action's footer description.

    ``app.calm`` becomes ``footer.calm`` and ``jump(1)`` becomes ``footer.jump``.
    """
    return "footer." + action.rpartition(".")[2].partition("(")[0]
