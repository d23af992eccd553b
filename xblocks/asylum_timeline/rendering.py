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
from django.utils.html import json_script

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
    memo = {"seen": f'<span class="at-seen-mark" hidden><span aria-hidden="true">✓</span><span class="at-sr">, '
                    f'{t["seen"]}</span></span>',
            "branch": f'<span class="at-branch"><span aria-hidden="true">◆ </span>{t["branch"]}</span>',
            "chips": f'<ul class="at-chips" aria-label="{t["chips"]}">',
            "main": f'<span class="at-sr"> ({t["main"]})</span>', "nothing": f'<p>{t["nothing"]}</p>'}
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
        out.extend(_step_markup(step, t, lang, memo) for step in phase["steps"])
        out.append("</ol></li>")
    out.append("</ol>")
    return "".join(out)


def _step_markup(s, t, lang, memo):
    """One step: its card (title, meta, actor chips) and, right after it, its details. ``memo`` holds the
    markup of parts many steps share (an actor's chip, a source), written once per step list."""
    d, title = s["dom"], escape(s["title"])
    out = [f'<li class="at-step" id="{d}" value="{s["n"]}" data-step="{escape(s["id"])}" '
           f'data-actors="{escape(s["actors"])}" data-paths="{escape(s["paths"])}" style="--c:{escape(s["colour"])}">'
           f'<div class="at-card"><h4 class="at-step-h"><button type="button" class="at-step-btn" id="{s["button"]}" '
           f'aria-expanded="false" aria-controls="{d}-d"><span class="at-num" aria-hidden="true">{s["n"]}</span>'
           f'<span class="at-step-title"{lang}>{title}</span>{memo["seen"]}</button></h4>']
    meta = []
    if s["when"]:
        meta.append(f'<span class="at-when"><span class="at-sr">{t["when"]} </span><span{lang}>{escape(s["when"])}'
                    '</span></span>')
    if s["since"]:
        meta.append(f'<span class="at-badge">{escape(s["since"])}</span>')
    if s["outcomes"]:
        meta.append(memo["branch"])
    if meta:
        out.append('<p class="at-meta">{}</p>'.format(" ".join(meta)))
    if s["chips"]:
        out.append(memo["chips"])
        out.extend(_chip_markup(chip, t, lang, memo) for chip in s["chips"])
        out.append("</ul>")
    out.append("</div>")
    out.append(_details_markup(s, t, lang, title, memo))
    out.append("</li>")
    return "".join(out)


def _chip_markup(chip, t, lang, memo):
    key = ("chip", chip["id"], chip["colour"], chip["name"], chip["main"])
    if key not in memo:
        main = chip["main"]
        memo[key] = (f'<li class="at-chip{" at-chip-main" if main else ""}" data-actor="{escape(chip["id"])}" '
                     f'style="--c:{escape(chip["colour"])}"><span{lang}>{escape(chip["name"])}</span>'
                     f'{memo["main"] if main else ""}</li>')
    return memo[key]


def _source_markup(src, t, lang, memo):
    key = ("source", src["title"], src["href"], src["checked"])
    if key not in memo:
        text = f"<span{lang}>{escape(src['title'])}</span>"
        if src["href"]:
            text = (f'<a href="{escape(src["href"])}" target="_blank" rel="noopener noreferrer">{text}'
                    f'<span class="at-sr"> {t["new_tab"]}</span></a>')
        checked = f' <span class="at-checked">({escape(src["checked"])})</span>' if src["checked"] else ""
        memo[key] = f"<li>{text}{checked}</li>"
    return memo[key]


