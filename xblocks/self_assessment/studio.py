"""Studio: the editor form (``studio_view``) and ``studio_submit`` (authors never see JSON, keys or ids).

Statement keys are made on the server: a new row (no key) gets a slug of its text, made unique; a row
that carries the key of an existing statement keeps it, so editing the text keeps learners' answers
attached. ``studio_submit`` checks everything first and saves all or nothing.
"""
from xblock.core import XBlock

from ..common.authoring import save_editor_form
from ..common.errors import N_, ContentError, InputError, TranslatableError
from ..common.fragments import HTTP_JS
from ..common.stored import read_field
from ..common.paragraphs import editable_to_html, html_to_editable
from ..common.text import clean_text
from . import assessment as rules

STUDIO_MAX_BYTES = 256 * 1024
MAX_ROWS = 200


def form_from_model(model, display_name):
    """The editor's data: what the author sees, keys only as hidden row data."""
    statements = [dict(s.to_dict(), guidance=html_to_editable(s.guidance)) for s in model.effective_statements()]
    return {"display_name": display_name, "role": model.role, "series": model.series,
            "intro": html_to_editable(model.intro), "levels": list(model.effective_levels()),
            "statements": statements}


def _text(data, name, default=""):
    value = data.get(name, default)
    if not isinstance(value, str):
        raise InputError(N_("“{key}” must be text."), key=name)
    return clean_text(value).strip()


def model_from_form(data, current):
    """``(Assessment, display name, errors)`` from the editor's data; errors are :class:`ContentError`."""
    levels, rows = data.get("levels"), data.get("statements")
    if not isinstance(levels, list) or not all(isinstance(v, str) for v in levels) or len(levels) > MAX_ROWS:
        raise InputError(N_("“{key}” must be a list of texts."), key="levels")
    if not isinstance(rows, list) or len(rows) > MAX_ROWS or not all(isinstance(r, dict) for r in rows):
        raise InputError(N_("“{key}” must be a list of rows."), key="statements")
    parsed = [(_text(r, "key"), _text(r, "text"), _text(r, "guidance")) for r in rows]
    existing = {s.key for s in current.effective_statements()}
    kept, taken = [], set()
    for key, _text_value, _guidance in parsed:  # first pass: keys of existing statements stay theirs
        keep = key if key in existing and rules.KEY.match(key) and key not in taken else ""
        kept.append(keep)
        taken.add(keep)
    statements = tuple(rules.Statement(kept[i] or rules.unique_key(text, taken), text, editable_to_html(guidance))
                       for i, (_key, text, guidance) in enumerate(parsed))
    model = rules.Assessment(series=_text(data, "series"), role=_text(data, "role"),
                             intro=editable_to_html(_text(data, "intro")),
                             levels=tuple(clean_text(v).strip() for v in levels), statements=statements)
    errors = [] if statements else [ContentError(N_("Add at least one statement."), "statement")]
    errors += rules.validate(model)
    return model, _text(data, "display_name"), errors


def editor_strings(t):
    g = t.gettext
    return {
        "statement": g(N_("Statement {n}")), "text": g(N_("Statement text")),
        "guidance": g(N_("Guidance shown after answering (optional)")),
        "up": g(N_("Move up")), "down": g(N_("Move down")), "remove": g(N_("Remove")),
        "level": g(N_("Level {n}")), "removeLevel": g(N_("Remove level {n}")),
        "saving": g(N_("Saving …")), "saved": g(N_("Saved.")),
        "failed": g(N_("Nothing was saved. Fix these problems first:")), "notSaved": g(N_("Not saved")),
        "moved": g(N_("Statement moved to position {n}.")), "removed": g(N_("Statement removed.")),
        "added": g(N_("Statement added.")),
    }


class StudioMixin:
    """``studio_view`` and ``studio_submit`` for :class:`~.block.SelfAssessmentBlock`."""

    def studio_view(self, context=None):  # pylint: disable=unused-argument
        """The editor: settings, levels and statement rows."""
        t = self.translator()
        dom = self.dom_id("sae")
        g = t.gettext
        context = {
            "dom": dom, "data_id": dom + "-data",
            "data": {"form": form_from_model(self.assessment(), read_field(self, "display_name")),
                     "strings": editor_strings(t), "min_levels": rules.MIN_LEVELS, "max_levels": rules.MAX_LEVELS,
                     "max_statements": rules.MAX_STATEMENTS},
            "s": {"display_name": g(N_("Display name")), "role": g(N_("Role")),
                  "before": g(N_("First assessment")), "after": g(N_("Compare with the first")),
                  "series": g(N_("Series name")),
                  "series_help": g(N_("Self-assessments with the same series name in a course are compared: "
                                      "the one that compares shows the change since the first.")),
                  "intro": g(N_("Introduction (optional)")), "levels": g(N_("Levels")),
                  "text_help": g(N_("Plain text: an empty line starts a new paragraph. The same holds for "
                                    "the guidance. HTML (links, lists) also works.")),
                  "levels_help": g(N_("From least to most confident; between {low} and {high} levels.")).format(
                      low=rules.MIN_LEVELS, high=rules.MAX_LEVELS),
                  "add_level": g(N_("Add level")), "statements": g(N_("Statements")),
                  "add_statement": g(N_("Add statement")), "save": g(N_("Save")), "cancel": g(N_("Cancel")),
                  "editor": g(N_("Edit the self-assessment"))},
        }
        return self.fragment("studio_view.html", context, css=["static/css/sa_studio.css"],
                             js=[HTTP_JS, "static/js/sa_studio.js"], js_class="BemotandeSelfAssessmentStudio",
                             init={"data": context["data_id"]})

    @XBlock.handler
    def studio_submit(self, request, suffix=""):  # pylint: disable=unused-argument
        """Save the editor's form; 400 with every problem (naming its row) and nothing saved."""
        def apply(data):
            model, display_name, errors = model_from_form(data, self.assessment())
            if errors:
                return errors, None
            self.store_assessment(model)
            self.display_name = display_name
            return [], {"saved": True, "form": form_from_model(model, display_name)}
        return save_editor_form(self, request, STUDIO_MAX_BYTES, apply, TranslatableError.translate)
