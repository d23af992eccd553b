"""Translations for the blocks, with a fallback when the runtime has no i18n service.

Each block keeps its gettext catalogue (domain ``text``) in ``translations/<lang>/LC_MESSAGES``
next to its ``block.py`` (where Open edX's i18n service also looks); strings shared by both
blocks live in ``xblocks/common/translations``. Message ids are English.
"""
import functools
import gettext as gettext_module
import os

COMMON_DIR = os.path.join(os.path.dirname(__file__), "translations")
DOMAIN = "text"
#: Used when neither the runtime nor Django tells us the learner's language.
DEFAULT_LANGUAGE = "sv"


class Translator:
    """gettext/ngettext for one language, looked up in a chain of catalogue folders."""

    def __init__(self, language, catalogue_dirs):
        self.language = normalise_language(language)
        self._trans = _load(self.language, tuple(catalogue_dirs))

    def gettext(self, message):
        """Translate ``message``."""
        return self._trans.gettext(message)

    def ngettext(self, singular, plural, count):
        """Translate with plural forms."""
        return self._trans.ngettext(singular, plural, count)

    def pgettext(self, context, message):
        """Translate ``message`` in ``context``."""
        return self._trans.pgettext(context, message)


def normalise_language(language):
    """'sv-se' -> 'sv', 'en_US' -> 'en', None/'' -> DEFAULT_LANGUAGE."""
    if not language:
        return DEFAULT_LANGUAGE
    return language.replace("_", "-").split("-")[0].lower() or DEFAULT_LANGUAGE


@functools.lru_cache(maxsize=64)
def _load(language, catalogue_dirs):
    chain = gettext_module.NullTranslations()
    for directory in reversed(catalogue_dirs):
        trans = gettext_module.translation(DOMAIN, directory, [language], fallback=True)
        trans.add_fallback(chain)
        chain = trans
    return chain


def current_language(block):
    """The language to show ``block`` in: from the runtime's i18n service, else Django, else sv."""
    service = None
    try:
        service = block.runtime.service(block, "i18n")
    except Exception:  # pylint: disable=broad-exception-caught
        service = None  # the runtime has no i18n service, or the block did not declare it
    for source in (service, _django_translation()):
        getter = getattr(source, "get_language", None) if source is not None else None
        if getter is not None:
            try:
                language = getter()
            except Exception:  # pylint: disable=broad-exception-caught
                language = None  # Django imported but not configured
            if language:
                return language
    return DEFAULT_LANGUAGE


def _django_translation():
    try:
        from django.utils import translation  # pylint: disable=import-outside-toplevel
    except ImportError:
        return None
    return translation


def translator_for(block, block_dir):
    """A :class:`Translator` for ``block`` using its own catalogue in ``block_dir``, then the common one."""
    return Translator(current_language(block), (os.path.join(block_dir, "translations"), COMMON_DIR))
