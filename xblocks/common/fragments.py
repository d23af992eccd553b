"""One helper that builds the fragment for every view: template + CSS + JS + init data."""
import functools
import hashlib
import os
import re

from django.template import Context, Engine
from web_fragments.fragment import Fragment

#: JSON handler calls with the CSRF header, shared by both blocks' scripts (absolute path, so it
#: can stand in any block's ``js`` list).
HTTP_JS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static", "js", "bemotande_http.js")

# A standalone engine: works without Django settings (unit tests, ToyRuntime) and autoescapes.
_ENGINE = Engine(debug=False, autoescape=True, string_if_invalid="")


def read_resource(block_dir, relative_path):
    """Text of a file shipped inside the package (templates, CSS, JS); absolute paths are read as they are."""
    with open(os.path.join(block_dir, relative_path), encoding="utf-8") as handle:
        return handle.read()


@functools.lru_cache(maxsize=32)
def compiled_template(block_dir, template):
    """``templates/<template>`` from ``block_dir``, compiled once per process."""
    return _ENGINE.from_string(read_resource(block_dir, os.path.join("templates", template)))


def render_template(block_dir, template, context):
    """Render ``templates/<template>`` from ``block_dir`` with autoescaping.

    ``context`` is a prepared view model: plain values and already-translated strings, never
    the block itself.
    """
    return compiled_template(block_dir, template).render(Context(context, autoescape=True))


def build_fragment(block_dir, template, context, css=(), js=(), js_class=None, init=None, client_key=None):
    """Return a :class:`Fragment` for a view.

    ``template`` None means ``context`` is the view's finished HTML (written and escaped by the caller).
    ``css`` and ``js`` are paths relative to ``block_dir`` (inlined, so the block works in any
    runtime with no extra URL routes); ``init`` is the JSON-serialisable data passed to the
    JavaScript initialiser ``js_class``, plus ``client_key`` as ``init["client"]`` where given.
    """
    frag = Fragment(context if template is None else render_template(block_dir, template, context))
    for path in css:
        frag.add_css(read_resource(block_dir, path))
    for path in js:
        frag.add_javascript(read_resource(block_dir, path))
    if js_class:
        init = dict(init or {})
        if client_key:
            init["client"] = client_key
        frag.initialize_js(js_class, init)
    return frag


def client_key(block):
    """A key for this block instance and learner in the browser (hex, reveals neither).

    ``HTTP_JS`` names its request queue, its cross-tab lock and the learner text it keeps in
    localStorage after it, so two learners sharing a browser, or two blocks on a page, never share them.
    """
    ids = block.scope_ids
    raw = "{}\n{}".format(getattr(ids, "usage_id", "") or id(block), getattr(ids, "user_id", "") or "")
    return hashlib.sha1(raw.encode("utf-8"), usedforsecurity=False).hexdigest()[:20]


def dom_id(block, prefix):
    """A short id, unique per block instance and stable across renders, safe in HTML ids."""
    usage = str(getattr(block.scope_ids, "usage_id", "") or id(block))
    digest = hashlib.sha1(usage.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]
    return "{}-{}".format(re.sub(r"[^a-z0-9-]", "", prefix.lower()) or "xb", digest)
