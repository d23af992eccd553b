"""The step list's markup, rendered once per content version, language, DOM id and audience.

The list (phase navigation, phases, steps, details) does not depend on the learner: their progress is
applied by the JavaScript from the state it is given. Many learners see the same content, so the markup
is kept in a small bounded cache; templates are compiled once (``common.fragments``). Timelines built
from stored data are cached the same way (read-only: callers that change one must copy it).

The step list and the quizzes are written by :func:`steps_markup` and :func:`quizzes_markup` rather
than Django templates: they are the largest part of the page (every step's details for both
perspectives, every actor as an option of every "who is responsible?" item), and the template engine
took about four times DnDv2's whole render to write them. Every value is escaped here with :func:`html.escape`
(quotes too); the only markup passed through is author HTML that :mod:`.viewmodel` has sanitised.
"""
import hashlib
import json
import os
from collections import OrderedDict
from html import escape

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
    """HTML of the learner-independent part ``name`` (``"steps"``, ``"quizzes"``: see ``BUILDERS``; else a template);
    ``build_context()`` runs only when not cached. ``key`` None (a Studio draft) always renders anew.
    """
    def render():
        if name in BUILDERS:
            return BUILDERS[name](build_context())
        return template(name).render(Context(build_context(), autoescape=True))
    return render() if key is None else _MARKUP.get((name, key, language, dom, author), render)


def _lang(lang):
    return ' lang="{}"'.format(escape(lang)) if lang else ""


def steps_markup(view):
    """HTML of the step list from :func:`.viewmodel.steps_view`'s context (phase navigation and phases)."""
    t, lang = {k: escape(v) for k, v in view["t"].items()}, _lang(view["lang"])
    out = ['<nav class="at-phasenav" aria-label="{}"><ol class="at-phasenav-list">'.format(t["phases"])]
    for phase in view["phases"]:
        out.append('<li><button type="button" class="at-phase-link" data-phase="{dom}"><span class="at-pl-n" '
                   'aria-hidden="true">{n}</span><span class="at-pl-title"{lang}>{title}</span> '
                   '<span class="at-pl-count">{count}</span></button></li>'.format(
                       dom=phase["dom"], n=phase["n"], lang=lang, title=escape(phase["title"]),
                       count=escape(phase["count"])))
    out.append('</ol></nav><ol class="at-phases" aria-label="{}">'.format(t["steps"]))
    for phase in view["phases"]:
        out.append('<li class="at-phase" data-phase="{dom}"><h3 class="at-phase-title" id="{dom}" tabindex="-1">'
                   '<span class="at-phase-n" aria-hidden="true">{n}</span> <span{lang}>{title}</span></h3>'
                   '<ol class="at-steps" aria-labelledby="{dom}">'.format(dom=phase["dom"], n=phase["n"], lang=lang,
                                                                          title=escape(phase["title"])))
        out.extend(_step_markup(step, t, lang) for step in phase["steps"])
        out.append("</ol></li>")
    out.append("</ol>")
    return "".join(out)


def _step_markup(s, t, lang):
    title = escape(s["title"])
    out = ['<li class="at-step" id="{dom}" value="{n}" data-step="{id}" data-actors="{actors}" data-paths="{paths}" '
           'style="--c:{colour}"><div class="at-card"><h4 class="at-step-h"><button type="button" class="at-step-btn" '
           'id="{button}" aria-expanded="false" aria-controls="{dom}-d"><span class="at-num" aria-hidden="true">{n}'
           '</span><span class="at-step-title"{lang}>{title}</span><span class="at-seen-mark" hidden><span '
           'aria-hidden="true">✓</span><span class="at-sr">, {seen}</span></span></button></h4>'.format(
               dom=s["dom"], n=s["n"], id=escape(s["id"]), actors=escape(s["actors"]), paths=escape(s["paths"]),
               colour=escape(s["colour"]), button=s["button"], lang=lang, title=title, seen=t["seen"])]
    meta = []
    if s["when"]:
        meta.append('<span class="at-when"><span class="at-sr">{} </span><span{}>{}</span></span>'.format(
            t["when"], lang, escape(s["when"])))
    if s["since"]:
        meta.append('<span class="at-badge">{}</span>'.format(escape(s["since"])))
    if s["outcomes"]:
        meta.append('<span class="at-branch"><span aria-hidden="true">◆ </span>{}</span>'.format(t["branch"]))
    if meta:
        out.append('<p class="at-meta">{}</p>'.format(" ".join(meta)))
    if s["chips"]:
        out.append('<ul class="at-chips" aria-label="{}">'.format(t["chips"]))
        for chip in s["chips"]:
            out.append('<li class="at-chip{main}" data-actor="{id}" style="--c:{colour}"><span{lang}>{name}</span>{sr}'
                       '</li>'.format(main=" at-chip-main" if chip["main"] else "", id=escape(chip["id"]),
                                      colour=escape(chip["colour"]), lang=lang, name=escape(chip["name"]),
                                      sr='<span class="at-sr"> ({})</span>'.format(t["main"]) if chip["main"] else ""))
        out.append("</ul>")
    out.append("</div>")
    out.append(_details_markup(s, t, lang, title))
    out.append("</li>")
    return "".join(out)


