"""Parse lesson manuscripts (``course_export/manuscripts/FORMAT.md``) into dataclasses.

The parser is deliberately strict: a manuscript is the single source of slides, speech,
captions and reflection points, so a typo should stop the build with a message that names
the file and line rather than silently produce a video with a missing pause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cues import MARKUP_RE, strip_markup

ID_RE = re.compile(r"[a-z0-9-]+")
REQUIRED_FRONT_MATTER = ("id", "title", "module")
KINDS = ("lesson", "trailer")  # a trailer (the about page's short film) has no reflections
REFLECTION_ATTRS = {"id", "required", "min_words", "max_chars"}
DEFAULT_MAX_CHARS = 4000
MAX_BULLETS = 4
MAX_BULLET_CHARS = 60  # FORMAT.md; longer bullets get a smaller font on the slide
SOURCES_HEADING = "källor"
WORDS_PER_MINUTE = 150
# Abbreviations that espeak-ng reads letter by letter or wrongly; FORMAT.md asks for full words.
ABBREVIATION_RE = re.compile(r"(?<!\w)(t\.\s?ex|bl\.\s?a|m\.\s?m|s\.\s?k|d\.\s?v\.\s?s|osv|dvs|etc|ca)\.?(?!\w)",
                             re.IGNORECASE)


class ManuscriptError(ValueError):
    """A malformed manuscript; ``str()`` gives ``path:line: message``."""

    def __init__(self, message: str, path: str = "<manuscript>", line: int | None = None):
        self.message, self.path, self.line = message, path, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


@dataclass
class Slide:
    """One slide: a heading, 1–4 bullets and the narration read while it is shown."""

    title: str
    bullets: list[str] = field(default_factory=list)
    narration: list[str] = field(default_factory=list)  # paragraphs, whitespace-normalised
    line: int = 0

    @property
    def narration_text(self) -> str:
        """All narration paragraphs joined by single spaces."""
        return " ".join(self.narration)


@dataclass
class Reflection:
    """A reflection point; the video pauses at the end of slide ``after_slide`` (0-based)."""

    id: str
    required: bool
    prompt: str
    guidance: str
    after_slide: int
    min_words: int = 0
    max_chars: int = DEFAULT_MAX_CHARS
    line: int = 0


@dataclass
class Lesson:
    """A parsed manuscript."""

    id: str
    title: str
    module: int
    slides: list[Slide]
    reflections: list[Reflection]
    sources: list[str]
    kind: str = "lesson"

    @property
    def word_count(self) -> int:
        """Number of narration words (what the speech synthesiser reads)."""
        return sum(len(MARKUP_RE.sub(lambda m: m.group(2), s.narration_text).split()) for s in self.slides)

    @property
    def estimated_minutes(self) -> float:
        """Narration length at the nominal speaking rate of FORMAT.md."""
        return self.word_count / WORDS_PER_MINUTE


def _clean_inline(text: str) -> str:
    """Drop Markdown emphasis/code markers (they would be spoken or shown literally)."""
    return " ".join(text.replace("`", "").replace("*", "").split())


def _shown(text: str) -> str:
    """Text that is only shown, never spoken (titles, bullets, prompts): ``{a|b}`` → ``a``."""
    return strip_markup(_clean_inline(text))


def _strip_comment(value: str) -> str:
    # FORMAT.md documents keys with trailing "  # comment"; only whitespace-led '#' counts so a
    # title such as "C# i praktiken" survives.
    return re.sub(r"\s+#.*$", "", value).strip()


def _parse_front_matter(lines: list[str], path: str) -> tuple[dict[str, str], int]:
    """Return the key/value pairs and the index of the first body line."""
    if not lines or lines[0].strip() != "---":
        raise ManuscriptError("missing front matter: the file must start with '---'", path, 1)
    values: dict[str, tuple[str, int]] = {}
    for i in range(1, len(lines)):
        raw = lines[i].strip()
        if raw == "---":
            end = i
            break
        if not raw or raw.startswith("#"):
            continue
        m = re.fullmatch(r"([A-Za-z_][\w-]*)\s*:\s*(.*)", raw)
        if not m:
            raise ManuscriptError(f"malformed front matter line {raw!r} (expected 'key: value')", path, i + 1)
        key = m.group(1)
        if key in values:
            raise ManuscriptError(f"duplicate front matter key '{key}'", path, i + 1)
        values[key] = (_strip_comment(m.group(2)).strip("\"'"), i + 1)
    else:
        raise ManuscriptError("front matter is not closed with '---'", path, 1)
    for key in REQUIRED_FRONT_MATTER:
        if not values.get(key, ("", 0))[0]:
            raise ManuscriptError(f"missing front matter key '{key}'", path, end + 1)
    lesson_id, id_line = values["id"]
    if not ID_RE.fullmatch(lesson_id):
        raise ManuscriptError(f"bad lesson id {lesson_id!r}: use only a-z, 0-9 and '-'", path, id_line)
    kind, kind_line = values.get("kind", ("lesson", 0))
    if kind not in KINDS:
        raise ManuscriptError(f"bad kind {kind!r}: expected one of {', '.join(KINDS)}", path, kind_line)
    module, module_line = values["module"]
    if not module.isdigit() or not 1 <= int(module) <= 11:
        raise ManuscriptError(f"bad module {module!r}: expected a number 1–11", path, module_line)
    return {k: v for k, (v, _) in values.items()}, end + 1


def _parse_int_attr(name: str, value: str, path: str, line: int) -> int:
    if not value.isdigit():
        raise ManuscriptError(f"reflection attribute {name}={value!r} must be a non-negative integer", path, line)
    return int(value)


def _parse_reflection(lines: list[str], start: int, after_slide: int, path: str) -> tuple[Reflection, int]:
    """Parse a ``::: reflection`` block starting at ``lines[start]``; return it and the next index."""
    line_no = start + 1
    header = lines[start].strip()
    attrs: dict[str, str] = {}
    for token in header[3:].split()[1:]:
        if "=" not in token:
            raise ManuscriptError(f"malformed reflection attribute {token!r} (expected key=value)", path, line_no)
        key, value = token.split("=", 1)
        if key not in REFLECTION_ATTRS:
            raise ManuscriptError(f"unknown reflection attribute '{key}'", path, line_no)
        attrs[key] = value.strip("\"'")
    for key in ("id", "required"):
        if key not in attrs:
            raise ManuscriptError(f"reflection is missing the '{key}' attribute", path, line_no)
    if not ID_RE.fullmatch(attrs["id"]):
        raise ManuscriptError(f"bad reflection id {attrs['id']!r}: use only a-z, 0-9 and '-'", path, line_no)
    if attrs["required"] not in ("true", "false"):
        raise ManuscriptError(f"reflection required={attrs['required']!r} must be true or false", path, line_no)
    texts: dict[str, str] = {}
    i = start + 1
    while i < len(lines):
        raw = lines[i].strip()
        if raw == ":::":
            break
        if raw.startswith(("#", ":::")):  # the next slide or block began: the closer is missing
            break
        m = re.fullmatch(r"(prompt|guidance)\s*:\s*(.*)", raw)
        if m:
            if m.group(1) in texts:
                raise ManuscriptError(f"duplicate '{m.group(1)}:' in reflection '{attrs['id']}'", path, i + 1)
            texts[m.group(1)] = m.group(2).strip()
        elif raw:
            raise ManuscriptError(f"unexpected line in reflection '{attrs['id']}': expected 'prompt:', "
                                  "'guidance:' or ':::'", path, i + 1)
        i += 1
    if i == len(lines) or lines[i].strip() != ":::":
        raise ManuscriptError(f"reflection '{attrs['id']}' is not closed with ':::'", path, line_no)
    for key in ("prompt", "guidance"):
        if not texts.get(key):
            raise ManuscriptError(f"reflection '{attrs['id']}' is missing '{key}:'", path, line_no)
    reflection = Reflection(
        id=attrs["id"], required=attrs["required"] == "true", prompt=strip_markup(texts["prompt"]),
        guidance=strip_markup(texts["guidance"]), after_slide=after_slide, line=line_no,
        min_words=_parse_int_attr("min_words", attrs["min_words"], path, line_no) if "min_words" in attrs else 0,
        max_chars=(_parse_int_attr("max_chars", attrs["max_chars"], path, line_no)
                   if "max_chars" in attrs else DEFAULT_MAX_CHARS))
    return reflection, i + 1


def _finish_slide(slide: Slide, paragraph: list[str], path: str) -> None:
    """Close the open paragraph and check the slide is complete."""
    if paragraph:
        slide.narration.append(_clean_inline(" ".join(paragraph)))
        paragraph.clear()
    if not slide.bullets:
        raise ManuscriptError(f"slide '{slide.title}' has no bullet points (1–{MAX_BULLETS} required)",
                              path, slide.line)
    if not slide.narration:
        raise ManuscriptError(f"slide '{slide.title}' has no narration text", path, slide.line)


def parse_manuscript(text: str, path: str = "<manuscript>") -> Lesson:
    """Parse manuscript ``text``; raise :class:`ManuscriptError` (with ``path`` and line) if malformed."""
    lines = text.lstrip("\ufeff").splitlines()
    meta, i = _parse_front_matter(lines, path)
    slides: list[Slide] = []
    reflections: list[Reflection] = []
    sources: list[str] | None = None  # None until "## Källor" is seen
    slide: Slide | None = None
    paragraph: list[str] = []
    after_reflection = False  # only blank lines, more reflections or a heading may follow one
    while i < len(lines):
        raw, line_no = lines[i].rstrip(), i + 1
        stripped = raw.strip()
        i += 1
        if re.fullmatch(r"<!--.*-->", stripped):
            continue  # whole-line HTML comments are author notes
        if stripped.startswith(":::"):
            if not re.match(r":::\s*reflection\b", stripped):
                raise ManuscriptError(f"unknown block {stripped!r} (only '::: reflection' is supported)",
                                      path, line_no)
            if not slides:
                raise ManuscriptError("reflection before the first slide", path, line_no)
            if sources is not None:
                raise ManuscriptError("reflection after the last slide (inside '## Källor')", path, line_no)
            _finish_slide(slide, paragraph, path)
            reflection, i = _parse_reflection(lines, i - 1, len(slides) - 1, path)
            if any(r.id == reflection.id for r in reflections):
                raise ManuscriptError(f"duplicate reflection id '{reflection.id}'", path, line_no)
            reflections.append(reflection)
            after_reflection = True
            continue
        if stripped.startswith("#"):
            m = re.fullmatch(r"##\s+(.+)", stripped)
            if not m:
                raise ManuscriptError(f"unexpected heading {stripped!r}: slides start with '## '", path, line_no)
            if sources is not None:
                raise ManuscriptError("'## Källor' must be the last section", path, line_no)
            after_reflection = False
            if slide is not None:
                _finish_slide(slide, paragraph, path)
            heading = _shown(m.group(1))
            if heading.casefold() == SOURCES_HEADING:
                if slide is None:
                    raise ManuscriptError("'## Källor' before the first slide", path, line_no)
                sources, slide = [], None
            else:
                slide = Slide(title=heading, line=line_no)
                slides.append(slide)
            continue
        if not stripped:
            if slide is not None and paragraph:
                slide.narration.append(_clean_inline(" ".join(paragraph)))
                paragraph.clear()
            continue
        bullet = re.fullmatch(r"[-*]\s+(.*)", stripped)
        if sources is not None:
            if not bullet:
                raise ManuscriptError("lines under '## Källor' must be '- ' list items", path, line_no)
            sources.append(bullet.group(1).strip())
        elif slide is None:
            raise ManuscriptError("text before the first slide ('## ' heading)", path, line_no)
        elif after_reflection:
            raise ManuscriptError("text after a reflection block: start the next slide with '## '",
                                  path, line_no)
        elif bullet and not slide.narration and not paragraph:
            if len(slide.bullets) == MAX_BULLETS:
                raise ManuscriptError(f"slide '{slide.title}' has more than {MAX_BULLETS} bullet points",
                                      path, line_no)
            slide.bullets.append(_shown(bullet.group(1)))
        elif bullet:
            raise ManuscriptError("bullet point after narration text: put bullets right under the heading",
                                  path, line_no)
        elif raw.startswith(("  ", "\t")) and slide.bullets and not slide.narration and not paragraph:
            slide.bullets[-1] = _shown(slide.bullets[-1] + " " + stripped)  # wrapped bullet
        else:
            paragraph.append(stripped)
    if slide is not None:
        _finish_slide(slide, paragraph, path)
    if not slides:
        raise ManuscriptError("no slides ('## ' headings) found", path, len(lines))
    for reflection in reflections:
        if reflection.after_slide >= len(slides) - 1:
            raise ManuscriptError(f"reflection '{reflection.id}' after the last slide: it must stand "
                                  "between two slides", path, reflection.line)
    return Lesson(id=meta["id"], title=meta["title"], module=int(meta["module"]), slides=slides,
                  reflections=reflections, sources=sources or [], kind=meta.get("kind", "lesson"))


def validate_lesson(lesson: Lesson) -> tuple[list[str], list[str]]:
    """Course-level rules beyond syntax: return ``(errors, warnings)`` for ``--check``."""
    errors, warnings = [], []
    if lesson.kind == "trailer":
        if lesson.reflections:
            errors.append("a trailer has no reflections")
        if lesson.word_count > 250:
            warnings.append(f"{lesson.word_count} narration words (a trailer should stay under 2 minutes)")
    else:
        if not 2 <= len(lesson.reflections) <= 4:
            errors.append(f"{len(lesson.reflections)} reflections (FORMAT.md asks for 2–4)")
        if not 600 <= lesson.word_count <= 1200:
            warnings.append(f"{lesson.word_count} narration words (aim for 600–1200, i.e. 4–8 minutes)")
    if not lesson.sources:
        warnings.append("no '## Källor' entries")
    for slide in lesson.slides:
        warnings.extend(f"slide '{slide.title}': bullet longer than {MAX_BULLET_CHARS} characters: {b!r}"
                        for b in slide.bullets if len(b) > MAX_BULLET_CHARS)
        stray = MARKUP_RE.sub("", slide.narration_text)
        if "{" in stray or "}" in stray:
            errors.append(f"slide '{slide.title}': a brace that is not '{{shown|spoken}}' markup")
        for m in ABBREVIATION_RE.finditer(slide.narration_text):
            warnings.append(f"slide '{slide.title}': abbreviation {m.group(0)!r} is read badly by the voice")
    return errors, warnings
