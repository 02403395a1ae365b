"""The compact summary as a QR code drawn in text: two modules a character, with ▀ ▄ █, dark on light.

Drawn in the terminal's own characters so a kiosk writes no image file. A
character cell is about twice as tall as it is wide, so one cell holds two
modules, one above the other, and each module comes out about square.
"""

from __future__ import annotations

QUIET_MODULES = 2
"""The light border around the code, in modules (readers need some; a phone camera reads it with two)."""

HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
"""The character for a cell by whether its upper and lower modules are dark (drawn in the dark colour)."""


def qr_matrix(text: str, *, quiet: int = QUIET_MODULES) -> list[list[bool]]:
    """The QR code of ``text`` (UTF-8, said so in an ECI header; error correction L or better), True for dark.

    segno picks the smallest version that holds the text, and raises the
    error correction as far as that version allows.
    """
    import segno  # only when a code is made

    # Without the ECI header a reader guesses the bytes' charset (zbar read "é" as Japanese).
    code = segno.make(text, error="L", boost_error=True, micro=False, encoding="utf-8", eci=True)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=quiet)]


def half_block_lines(matrix: list[list[bool]]) -> list[str]:
    """The modules two rows to a line of text, to be shown dark-on-light (an odd last row is paired with light)."""
    lines = []
    for top in range(0, len(matrix), 2):
        upper = matrix[top]
        lower = matrix[top + 1] if top + 1 < len(matrix) else [False] * len(upper)
        lines.append("".join(HALF_BLOCKS[pair] for pair in zip(upper, lower, strict=True)))
    return lines


def qr_lines(text: str) -> list[str]:
    """The QR code of ``text`` as lines of text, quiet zone included: every line as wide, in dark-on-light."""
    return half_block_lines(qr_matrix(text))