def _details_markup(s, t, lang, title):
    d = s["dom"]
    out = ['<div class="at-details" id="{d}-d" role="region" aria-labelledby="{b}" hidden>'
           '<fieldset class="at-persp"><legend>{persp}</legend>'
           '<span class="at-radio"><input type="radio" id="{d}-pa" name="{d}-p" value="authority" checked>'
           '<label for="{d}-pa">{auth}</label></span>'
           '<span class="at-radio"><input type="radio" id="{d}-ps" name="{d}-p" value="seeker">'
           '<label for="{d}-ps">{seeker}</label></span></fieldset>'.format(
               d=d, b=s["button"], persp=t["perspective"], auth=t["authority"], seeker=t["seeker"])]
    for view, heading, html in (("authority", t["authority_h"], s["description"]),
                                ("seeker", t["seeker_h"], s["seeker"])):
        out.append('<div class="at-view at-view-{}"><h5>{}</h5><div class="at-text"{}>{}</div></div>'.format(
            view, heading, lang, html or "<p>{}</p>".format(t["nothing"])))  # html: sanitised in viewmodel
    if s["outcomes"]:
        out.append('<h5>{}</h5><ul class="at-outcomes">'.format(t["outcomes"]))
        for o in s["outcomes"]:
            label = escape(o["label"]) + ": " if o["label"] else ""
            out.append('<li><button type="button" class="at-goto" data-target="{}"><span{}>{}{}</span>'
                       '<span class="at-sr"> ({})</span></button></li>'.format(
                           o["button"], lang, label, escape(o["title"]), t["go"]))
        out.append("</ul>")
    if s["sources"]:
        out.append('<h5>{}</h5><ul class="at-sources">'.format(t["sources"]))
        for src in s["sources"]:
            text = "<span{}>{}</span>".format(lang, escape(src["title"]))
            if src["href"]:
                text = ('<a href="{}" target="_blank" rel="noopener noreferrer">{}<span class="at-sr"> {}</span>'
                        '</a>').format(escape(src["href"]), text, t["new_tab"])
            checked = ' <span class="at-checked">({})</span>'.format(escape(src["checked"])) if src["checked"] else ""
            out.append("<li>{}{}</li>".format(text, checked))
        out.append("</ul>")
    if s["review"]:
        out.append('<div class="at-review" role="note"><p class="at-review-h">{}</p><div{}>{}</div></div>'.format(
            t["review"], lang, s["review"]))
    out.append('<button type="button" class="at-close">{}<span class="at-sr">: {}</span></button></div>'.format(
        t["close"], title))
    return "".join(out)


_ORDER_ITEM = (
    '<li class="at-item" data-step="{id}" draggable="true"><span class="at-pos" aria-hidden="true">{n}</span>'
    '<span class="at-item-title"{lang}>{title}</span><span class="at-result" hidden></span><span class="at-moves">'
    '<button type="button" class="at-up"><span aria-hidden="true">↑</span><span class="at-sr">{up}: {title}</span>'
    '</button><button type="button" class="at-down"><span aria-hidden="true">↓</span><span class="at-sr">{down}: '
    '{title}</span></button></span></li>')


def quizzes_markup(view):
    """HTML of the quizzes from :func:`.viewmodel.quiz_views`' context (their last answers are restored by
    at_quiz.js, so it is the same for every learner)."""
    if not view["quizzes"]:
        return ""
    t, lang = {k: escape(v) for k, v in view["t"].items()}, _lang(view["lang"])
    out = ['<div class="at-quizzes"><h3 class="at-quizzes-h">{}</h3>'.format(t["quizzes"])]
    for q in view["quizzes"]:
        dom, order = q["dom"], q["kind"] == "order"
        out.append('<section class="at-quiz" data-quiz="{id}" data-kind="{kind}" aria-labelledby="{dom}-h">'
                   '<h4 id="{dom}-h">{h}</h4>'.format(id=escape(q["id"]), kind=escape(q["kind"]), dom=dom,
                                                     h=t["order_h"] if order else t["match_h"]))
        if q["prompt"]:
            out.append('<p class="at-prompt"{}>{}</p>'.format(lang, escape(q["prompt"])))
        if order:
            out.append('<p class="at-hint">{}</p><ol class="at-order" aria-labelledby="{}-h">'.format(
                t["order_hint"], dom))
            for it in q["items"]:
                title = escape(it["title"])
                out.append(_ORDER_ITEM.format(id=escape(it["id"]), n=it["n"], lang=lang, title=title,
                                              up=t["up"], down=t["down"]))
            out.append("</ol>")
        else:
            options = "".join('<option value="{}"{}>{}</option>'.format(escape(o["id"]), lang, escape(o["name"]))
                              for o in q["options"])
            out.append('<ul class="at-match">')
            for it in q["items"]:
                out.append('<li class="at-item" data-step="{id}"><label for="{select}"{lang}>{title}</label>'
                           '<select id="{select}"><option value="">{choose}</option>{options}</select>'
                           '<span class="at-result" hidden></span></li>'.format(
                               id=escape(it["id"]), select=it["select"], lang=lang, title=escape(it["title"]),
                               choose=t["choose"], options=options))
            out.append("</ul>")
        out.append('<div class="at-actions"><button type="button" class="at-submit">{}</button></div>'
                   '<p class="at-q-status" role="status"></p></section>'.format(t["check"]))
    out.append("</div>")
    return "".join(out)


#: The learner-independent parts written in Python (see the module's docstring).
BUILDERS = {"steps": steps_markup, "quizzes": quizzes_markup}
