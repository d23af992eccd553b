"""View models for the block's views: prepared, translated, sanitised dicts (never the block).

Templates get only plain values and translated strings; author HTML is sanitised here and is the
only thing marked safe. Data for the JavaScript is embedded by :func:`json_for_script`, which
escapes ``<``, ``>`` and ``&`` so no value can close the ``<script>`` element it lives in (the
runtime's own ``json_init_args`` does not escape them, so learner and author text never go
there).
"""
import json

from django.utils.safestring import mark_safe

from ..common.errors import N_, TranslatableError
from ..common.sanitize import is_safe_url, sanitize_html
from ..common.timeparse import format_clock, format_time
from .lesson import LANGUAGE_TAG, MAX_MAX_CHARS, TRACK_KINDS, YOUTUBE_ID, plain_text, validate

SPEEDS = (0.75, 1.0, 1.25, 1.5, 1.75, 2.0)


def json_for_script(data):
    """JSON that is safe inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return mark_safe(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))  # noqa: S308


def translate_error(error, gettext):
    """An author-facing message without the OLX location prefix (the message names the row).

    Parameters that are errors themselves (a time that could not be read, ...) are translated too.
    """
    params = {key: translate_error(value, gettext) if isinstance(value, TranslatableError) else value
              for key, value in error.params.items()}
    text = gettext(error.msgid)
    return text.format(**params) if params else text


def _plural(forms):
    """Both plural forms (sv and en have two: n == 1 and the rest) for the browser to choose.

    ``forms`` is ``lambda n: t.ngettext("…", "…", n)`` with literal strings, so they are extracted.
    """
    return {"one": forms(1), "other": forms(2)}


def js_strings(t):
    """Every text the learner JavaScript shows, in the learner's language."""
    g = t.gettext
    return {
        "play": g(N_("Play")), "pause": g(N_("Pause")),
        "paused": g(N_("The video paused for a question.")),
        "cannotSkip": g(N_("This question must be answered before you go on. The video went back to it.")),
        "questionAt": g(N_("Question at {time}")),
        "words": _plural(lambda n: t.ngettext("{count} word", "{count} words", n)),
        "chars": g(N_("{count} of {limit} characters")),
        "tooLong": g(N_("The answer is too long: at most {limit} characters.")),
        "tooFew": _plural(lambda n: t.ngettext("Write at least {count} word.", "Write at least {count} words.", n)),
        "empty": g(N_("Write an answer before you submit.")),
        "draftSaved": g(N_("Draft saved.")), "draftFailed": g(N_("The draft could not be saved.")),
        "draftKept": g(N_("The draft could not be saved. It is kept in this browser and is saved "
                          "when you type again or open the page again.")),
        "draftTooLong": g(N_("The draft is not saved: it is longer than {limit} characters. It is kept "
                             "in this browser until you shorten it.")),
        "draftRestored": g(N_("Text that had not been saved was restored from this browser.")),
        "submit": g(N_("Submit answer")), "resubmit": g(N_("Submit changed answer")),
        "submitted": g(N_("Your answer has been saved.")),
        "answered": g(N_("Answered")), "notAnswered": g(N_("Not answered")),
        "answerHere": g(N_("Answer here")), "hideAnswer": g(N_("Hide the answer form")),
        "watched": g(N_("Watched: {percent} % (needed: {needed} %)")),
        # Translators: only required questions count for completion; optional ones are left out here.
        "reflections": g(N_("Required questions answered: {answered} of {total} (optional questions do not "
                            "count)")),
        "noRequired": g(N_("This lesson has no required questions.")),
        "completed": g(N_("You have completed this lesson.")),
        "notAnsweredYet": g(N_("Not answered yet.")),
        "recapFile": g(N_("My reflections")),
        "recapQuestion": g(N_("Question at {time}")), "recapAnswer": g(N_("My answer")),
        # Deleting what the learner wrote (docs/PRIVACY.md)
        "recapDraft": g(N_("My draft (not submitted)")),
        "deleteWritten": g(N_("Delete what I wrote")),
        "deleteConfirm": g(N_("Delete your answer and your draft to this question? They are removed from the "
                              "course for good; reports that course staff downloaded earlier are not changed. "
                              "A lesson you have completed stays completed.")),
        "deleteYes": g(N_("Yes, delete")), "deleteNo": g(N_("No, keep it")),
        "deleted": g(N_("What you wrote for the question at {time} has been deleted.")),
        "deleteFailed": g(N_("It could not be deleted. Check your connection and try again.")),
        "transcriptFailed": g(N_("The transcript could not be loaded.")),
        "youtubeFailed": g(N_("The YouTube video could not be loaded. Check your internet connection, "
                              "or read the transcript and answer the questions below.")),
        "saveFailed": g(N_("Your progress could not be saved. Check your connection; "
                           "we will try again.")),
        "resumed": g(N_("Continuing where you left off, at {time}.")),
        "timeOf": g(N_("{current} of {duration}")),
        "speedSet": g(N_("Speed {rate}×")),
        "captionsOff": g(N_("Captions off")),
        "networkError": g(N_("Something went wrong. Try again.")),
    }


