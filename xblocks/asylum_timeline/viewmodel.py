"""Prepared, sanitised and translated view models for the templates and the JavaScript.

Nothing here reads the runtime: the block passes the timeline, the learner's summary, a
translator and the DOM id prefix. Author HTML goes through the allow-list sanitiser here and
nowhere else; plain texts are escaped by the template engine.
"""
import re

from ..common.errors import N_
from ..common.sanitize import is_safe_url, sanitize_html
from .progress import initial_order
from .timeline import UNDATED, is_date

_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_TAGS = re.compile(r"<[^>]*>")
DEFAULT_COLOUR = "#4a5a6a"
MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
          N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))

# Translators: a month and a year, e.g. "June 2026".
MONTH_YEAR = N_("{month} {year}")
# Translators: a date, e.g. "12 June 2026".
DAY_MONTH_YEAR = N_("{day} {month} {year}")


def format_date(value, gettext):
    """``2026-06-12`` -> "12 juni 2026" / "12 June 2026"; ``2026-06`` -> "juni 2026"; "odaterad" -> "undated"."""
    value = (value or "").strip()
    if value.lower() in UNDATED:
        return gettext(N_("undated"))
    if not is_date(value):
        return value
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = gettext(MONTHS[int(parts[1]) - 1])
    if len(parts) == 2:
        return gettext(MONTH_YEAR).format(month=month, year=parts[0])
    return gettext(DAY_MONTH_YEAR).format(day=int(parts[2]), month=month, year=parts[0])


def plain_text(markup):
    """Author HTML as plain text (search index, reports)."""
    text = _TAGS.sub(" ", markup or "")
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    return " ".join(text.split())


def safe_colour(value):
    return value if _COLOUR.match(value or "") else DEFAULT_COLOUR


def used_actors(timeline):
    """Ids of the actors that do at least one step, in declaration order (the actor filter's choices)."""
    used = {actor_id for step in timeline.steps() for actor_id in step.actors}
    return [actor.id for actor in timeline.actors if actor.id in used]


def strings(gettext):
    """Every text the JavaScript shows, translated with the block's catalogue."""
    g = gettext
    return {
        "progress": g(N_("{seen} of {total} steps seen")),
        "seen": g(N_("seen")),
        "filterCount": g(N_("{count} of {total} steps match.")),
        "filterNone": g(N_("All steps are shown.")),
        "moved": g(N_("“{title}” is now in place {position} of {total}.")),
        "first": g(N_("“{title}” is already first.")),
        "last": g(N_("“{title}” is already last.")),
        "orderResult": g(N_("{right} of {total} steps are in the right place.")),
        "matchResult": g(N_("{right} of {total} answers are right.")),
        "best": g(N_("Your best result: {percent} %.")),
        "right": g(N_("Right place")),
        "wrong": g(N_("Wrong place")),
        "rightActor": g(N_("Right")),
        "wrongActor": g(N_("Not right, try again")),
        "chooseAll": g(N_("Choose an actor for every step first.")),
        "sending": g(N_("Checking …")),
        "error": g(N_("Something went wrong. Please try again.")),
        "completed": g(N_("You have completed this timeline.")),
        "highlighted": g(N_("matches the filter")),
        "preview": g(N_("This is a preview: answers are not checked or saved here.")),
        # Quiz rules (the author's attempt limit and feedback mode, see progress.quiz_view)
        "attemptsLeft": g(N_("Attempts left: {left} of {max}.")),
        "attemptsUnlimited": g(N_("You can try as many times as you like.")),
        "noAttempts": g(N_("You have no attempts left at this quiz.")),
        "feedbackPerItem": g(N_("After each attempt you see which answers are right.")),
        "feedbackCount": g(N_("After each attempt you see how many answers are right; which ones, after "
                              "your last attempt.")),
        "feedbackCountOnly": g(N_("After each attempt you see how many answers are right.")),
        "feedbackAfterLast": g(N_("You see your result after your last attempt.")),
        "savedHidden": g(N_("Your answer is saved. You see the result after your last attempt.")),
    }


