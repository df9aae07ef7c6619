"""The core's message codes in the interface language (Qt Linguist, context ``Messages``).

The catalogue is :mod:`courtapp.core.domain.messages`; ``tools/i18n.py update``
writes each English template into the ``.ts`` file with the catalogue's
Chinese, so the GUI and the command line always say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from courtapp.core.domain import messages
from courtapp.core.domain.messages import Message

CONTEXT = "Messages"


def _template(code: str) -> str | None:
    pair = messages.CATALOGUE.get(code)
    return None if pair is None else QCoreApplication.translate(CONTEXT, pair[0])


def render(code: str, params: Mapping[str, object]) -> str:
    """The text of ``code`` with ``params``, translated; an unknown code shows as itself."""
    template = _template(code)
    if template is None:
        return messages.render(code, params)
    out = []
    for literal, name, spec, value in _fields(template, params):
        out.append(literal)
        if name is None:
            continue
        if spec == "msg" and isinstance(value, str):
            out.append(render(value, {}))
        else:
            out.append("" if value is None else str(value))
    return "".join(out)


def _fields(template: str, params: Mapping[str, object]
            ) -> list[tuple[str, str | None, str, object]]:
    import string

    return [(lit, name, spec or "", params.get(name, "") if name else None)
            for lit, name, spec, _ in string.Formatter().parse(template)]


def message_text(message: Message) -> str:
    return render(message.code, message.params)