def _point_view(item, index, dom, label=format_clock):
    """``label``: :func:`format_clock` for learners (as their player shows it), ``format_time`` for authors."""
    return {
        "id": item.id, "dom": "{}-pt{}".format(dom, index), "time": item.time,
        "time_label": label(item.time), "required": item.required,
        "prompt": mark_safe(sanitize_html(item.prompt)),  # noqa: S308  (sanitised author HTML)
    }


def _point_data(item, t):
    limits = []
    if item.min_words:
        limits.append(t.ngettext("At least {count} word.", "At least {count} words.",
                                 item.min_words).format(count=item.min_words))
    limits.append(t.gettext(N_("At most {count} characters.")).format(count=item.max_chars))
    return {
        "id": item.id, "time": item.time, "timeLabel": format_clock(item.time), "required": item.required,
        "minWords": item.min_words, "maxChars": item.max_chars, "hint": " ".join(limits),
        "prompt": sanitize_html(item.prompt), "promptText": plain_text(item.prompt),
    }


def learner_context(lesson, user_state, t, dom, language, title):
    """``(template context, data for the JavaScript)`` of the student view."""
    g = t.gettext
    points = lesson.in_time_order()
    # Learners get only what is safe to play; other content problems are for the author to fix
    # (author_view, Studio), and must not hide a playable lesson.
    sources = [s for s in lesson.sources if is_safe_url(s.src, allow_relative=True)]
    tracks = [tr for tr in lesson.tracks if is_safe_url(tr.src, allow_relative=True)
              and LANGUAGE_TAG.match(tr.srclang or "") and tr.kind in TRACK_KINDS]
    youtube_id = lesson.youtube_id if YOUTUBE_ID.match(lesson.youtube_id or "") else ""
    context = {
        "id": dom, "title": title, "ready": bool(sources or youtube_id),
        "not_ready": g(N_("This lesson is not ready yet. Please come back later.")),
        "youtube_id": youtube_id,
        "sources": [] if youtube_id else [{"src": s.src, "type": s.type} for s in sources],
        "tracks": [{"kind": tr.kind, "srclang": tr.srclang, "label": tr.label or tr.srclang, "src": tr.src,
                    "default": tr.default} for tr in tracks],
        "points": [dict(_point_view(item, i, dom), go_to=g(N_("Go to {time}")).format(time=format_clock(item.time)))
                   for i, item in enumerate(points, 1)],
        "speeds": [{"value": "{:g}".format(s), "label": "{:g}×".format(s), "selected": s == 1.0} for s in SPEEDS],
        "s": {
            "video": g(N_("Lesson video: {title}")).format(title=title),
            "no_video": g(N_("Your browser cannot play this video. Read the transcript instead.")),
            "controls": g(N_("Video controls")), "play": g(N_("Play")),
            "back": g(N_("Back 10 s")), "forward": g(N_("Forward 10 s")),
            "speed": g(N_("Speed")), "captions": g(N_("Captions")), "captions_off": g(N_("Off")),
            "transcript": g(N_("Transcript")), "show_transcript": g(N_("Show transcript")),
            "shortcuts": g(N_("Keyboard shortcuts")),
            "shortcut_intro": g(N_("When the focus is in the player area:")),
            "keys": [("K", g(N_("play or pause"))), ("J", g(N_("back 10 seconds"))),
                     ("L", g(N_("forward 10 seconds"))), ("<  >", g(N_("slower or faster"))),
                     ("C", g(N_("captions on or off"))), ("Esc", g(N_("close an optional question")))],
            "progress": g(N_("Your progress")),
            "points": g(N_("Reflection questions")),
            "points_intro": g(N_("The video stops at these questions. You can also answer them here.")),
            "required": g(N_("Required")), "optional": g(N_("Optional")),
            "answer_here": g(N_("Answer here")),
            "not_answered": g(N_("Not answered")),
            "recap": g(N_("Your reflections")), "show_recap": g(N_("Show my answers")),
            "print": g(N_("Print")), "download": g(N_("Download as a text file (Markdown)")),
            "dialog_later": g(N_("Not now")), "dialog_later_required": g(N_("Answer later")),
            "continue": g(N_("Continue the video")),
            "your_answer": g(N_("Your answer")), "guidance": g(N_("Something to think about")),
            "submit": g(N_("Submit answer")),
            "youtube_loading": g(N_("Loading the YouTube player…")),
        },
    }
    data = {
        "language": language,
        "youtubeId": youtube_id,
        "duration": lesson.duration,
        "completionPercent": lesson.completion_percent,
        "points": [_point_data(item, t) for item in points],
        "tracks": context["tracks"],
        "state": user_state,
        "strings": js_strings(t),
    }
    return context, data