def _html(markup):
    return sanitize_html(markup) if markup else ""


def _step_title(step, number, gettext):
    """A step's title; one without a title (it parses, but is not publishable) still gets an accessible name."""
    return step.title or gettext(N_("Step {n}")).format(n=number)


def _step_view(step, number, dom, ctx):
    actors, chips = ctx["actors"], ctx["chips"]
    outcomes = []
    for outcome in step.outcomes:
        target = ctx["targets"].get(outcome.to)
        if target is not None:
            outcomes.append({"label": outcome.label, "title": _step_title(target[1], target[0], ctx["gettext"]),
                             "button": "{}-b{}".format(dom, target[0])})
    sources = [{"title": s.title or s.href, "href": ctx["href"](s.href),
                "checked": ctx["checked"](s.checked) if s.checked else ""} for s in step.sources]
    return {
        "id": step.id, "n": number, "dom": "{}-s{}".format(dom, number), "button": "{}-b{}".format(dom, number),
        "title": _step_title(step, number, ctx["gettext"]), "when": step.when, "actors": " ".join(step.actors),
        "paths": " ".join(step.paths),
        "chips": [dict(chips[a], main=i == 0) for i, a in enumerate(step.actors) if a in chips],
        "since": ctx["gettext"](N_("New from {date}")).format(date=format_date(step.since, ctx["gettext"]))
        if step.since else "",
        "colour": chips[step.actors[0]]["colour"] if step.actors and step.actors[0] in actors else DEFAULT_COLOUR,
        "description": _html(step.description), "seeker": _html(step.seeker),
        "sources": sources, "outcomes": outcomes,
        "review": _html(step.review) if ctx["author"] else "",
    }


def steps_view(timeline, gettext, dom, author=False, ngettext=None):
    """The context of the step list (phase navigation, phases, steps, details): the same for every learner."""
    ngettext = ngettext or (lambda one, other, n: gettext(one if n == 1 else other))
    actors = timeline.actor_map()
    chips = {a.id: {"id": a.id, "name": a.name, "colour": safe_colour(a.color)} for a in timeline.actors}
    targets = {}
    number = 0
    for phase in timeline.phases:
        if phase.steps:
            targets[phase.id] = (number + 1, phase.steps[0])
        for step in phase.steps:
            number += 1
            targets[step.id] = (number, step)
    dates = {}

    def checked(value):  # many sources share a date: format each once
        if value not in dates:
            if (value or "").strip().lower() in UNDATED:
                # A source page without a date: say so, not "checked undated" (review 2026-12).
                dates[value] = gettext(N_("date missing"))
            else:
                dates[value] = gettext(N_("checked {date}")).format(date=format_date(value, gettext))
        return dates[value]
    hrefs = {}

    def href(value):  # many steps cite the same page: check each address once
        if value not in hrefs:
            hrefs[value] = value if is_safe_url(value) else ""
        return hrefs[value]
    ctx = {"gettext": gettext, "actors": actors, "chips": chips, "targets": targets, "author": author,
           "checked": checked, "href": href}
    phases, number = [], 0
    for index, phase in enumerate(timeline.phases, 1):
        steps = []
        for step in phase.steps:
            number += 1
            steps.append(_step_view(step, number, dom, ctx))
        phases.append({"title": phase.title, "dom": "{}-p{}".format(dom, index), "n": index, "steps": steps,
                       # Translators: how many steps a phase has, in the phase navigation.
                       "count": ngettext("{count} step", "{count} steps", len(steps)).format(count=len(steps))})
    return {"id": dom, "lang": timeline.lang, "phases": phases, "t": labels(gettext)}


