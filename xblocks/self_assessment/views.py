"""View models for the learner view (plain, translated values; the template escapes them)."""
from ..common.errors import N_
from ..common.fragments import HTTP_JS

CSS = ["static/css/self_assessment.css"]
JS = [HTTP_JS, "static/js/sa_main.js"]


def level_text(t, value, label):
    # Translators: a level on the scale, e.g. "2 – Ganska osäker".
    return t.gettext("{value} – {label}").format(value=value, label=label)


def js_strings(t):
    """Every string the learner view's JavaScript shows, translated."""
    g = t.gettext
    return {
        "yourAnswer": g(N_("Your answer: {answer}")),
        "level": g(N_("{value} – {label}")),
        "unanswered": g(N_("Answer every statement before you submit. Not answered yet:")),
        "saving": g(N_("Saving …")),
        "saved": g(N_("Your answers are saved.")),
        "failed": g(N_("Your answers could not be saved. Try again.")),
        "deleted": g(N_("Your answers are deleted.")),
        "resultsBefore": g(N_("Your answers")),
        "resultsAfter": g(N_("Your change since the start")),
        "askAgain": g(N_("The course asks you the same questions again at the end, so that you can see "
                         "what has changed.")),
        "caption": g(N_("Your answers at the start and now")),
        "colStatement": g(N_("Statement")),
        "colBefore": g(N_("At the start")),
        "colNow": g(N_("Now")),
        "colChange": g(N_("Change")),
        "noEarlier": g(N_("No earlier answers were found in this course, so there is nothing to compare with.")),
        "guidanceHeading": g(N_("To think about")),
        "none": "–",
    }


def learner_context(model, state, before, t, dom, title, intro_html, preview):
    """``(template context, data id)`` for ``student_view.html``; the JavaScript reads the data element."""
    levels = model.effective_levels()
    answers = state.get("answers") or {}
    statements = []
    for number, item in enumerate(model.effective_statements(), 1):
        sid = "{}-s{}".format(dom, number)
        earlier = before.get(item.key)
        statements.append({
            "id": sid, "key": item.key, "text": item.text,
            "earlier": t.gettext(N_("At the start you answered: {answer}")).format(
                answer=level_text(t, earlier, levels[earlier - 1])) if earlier else "",
            "levels": [{"id": "{}-l{}".format(sid, value), "value": value, "label": label,
                        "checked": answers.get(item.key) == value} for value, label in enumerate(levels, 1)]})
    data = {"preview": preview, "state": state, "strings": js_strings(t),
            "levels": [{"value": i, "label": label} for i, label in enumerate(levels, 1)],
            "statements": [{"key": s["key"], "text": s["text"], "id": s["id"]} for s in statements]}
    context = {
        "dom": dom, "title": title, "intro": intro_html, "statements": statements, "data": data,
        "data_id": dom + "-data", "role": model.role, "preview": preview,
        "no_earlier": (t.gettext(N_("No earlier answers were found in this course, so there is nothing to "
                                    "compare with.")) if model.role == "after" and not before and not preview
                       else ""),
        "preview_note": t.gettext(N_("Preview: answers are not saved here.")) if preview else "",
        "submit": t.gettext(N_("Submit")), "change": t.gettext(N_("Change answers")),
        "delete": t.gettext(N_("Delete my answers")),
        "confirm": t.gettext(N_("Delete your answers in this self-assessment? This cannot be undone.")),
        "confirm_yes": t.gettext(N_("Yes, delete")), "confirm_no": t.gettext(N_("Cancel")),
    }
    return context, context["data_id"]
