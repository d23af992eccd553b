"""Error types shared by the models, the OLX readers and the handlers.

The models are pure Python and must not import Django or the XBlock runtime, so their errors
carry an *untranslated* message id plus parameters. The block layer translates them with the
learner's (or author's) catalogue at the moment they are shown.
"""


def N_(message):
    """Mark ``message`` for extraction into the gettext catalogue without translating it now."""
    return message


class TranslatableError(ValueError):
    """An error whose text is a gettext message id with ``str.format`` parameters."""

    def __init__(self, msgid, **params):
        super().__init__(msgid.format(**params) if params else msgid)
        self.msgid = msgid
        self.params = params

    def translate(self, gettext):
        """Return the message in the language of ``gettext`` (a callable msgid -> text)."""
        text = gettext(self.msgid)
        return text.format(**self.params) if self.params else text


class InputError(TranslatableError):
    """Bad input to a JSON handler: answered with HTTP 400 and no state change."""


class ContentError(TranslatableError):
    """Invalid block content (OLX or Studio form): names the element and attribute.

    ``location`` is a human-readable pointer such as ``reflection[2]/@time`` or
    ``step "beslut"``; it is shown before the message.
    """

    def __init__(self, msgid, location="", **params):
        super().__init__(msgid, **params)
        self.location = location

    def translate(self, gettext):
        text = super().translate(gettext)
        return "{}: {}".format(self.location, text) if self.location else text


class OlxError(ContentError):
    """An OLX document that cannot be read; names file, element and attribute."""

    def __init__(self, msgid, filename="", element="", attribute="", **params):
        where = filename or ""
        if element:
            where += ("/" if where else "") + "<{}>".format(element)
        if attribute:
            where += " @" + attribute
        super().__init__(msgid, location=where, **params)
        self.filename = filename
        self.element = element
        self.attribute = attribute