def author_context(lesson, t, dom, title):
    """Context of ``author_view``: the points as a list with their times, and any problems."""
    g = t.gettext
    return {
        "id": dom, "title": title,
        "problems": [translate_error(e, g) for e in validate(lesson)],
        "problems_title": g(N_("This lesson cannot be shown to learners until these are fixed:")),
        "points_title": g(N_("Reflection points")),
        "no_points": g(N_("No reflection points yet.")),
        "required": g(N_("Required")), "optional": g(N_("Optional")),
        "media": g(N_("Video: {sources}. Captions: {tracks}.")).format(
            sources=", ".join([s.src for s in lesson.sources] + (
                ["YouTube " + lesson.youtube_id] if lesson.youtube_id else [])) or "–",
            tracks=", ".join(tr.label or tr.srclang for tr in lesson.tracks) or "–"),
        "points": [dict(_point_view(item, i, dom, label=format_time),
                        guidance=mark_safe(sanitize_html(item.guidance)))  # noqa: S308
                   for i, item in enumerate(lesson.in_time_order(), 1)],
        "guidance": g(N_("Guidance")),
    }


def studio_context(form, t, dom):
    """``(template context, data for the JavaScript)`` of the Studio editor."""
    g = t.gettext
    context = {
        "id": dom,
        "s": {
            "heading": g(N_("Edit the video lesson")),
            "intro": g(N_("Nothing is saved until every problem is fixed; each message names the row "
                          "to fix.")),
            "errors": g(N_("Nothing was saved. Fix these problems first:")),
            "display_name": g(N_("Display name")),
            "sources": g(N_("Video files")),
            "sources_help": g(N_("One address per row, starting with https:// or /static/. The type is "
                                 "worked out from the file name. Give the same video in several formats "
                                 "for older browsers.")),
            "add_source": g(N_("Add a video file")),
            "youtube_id": g(N_("YouTube id (optional)")),
            "youtube_help": g(N_("The 11 characters after “v=” in the YouTube address. When given, the "
                                 "video plays from YouTube instead of the files.")),
            "tracks": g(N_("Caption tracks")),
            "tracks_help": g(N_("WebVTT files. Every video needs captions in at least one language.")),
            "add_track": g(N_("Add a caption track")),
            "completion": g(N_("Share of the video to watch for completion (%)")),
            "duration": g(N_("Length of the video (optional, e.g. 5:32)")),
            "duration_help": g(N_("When given, this length is used for the watched share instead of the "
                                  "one the learner's player reports.")),
            "weight": g(N_("Weight in the grade")),
            "weight_help": g(N_("0 means the lesson does not count in the grade.")),
            "reflections": g(N_("Reflection points")),
            "reflections_help": g(N_("The video pauses at each point and asks the question. Type the time "
                                     "(1:15) or play the preview and use its current time.")),
            "reflections_order": g(N_("The points are listed in time order, one line each: open a point to "
                                      "edit it.")),
            "preview": g(N_("Preview of the video")),
            "preview_none": g(N_("The preview plays video files only; type the times for a YouTube "
                                 "video.")),
            "add_reflection": g(N_("Add a reflection point")),
            "save": g(N_("Save")), "cancel": g(N_("Cancel")),
        },
    }
    data = {
        "form": form,
        "maxChars": MAX_MAX_CHARS,
        "strings": {
            "source": g(N_("Video file {n}")), "track": g(N_("Caption track {n}")),
            "reflection": g(N_("Reflection point {n}")),
            "address": g(N_("Address")), "type": g(N_("Type: {type}")), "typeUnknown": g(N_("unknown")),
            "language": g(N_("Language code (sv, en …)")), "label": g(N_("Label shown to learners")),
            "file": g(N_("Address of the WebVTT file")), "isDefault": g(N_("Shown by default")),
            "time": g(N_("Time (e.g. 1:15)")), "useTime": g(N_("Use current time")),
            "currentTime": g(N_("Current time of the preview: {time}")),
            "prompt": g(N_("Question")), "guidance": g(N_("Guidance shown after answering")),
            "htmlHelp": g(N_("Plain text, or simple HTML: p, strong, em, ul, ol, li, a.")),
            "required": g(N_("Required: the learner cannot skip it")),
            "minWords": g(N_("Minimum number of words")), "maxChars": g(N_("Maximum number of characters")),
            "up": g(N_("Move up")), "down": g(N_("Move down")), "remove": g(N_("Remove")),
            # Translators: names a row button for screen readers, e.g. "Move up: Reflection point 2".
            "rowAction": g(N_("{action}: {name}")),
            "removed": g(N_("{name} removed.")), "moved": g(N_("{name} moved.")),
            # Translators: said when a closed reflection row moved to its place in time order.
            "movedInTime": g(N_("Moved into time order: now {name}.")),
            "isRequired": g(N_("Required")), "isOptional": g(N_("Optional")),
            "noTime": g(N_("no time yet")), "noPrompt": g(N_("no question yet")),
            "saving": g(N_("Saving…")), "saved": g(N_("Saved.")),
            "failed": g(N_("Saving failed. Check your connection and try again.")),
            "notSaved": g(N_("Not saved")),
        },
    }
    return context, data