def _details_markup(s, t, lang, title, memo):
    d = s["dom"]
    out = [f'<div class="at-details" id="{d}-d" role="region" aria-labelledby="{s["button"]}" hidden>'
           f'<fieldset class="at-persp"><legend>{t["perspective"]}</legend><span class="at-radio"><input type="radio" '
           f'id="{d}-pa" name="{d}-p" value="authority" checked><label for="{d}-pa">{t["authority"]}</label></span>'
           f'<span class="at-radio"><input type="radio" id="{d}-ps" name="{d}-p" value="seeker"><label for="{d}-ps">'
           f'{t["seeker"]}</label></span></fieldset>'
           # description, seeker: author HTML sanitised in viewmodel
           f'<div class="at-view at-view-authority"><h5>{t["authority_h"]}</h5><div class="at-text"{lang}>'
           f'{s["description"] or memo["nothing"]}</div></div>'
           f'<div class="at-view at-view-seeker"><h5>{t["seeker_h"]}</h5><div class="at-text"{lang}>'
           f'{s["seeker"] or memo["nothing"]}</div></div>']
    if s["outcomes"]:
        out.append(f'<h5>{t["outcomes"]}</h5><ul class="at-outcomes">')
        for o in s["outcomes"]:
            label = escape(o["label"]) + ": " if o["label"] else ""
            out.append(f'<li><button type="button" class="at-goto" data-target="{o["button"]}"><span{lang}>{label}'
                       f'{escape(o["title"])}</span><span class="at-sr"> ({t["go"]})</span></button></li>')
        out.append("</ul>")
    if s["sources"]:
        out.append(f'<h5>{t["sources"]}</h5><ul class="at-sources">')
        out.extend(_source_markup(src, t, lang, memo) for src in s["sources"])
        out.append("</ul>")
    if s["review"]:
        out.append(f'<div class="at-review" role="note"><p class="at-review-h">{t["review"]}</p><div{lang}>'
                   f'{s["review"]}</div></div>')
    out.append(f'<button type="button" class="at-close">{t["close"]}<span class="at-sr">: {title}</span></button>'
               '</div>')
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


def _options(items, label, lang):
    return "".join(f'<option value="{escape(x["id"])}"{lang}>{escape(x[label])}</option>' for x in items)


def page_markup(c):
    """HTML of the whole learner view from :func:`.viewmodel.learner_view`'s context plus ``steps_html``,
    ``quizzes_html`` (from :func:`shared_markup`), ``init`` and ``init_id``: the same markup the Django template
    ``student_view.html`` wrote, without the template engine's copies of the large step list."""
    t, lang, d = {k: escape(v) for k, v in c["t"].items()}, _lang(c["lang"]), escape(c["id"])
    out = [json_script(c["init"], c["init_id"]),
           f'\n<div class="at-block" id="{d}" data-layout="stepper" data-perspective="authority">\n'
           f'  <h2 class="at-title" id="{d}-title"{lang}>{escape(c["title"])}</h2>\n  ']
    if c["reviewed"]:
        out.append(f'<p class="at-reviewed">{escape(c["reviewed"])}</p>')
    out.append("\n  ")
    if c["review"]:  # author HTML sanitised in viewmodel
        out.append(f'<div class="at-review" role="note"><p class="at-review-h">{t["review"]}</p><div{lang}>'
                   f'{c["review"]}</div></div>')
    out.append("\n  ")
    if not c["quiz_only"]:
        paths = ""
        if c["paths"]:
            paths = (f'\n      <div class="at-field">\n        <label for="{d}-path">{t["path"]}</label>\n'
                     f'        <select id="{d}-path" class="at-f-path">\n'
                     f'          <option value="">{t["all_paths"]}</option>\n'
                     f'          {_options(c["paths"], "title", lang)}\n        </select>\n      </div>\n      ')
        out.append(
            f'\n  <div class="at-explore">\n    <fieldset class="at-tools">\n      <legend>{t["tools"]}</legend>\n'
            f'      <div class="at-field">\n        <label for="{d}-actor">{t["actor"]}</label>\n'
            f'        <select id="{d}-actor" class="at-f-actor">\n'
            f'          <option value="">{t["all_actors"]}</option>\n'
            f'          {_options(c["actors"], "name", lang)}\n        </select>\n      </div>\n      {paths}\n'
            f'      <div class="at-field at-check">\n'
            f'        <input type="checkbox" id="{d}-only" class="at-f-only">\n'
            f'        <label for="{d}-only">{t["only"]}</label>\n      </div>\n    </fieldset>\n'
            f'    <p class="at-status" role="status"></p>\n    <div class="at-progress">\n'
            f'      <label for="{d}-prog">{t["progress"]}</label>\n'
            f'      <progress id="{d}-prog" max="{escape(str(c["total"] or 1))}" value="{escape(str(c["seen"]))}">'
            f'</progress>\n      <span class="at-progress-text">{escape(c["progress_text"])}</span>\n    </div>\n'
            f'    <p class="at-hint">{t["hint"]}</p>\n    ')
        out.append(c["steps_html"])
        out.append("\n  </div>\n  ")
    out.append("\n  ")
    out.append(c["quizzes_html"])
    out.append("\n</div>\n")
    return "".join(out)


#: The learner-independent parts written in Python (see the module's docstring).
BUILDERS = {"steps": steps_markup, "quizzes": quizzes_markup}
