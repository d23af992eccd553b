"""Reading stored fields defensively: whatever an older version or another path stored, the views,
the editor, the state handler and the report still work.

Handlers refuse bad input (:mod:`.handlers`), but a field may hold anything written before that
check existed, by a platform tool or by hand: a lone UTF-16 surrogate (which no UTF-8 page or
reply can carry), a value of the wrong type (which XBlock refuses to read), or a non-finite number
(which JSON cannot carry). :func:`read_field` returns the field's value made safe: text with lone
surrogates replaced by U+FFFD, values of the wrong type replaced by the field's default.
"""
import math

from xblock.fields import Boolean, Dict, Float, Integer, List, String

from .text import clean_text

#: Deeper stored structures are cut off (our own never go past 6 levels).
MAX_DEPTH = 32
_TYPES = ((Boolean, (bool,)), (Integer, (int,)), (Float, (int, float)), (String, (str,)), (List, (list,)),
          (Dict, (dict,)))


def scrub(value, depth=0):
    """A copy of the JSON-like ``value`` safe to render and to encode: see :func:`clean_text`;
    non-finite numbers become 0; anything that is not JSON (or deeper than :data:`MAX_DEPTH`) is None."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else 0.0
    if depth >= MAX_DEPTH:
        return None
    if isinstance(value, dict):
        return {clean_text(k): scrub(v, depth + 1) for k, v in value.items() if isinstance(k, str)}
    if isinstance(value, (list, tuple)):
        return [scrub(item, depth + 1) for item in value]
    return None


def _expected_types(field):
    for field_class, types in _TYPES:
        if isinstance(field, field_class):
            return types
    return None


def read_field(block, name):
    """``block.<name>`` made safe (see the module docstring); the default when unreadable or mistyped."""
    field = block.fields[name]
    try:
        value = getattr(block, name)
    except (TypeError, ValueError):
        return scrub(field.default)
    types = _expected_types(field)
    if value is not None and types and (not isinstance(value, types) or
                                        (isinstance(value, bool) and bool not in types)):
        return scrub(field.default)
    return scrub(value)
