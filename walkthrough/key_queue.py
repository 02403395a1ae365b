"""Keys typed while the app swaps one screen stack for another, held and then applied in order.

A language switch replaces every screen (see ``WalkthroughApp.replace_session``),
and the swap runs from the app's queue, after the key that asked for it. Keys
already on their way would act on the screens being thrown away: ``l`` then
``b``, typed together, opened calming mode on the old stack, which the swap
then dropped with it. Held here instead, they act on the new screens, in the
order they were typed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import events


class KeyQueue:
    """Holds keys from the moment a swap is asked for until the new screens are up."""

    def __init__(self) -> None:
        self._held: list[events.Key] | None = None

    @property
    def holding(self) -> bool:
        """Whether keys are held now."""
        return self._held is not None

    def hold(self) -> None:
        """Hold every key from now on (until :meth:`release`)."""
        if self._held is None:
            self._held = []

    def take(self, event: events.Event) -> bool:
        """Keep ``event`` for later if it is a key and keys are held; whether it was kept."""
        if self._held is None or not isinstance(event, events.Key):
            return False
        self._held.append(event)
        return True

    async def release(self, dispatch: Callable[[events.Key], Awaitable[object]]) -> None:
        """Stop holding and hand each held key to ``dispatch``, in order.

        Each goes in as a key just typed, so it takes the whole way a key
        takes (priority keys, the focused widget, the screen, the app's keys),
        on the new screens; a key already on its way to an old screen when it
        was held would otherwise skip the new screen's own handling. A key
        that asks for another swap (``l`` twice) holds the keys after it again,
        for the next release.
        """
        held, self._held = self._held or [], None
        while held:
            if self._held is not None:
                self._held[:0] = held
                return
            event = held.pop(0)
            await dispatch(events.Key(event.key, event.character))
