"""The step list's markup, rendered once per content version, language, DOM id and audience.

The list (lanes, phases, steps, details) does not depend on the learner: their progress is applied
by the JavaScript from the state it is given. Many learners see the same content, so the markup is
kept in a small bounded cache; templates are compiled once (``common.fragments``). Timelines built from stored data are
cached the same way (read-only: callers that change one must copy it).
"""
import hashlib
import json
import os
from collections import OrderedDict

from django.template import Context

from ..common.fragments import compiled_template

from .timeline import from_dict

HERE = os.path.dirname(os.path.abspath(__file__))


class BoundedCache:
    """A tiny LRU mapping (``functools.lru_cache`` cannot take the unhashable view-model inputs)."""

    def __init__(self, size):
        self.size, self.items = size, OrderedDict()

    def get(self, key, make):
        if key in self.items:
            self.items.move_to_end(key)
            return self.items[key]
        value = self.items[key] = make()
        if len(self.items) > self.size:
            self.items.popitem(last=False)
        return value


_TIMELINES = BoundedCache(32)
_MARKUP = BoundedCache(64)


def clear_caches():
    """Forget cached markup and models (benchmarks measure the cold path with it)."""
    _TIMELINES.items.clear()
    _MARKUP.items.clear()


def template(name):
    """A compiled template from this block's ``templates/`` folder."""
    return compiled_template(HERE, name)


def content_key(data):
    """A short digest of stored timeline data (its version)."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def stored_timeline(data, key):
    """The :class:`Timeline` of stored data, shared while the data is unchanged (do not modify it)."""
    return _TIMELINES.get(key, lambda: from_dict(data))


def shared_markup(name, key, language, dom, author, build_context):
    """HTML of the learner-independent template ``name``; ``build_context()`` runs only when not cached.

    ``key`` None (a Studio draft) always renders anew.
    """
    def render():
        return template(name).render(Context(build_context(), autoescape=True))
    return render() if key is None else _MARKUP.get((name, key, language, dom, author), render)
