"""Platform hooks: ``student_view_data`` (mobile app, field by field below), search indexing and
the per-learner report. No learner data in ``student_view_data``; no review notes anywhere here."""
from ..common.csvsafe import neutralise_row
from ..common.errors import N_
from ..common.sanitize import is_safe_url, sanitize_html
from ..common.stored import scrub
from ..common.static_urls import rewrite_html
from . import progress
from .viewmodel import plain_text


def _number(value):
    """A stored score or count as a number (0 for anything else, e.g. from an older version)."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


class PlatformApisMixin:
    """``student_view_data``, ``index_dictionary`` and ``generate_report_data``."""

    def student_view_data(self, context=None):  # pylint: disable=unused-argument
        """The structure for native clients, without learner data or review notes.

        HTML fields have their ``/static/`` URLs rewritten by the runtime (``replace_urls``), as the
        fragment's HTML is.

        - ``display_name``, ``reviewed`` (ISO date or ""), ``lang`` (content language or ""),
          ``quiz_only`` (bool), ``uses_default_content`` (bool)
        - ``actors``: ``[{id, name, color, description}]`` (description: sanitised HTML)
        - ``paths``: ``[{id, title}]``
        - ``phases``: ``[{id, title, steps: [{id, title, when, since, actors, paths, description,
          seeker, sources: [{title, href, checked}], outcomes: [{to, label}]}]}]``; HTML sanitised,
          ``href`` only http(s) (else "")
        - ``quizzes``: ``[{id, kind, prompt, steps}]``; an order quiz's ``steps`` come in a fixed
          shuffled order. The answers are what the learner view itself shows (process order and
          each step's actors), nothing more.
        - ``handlers``: the JSON handler names (DESIGN.md).
        """
        timeline = self.load_timeline()
        phases = []

        def html(markup):
            return rewrite_html(self, sanitize_html(markup))
        for phase in timeline.phases:
            steps = [{
                "id": s.id, "title": s.title, "when": s.when, "since": s.since, "actors": list(s.actors),
                "paths": list(s.paths), "description": html(s.description),
                "seeker": html(s.seeker),
                "sources": [{"title": src.title, "href": src.href if is_safe_url(src.href) else "",
                             "checked": src.checked} for src in s.sources],
                "outcomes": [{"to": o.to, "label": o.label} for o in s.outcomes],
            } for s in phase.steps]
            phases.append({"id": phase.id, "title": phase.title, "steps": steps})
        quizzes = []
        for index, quiz in enumerate(timeline.quizzes):
            quiz_id = timeline.quiz_id(index)
            order = progress.initial_order(quiz.steps, quiz_id) if quiz.kind == "order" else list(quiz.steps)
            quizzes.append({"id": quiz_id, "kind": quiz.kind, "prompt": quiz.prompt, "steps": order})
        return {
            "display_name": self.timeline_title(timeline), "reviewed": timeline.reviewed, "lang": timeline.lang,
            "quiz_only": self.quiz_only, "uses_default_content": self.uses_default_content(),
            "actors": [{"id": a.id, "name": a.name, "color": a.color, "description": html(a.description)}
                       for a in timeline.actors],
            "paths": [{"id": p.id, "title": p.title} for p in timeline.paths],
            "phases": phases, "quizzes": quizzes,
            "handlers": ["view_step", "submit_order", "submit_match", "student_view_user_state"],
        }

    def index_dictionary(self):
        """Search index: the title, phase and step titles, and the texts of both perspectives."""
        parent = getattr(super(), "index_dictionary", None)
        data = parent() if parent else {}
        timeline = self.load_timeline()
        texts = [self.timeline_title(timeline)]
        for phase in timeline.phases:
            texts.append(phase.title)
            for step in phase.steps:
                texts += [step.title, step.when, plain_text(step.description), plain_text(step.seeker)]
        body = data.get("content", {}) if isinstance(data.get("content"), dict) else {}
        body.update({"display_name": self.timeline_title(timeline), "content": " ".join(t for t in texts if t)})
        data["content"] = body
        data["content_type"] = self.translator().gettext(N_("Asylum process timeline"))
        return data

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Per learner: steps seen (count and ids), each quiz's best score and attempts, completed.

        Yields ``(username, row)`` as the instructor dashboard's problem-response report expects.
        """
        timeline = self.load_timeline()
        quiz_ids = list(timeline.quiz_map())
        total = len(timeline.step_map())
        count = 0
        for user_state in user_state_iterator:
            if limit_responses is not None and count >= limit_responses:
                return
            stored = scrub(user_state.state) if isinstance(user_state.state, dict) else {}
            state = progress.normalise_state(stored.get("viewed"), stored.get("quiz_results"),
                                             stored.get("completed"))
            seen = progress.steps_seen(state, timeline)
            row = {"steps_seen": len(seen), "steps_total": total, "steps_seen_ids": " ".join(seen),
                   "completed": state["completed"]}
            for quiz_id in quiz_ids:
                entry = state["quizzes"].get(quiz_id, {})
                row["quiz {} best".format(quiz_id)] = round(_number(entry.get("best")), 4)
                row["quiz {} attempts".format(quiz_id)] = int(_number(entry.get("attempts")))
            count += 1
            yield user_state.username, neutralise_row(row)  # ids are author text: every cell neutralised