def learner_view(timeline, summary, gettext, dom, *, title, author=False, quiz_only=False):
    """The template context of the learner (and author) view around the step list and quizzes."""
    used = set(used_actors(timeline))
    total = summary["steps_total"]
    return {
        "id": dom, "title": title, "lang": timeline.lang, "quiz_only": quiz_only, "author": author,
        "reviewed": gettext(N_("Content last reviewed: {date}")).format(date=format_date(timeline.reviewed, gettext))
        if timeline.reviewed else "",
        "review": _html(timeline.review) if author else "",
        "actors": [{"id": a.id, "name": a.name} for a in timeline.actors if a.id in used],
        "paths": [{"id": p.id, "title": p.title} for p in timeline.paths],
        "seen": summary["steps_seen"], "total": total,
        "progress_text": gettext(N_("{seen} of {total} steps seen")).format(seen=summary["steps_seen"], total=total),
        "t": labels(gettext),
    }


def quiz_views(timeline, dom, gettext):
    """The quizzes (``quizzes.html``): the same for every learner. Order quizzes start in a fixed
    shuffled order; the JavaScript puts back a learner's last submitted order."""
    steps = timeline.step_map()
    options = [{"id": a.id, "name": a.name} for a in timeline.actors]
    views = []
    for index, quiz in enumerate(timeline.quizzes):
        quiz_id = timeline.quiz_id(index)
        qdom = "{}-q{}".format(dom, index + 1)
        known = [s for s in quiz.steps if s in steps]
        order = initial_order(known, quiz_id) if quiz.kind == "order" else known
        items = [{"id": s, "title": steps[s].title or s, "n": i, "select": "{}-i{}".format(qdom, i)}
                 for i, s in enumerate(order, 1)]
        views.append({"id": quiz_id, "kind": quiz.kind, "dom": qdom, "prompt": quiz.prompt, "items": items,
                      "options": options, "number": index + 1})
    return {"id": dom, "lang": timeline.lang, "quizzes": views, "t": labels(gettext)}


def labels(gettext):
    """Static texts of the templates."""
    g = gettext
    return {
        "tools": g(N_("Filter the timeline")),
        "actor": g(N_("Actor")), "all_actors": g(N_("All actors")),
        "path": g(N_("Path")), "all_paths": g(N_("All paths")),
        "only": g(N_("Show only matching steps")),
        "progress": g(N_("Steps you have seen")),
        "hint": g(N_("Use the arrow keys to move between steps, Home and End to jump to the first and "
                     "last step; Enter or Space opens a step.")),
        "steps": g(N_("The steps of the process")),
        "phases": g(N_("Phases of the process")),
        "actors": g(N_("Actors:")), "when": g(N_("When:")), "seen": g(N_("seen")),
        "chips": g(N_("Who takes part")), "main": g(N_("main actor")),
        "branch": g(N_("Decision: the path branches")),
        "perspective": g(N_("Perspective")), "authority": g(N_("The authorities")),
        "seeker": g(N_("The person seeking asylum")),
        "authority_h": g(N_("What the authorities do")),
        "seeker_h": g(N_("What the person experiences and receives")),
        "nothing": g(N_("Nothing is described for this perspective yet.")),
        "outcomes": g(N_("What can happen next")), "go": g(N_("Go to the step")),
        "sources": g(N_("Sources")),
        "new_tab": g(N_("(opens in a new tab)")),
        "close": g(N_("Close")),
        "quizzes": g(N_("Test yourself")),
        "order_h": g(N_("Put the steps in order")), "match_h": g(N_("Who is responsible?")),
        "order_hint": g(N_("Move each step with the Up and Down buttons (or drag it), then check your order.")),
        "up": g(N_("Move up")), "down": g(N_("Move down")), "position": g(N_("Place")),
        "check": g(N_("Check my answer")), "choose": g(N_("Choose an actor")),
        "review": g(N_("Note for reviewers (not shown to learners)")),
    }
