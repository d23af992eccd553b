"""The demo site's first page: a newcomer's tour of this package (replaces the workbench's index).

It lists only our scenarios (each block's ``workbench_scenarios()``, then the course's units in
course order), each with links to its learner view, Studio's author view and the Studio editor;
a learner switch (the workbench takes the learner from ``?student=``) and a language switch
(Django's ``set_language`` view stores the choice in a cookie that ``LocaleMiddleware`` reads on
every later request, so the blocks and their handlers answer in that language). The tour's own
text is translated with its gettext catalogue in ``devsite/translations``.
"""
import os
import re

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import Context, Engine
from django.utils import translation

from xblocks.common.errors import N_
from xblocks.common.i18n import Translator

from . import favicon

HERE = os.path.dirname(os.path.abspath(__file__))
TRANSLATIONS = os.path.join(HERE, "translations")
#: The tour's own templates (an engine of its own, so the site's settings need no template folder).
ENGINE = Engine(dirs=[os.path.join(HERE, "templates")])
#: (entry point, heading, what it is), in the order the tour shows them.
BLOCKS = [
    ("video_lesson", N_("Video lesson"),
     N_("A filmed lesson that pauses at reflection questions; drafts, answers and completion are kept "
        "on the server.")),
    ("asylum_timeline", N_("Asylum process timeline"),
     N_("An explorable timeline of the Swedish asylum process: which actor does what, from the "
        "authorities' and from the asylum seeker's side, with quizzes.")),
    ("self_assessment", N_("Self-assessment"),
     N_("Statements a learner rates at the start of the course and again at the end; the second time "
        "shows each earlier answer beside the new one and how it changed.")),
]
COURSE_UNITS = "course_unit"
UNIT_PREFIX = "Kursenhet: "  # course_scenarios' descriptions; the tour's heading says it already
DEFAULT_STUDENT = "student_1"
_STUDENT = re.compile(r"^[A-Za-z0-9_.@+-]{1,40}$")
#: Languages of the switch, Swedish first; each name is written in its own language.
LANGUAGES = [("sv", "Svenska"), ("en", "English")]


def strings(gettext):
    """The tour's own text in the request's language."""
    g = gettext
    return {
        "title": g(N_("Bättre bemötande: a tour of the blocks")),
        "skip": g(N_("Skip to the content")),
        "intro": g(N_("This demo site runs the package's three XBlocks in the XBlock workbench, a real "
                      "XBlock runtime. Every scenario opens in three views: as a learner sees it in "
                      "the course, as Studio previews it for authors, and in the Studio editor.")),
        "settings": g(N_("Language and learner")),
        "language": g(N_("Language")),
        "language_help": g(N_("The blocks, their messages and this page follow the language you choose.")),
        "learner": g(N_("Learner")),
        "learner_help": g(N_("Each learner has their own answers and progress. Type a new name to "
                             "start as a new learner, or pick one who has already been here.")),
        "switch_learner": g(N_("Switch learner")),
        "current_learner": g(N_("The links below open the views as {student}.")),
        "views": g(N_("The three views")),
        "learner_view": g(N_("Learner view")),
        "learner_view_help": g(N_("what a learner sees in the course, with their saved state")),
        "author_view": g(N_("Author view")),
        "author_view_help": g(N_("Studio's preview of the block on the unit page")),
        "studio_view": g(N_("Studio editor")),
        "studio_view_help": g(N_("the form authors fill in; Save stores the change in this demo's "
                                 "database for every learner")),
        "scenario": g(N_("Scenario")),
        "course": g(N_("The course's units, in course order")),
        "course_help": g(N_("The units of the course that hold one of the blocks, with the unit's "
                            "text around it, as built from course_export/.")),
        "no_units": g(N_("No course units found (course_export/ is missing).")),
    }


def _known_students():
    from workbench.models import XBlockState  # pylint: disable=import-outside-toplevel

    found = {user for (user,) in XBlockState.objects.values_list("user_id") if user and _STUDENT.match(user)}
    return sorted(found | {DEFAULT_STUDENT})


def _rows(scenarios, prefix, student):
    query = "?student=" + student
    rows = []
    for name in sorted(n for n in scenarios if n.split(".")[0] == prefix):
        base = "/scenario/{}/".format(name)
        description = scenarios[name].description
        if description.startswith(UNIT_PREFIX):
            description = description[len(UNIT_PREFIX):]
        rows.append({"id": name, "description": description,
                     "learner": base + query, "author": base + "author_view/" + query,
                     "studio": base + "studio_view/" + query})
    return rows


def index(request):
    """The tour page."""
    from workbench.scenarios import get_scenarios  # pylint: disable=import-outside-toplevel

    language = (translation.get_language() or "sv").split("-")[0]
    if language not in dict(LANGUAGES):
        language = "sv"
    gettext = Translator(language, [TRANSLATIONS]).gettext
    student = request.GET.get("student", "").strip()
    student = student if _STUDENT.match(student) else DEFAULT_STUDENT
    scenarios = get_scenarios()
    s = strings(gettext)
    return HttpResponse(ENGINE.get_template("devsite/tour.html").render(Context({
        "lang": language, "s": s, "student": student, "students": _known_students(),
        "current_learner": s["current_learner"].format(student=student),
        "languages": [{"code": code, "name": name, "current": code == language} for code, name in LANGUAGES],
        "next": "/?student=" + student,
        "csrf_token_value": get_token(request),
        "blocks": [{"id": entry, "title": gettext(title), "about": gettext(about),
                    "rows": _rows(scenarios, entry, student)} for entry, title, about in BLOCKS],
        "units": _rows(scenarios, COURSE_UNITS, student),
    })))


def favicon_view(_request):
    """The site's icon, so no page logs a 404 for /favicon.ico."""
    response = HttpResponse(favicon.ICO, content_type="image/x-icon")
    response["Cache-Control"] = "max-age=86400"
    return response
