"""Turn a parsed lesson into ``<id>.webm``, ``<id>.sv.vtt`` and ``<id>.json``.

Pipeline: one espeak-ng WAV per caption cue → a timeline built from the WAV lengths (in
samples, so captions, slide changes and reflection points are exact) → one concatenated WAV
→ Pillow slides → a single deterministic ffmpeg run (VP9 + Opus in WebM).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import PIPELINE_VERSION
from .cues import build_vtt, speech, split_cues
from .manuscript import Lesson, parse_manuscript
from .slides import render_slide

VOICE = ["-v", "sv", "-s", "150", "-p", "50", "-a", "100"]  # Swedish, fixed speed and pitch
FPS = 2                      # slides are static: few frames keep encoding fast and files small
# A keyframe at every slide change and at least every 20 s. Between keyframes a still slide
# costs ~50 bytes per frame, so a seek decodes at most 40 tiny frames: still instant, while a
# 720p keyframe costs 10–20 KB (keyframes every 2 s would double the file).
KEYFRAME_INTERVAL = 20 * FPS
PAUSE_BEFORE_END = 1         # frames: a reflection pause lands this far before its slide ends,
                             # so the player shows the slide the question belongs to
LEAD_IN = 0.5                # silence at the start of each slide before the first cue (s)
CUE_GAP = 0.3                # silence between cues of one paragraph (s)
PARAGRAPH_GAP = 0.6          # silence between paragraphs (s)
SLIDE_TAIL = 0.6             # minimum silence at the end of a slide (s), padded up to a frame
REQUIRED_TOOLS = ("espeak-ng", "ffmpeg")
# Encoder quality, tuned on the real lessons (1280×720 slides): keyframes dominate the video
# size, so keyframe quality is capped with qmin. Speech from espeak-ng stays clear with 12 kbit/s
# Opus (voip), which is most of the file: about 0.15 MB per minute in all.
CRF, QMIN, BLUR_SIGMA, AUDIO_BITRATE = 50, 46, 0.4, "12k"


class ToolMissingError(RuntimeError):
    """espeak-ng or ffmpeg is not installed."""


@dataclass
class Timeline:
    """Positions in audio samples at ``rate`` Hz."""

    rate: int
    slides: list[tuple[int, int]] = field(default_factory=list)    # (start, end) per slide
    cues: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, text)

    @property
    def total(self) -> int:
        """Length of the whole lesson in samples."""
        return self.slides[-1][1] if self.slides else 0

    def seconds(self, samples: int) -> float:
        """Samples → seconds rounded to milliseconds (the precision of JSON and VTT)."""
        return round(samples / self.rate, 3)


def source_hash(manuscript: bytes) -> str:
    """Cache key: the manuscript bytes together with the pipeline version."""
    return hashlib.sha256(PIPELINE_VERSION.encode() + b"\0" + manuscript).hexdigest()


def missing_tools() -> list[str]:
    """Names of required external programs that are not on PATH."""
    return [tool for tool in REQUIRED_TOOLS if shutil.which(tool) is None]


def slide_cues(lesson: Lesson) -> list[list[list[str]]]:
    """Cue texts per slide, per narration paragraph."""
    return [[split_cues(p) for p in slide.narration] for slide in lesson.slides]


def build_timeline(cues: list[list[list[str]]], lengths: list[list[list[int]]], rate: int) -> Timeline:
    """Place cues (``lengths`` in samples, same nesting as ``cues``) and slides on one time axis.

    Each slide ends on a video frame boundary (the tail silence is stretched to it), so the
    slide change, its forced keyframe and the reflection pause all happen at the same time.
    """
    if rate % FPS:
        raise ValueError(f"sample rate {rate} is not a multiple of {FPS} fps")
    frame = rate // FPS
    timeline = Timeline(rate)
    position = 0
    for slide_texts, slide_lengths in zip(cues, lengths, strict=True):
        start = position
        position += round(LEAD_IN * rate)
        for p, (texts, sizes) in enumerate(zip(slide_texts, slide_lengths, strict=True)):
            if p:
                position += round(PARAGRAPH_GAP * rate) - round(CUE_GAP * rate)
            for c, (text, size) in enumerate(zip(texts, sizes, strict=True)):
                if c or p:
                    position += round(CUE_GAP * rate)
                timeline.cues.append((position, position + size, text))
                position += size
        position += round(SLIDE_TAIL * rate)
        position = -(-position // frame) * frame  # round up to the next frame boundary
        timeline.slides.append((start, position))
    return timeline


def _speak(text: str, wav: Path) -> None:
    # Text goes through stdin so a cue starting with "-" is never taken for an option.
    result = subprocess.run(["espeak-ng", *VOICE, "--stdin", "-w", str(wav)], input=text.encode("utf-8"),
                            check=False, capture_output=True)
    if result.returncode or not wav.is_file():
        raise RuntimeError(f"espeak-ng failed on {text!r}: {result.stderr.decode(errors='replace').strip()}")


def _read_pcm(wav: Path) -> tuple[tuple[int, int, int], bytes]:
    with wave.open(str(wav), "rb") as w:
        # Count frames from the data actually read, not only the header's claim.
        data = w.readframes(w.getnframes())
        return (w.getnchannels(), w.getsampwidth(), w.getframerate()), data


def synthesize(cues: list[list[list[str]]], workdir: Path) -> tuple[Timeline, Path]:
    """Speak every cue, build the timeline and write the full narration track as one WAV."""
    flat = [speech(text) for slide in cues for para in slide for text in para]
    wavs = [workdir / f"cue{i:04d}.wav" for i in range(len(flat))]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(_speak, flat, wavs))
    pcm = [_read_pcm(w) for w in wavs]
    params = {p for p, _ in pcm}
    if len(params) != 1:
        raise RuntimeError(f"espeak-ng produced WAVs with differing formats: {params}")
    (channels, width, rate), = params
    sizes = iter(len(data) // (channels * width) for _, data in pcm)
    lengths = [[[next(sizes) for _ in para] for para in slide] for slide in cues]
    timeline = build_timeline(cues, lengths, rate)
    track = workdir / "narration.wav"
    with wave.open(str(track), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        position = 0
        for (start, end, _), (_, data) in zip(timeline.cues, pcm, strict=True):
            out.writeframes(bytes((start - position) * channels * width) + data)
            position = end
        out.writeframes(bytes((timeline.total - position) * channels * width))
    return timeline, track


def ffmpeg_command(slides: list[Path], frames: list[int], audio: Path, output: Path) -> list[str]:
    """The ffmpeg invocation; every setting is fixed so output bytes depend only on the input."""
    command = ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"]
    for png in slides:
        command += ["-i", str(png)]
    command += ["-i", str(audio)]
    # Each still image is softened very slightly (sharp antialiased text edges are what make VP9
    # keyframes expensive; a tiny blur saves bytes and keeps text crisp at 720p), repeated
    # for exactly its frame count, then timestamps are renumbered so frame n sits at n/FPS s.
    chains = [f"[{i}:v]gblur=sigma={BLUR_SIGMA},loop=loop={n - 1}:size=1:start=0[v{i}]"
              for i, n in enumerate(frames)]
    joined = "".join(f"[v{i}]" for i in range(len(frames)))
    graph = ";".join(chains + [f"{joined}concat=n={len(frames)}:v=1:a=0,settb=1/{FPS},setpts=N,"
                               "format=yuv420p[v]"])
    starts, total = [], 0
    for n in frames:
        starts.append(total)
        total += n
    command += [
        "-filter_complex", graph, "-map", "[v]", "-map", f"{len(slides)}:a",
        "-filter_complex_threads", "1", "-r", str(FPS),
        # Constant quality; qmin stops libvpx from boosting keyframe quality (it assumes a
        # keyframe is reused for a long time, but here one comes every 2 s).
        "-c:v", "libvpx-vp9", "-crf", str(CRF), "-qmin", str(QMIN), "-b:v", "0", "-tune", "ssim",
        "-deadline", "good", "-cpu-used", "4", "-row-mt", "0", "-tile-columns", "0", "-threads", "1",
        "-g", str(KEYFRAME_INTERVAL), "-force_key_frames", ",".join(f"{s / FPS:.3f}" for s in starts),
        "-c:a", "libopus", "-b:a", AUDIO_BITRATE, "-ac", "1", "-ar", "48000", "-application", "voip",
        "-frame_duration", "60",  # fewer, larger packets: ~5 % less container and codec overhead
        "-map_metadata", "-1", "-map_chapters", "-1",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        "-f", "webm", str(output),
    ]
    return command


def pause_time(timeline: Timeline, slide: int) -> float:
    """When the reflection after ``slide`` (0-based) pauses: one frame before the slide ends.

    The slide's tail silence is at least ``SLIDE_TAIL`` (> one frame), so the narration is over,
    and the frame on screen is still this slide, never the next slide's title.
    """
    return timeline.seconds(timeline.slides[slide][1] - PAUSE_BEFORE_END * (timeline.rate // FPS))


def sidecar(lesson: Lesson, timeline: Timeline, digest: str) -> dict:
    """The JSON the course build reads to write the lesson's ``<video_lesson>``.

    ``slides`` (title, start, end in seconds) lets tests check each pause against its slide.
    """
    return {
        "id": lesson.id, "title": lesson.title, "module": lesson.module, "kind": lesson.kind,
        "duration": timeline.seconds(timeline.total),
        "slides": [{"title": s.title, "bullets": s.bullets, "start": timeline.seconds(start),
                    "end": timeline.seconds(end)}
                   for s, (start, end) in zip(lesson.slides, timeline.slides, strict=True)],
        "reflections": [{
            "id": r.id, "time": pause_time(timeline, r.after_slide), "after_slide": r.after_slide,
            "required": r.required, "min_words": r.min_words, "max_chars": r.max_chars,
            "prompt": r.prompt, "guidance": r.guidance} for r in lesson.reflections],
        "sources": lesson.sources,
        "video": f"video/{lesson.id}.webm", "captions": f"video/{lesson.id}.sv.vtt",
        "source_sha256": digest,
    }


def dump_json(data: dict) -> str:
    """Sorted keys, real UTF-8 characters and a trailing newline (stable diffs)."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def outputs(out_dir: Path, lesson_id: str) -> dict[str, Path]:
    """Final output paths of a lesson."""
    return {"webm": out_dir / f"{lesson_id}.webm", "vtt": out_dir / f"{lesson_id}.sv.vtt",
            "json": out_dir / f"{lesson_id}.json"}


def is_up_to_date(paths: dict[str, Path], digest: str) -> bool:
    """True if all outputs exist and the sidecar records the same input hash."""
    if not all(p.is_file() for p in paths.values()):
        return False
    try:
        return json.loads(paths["json"].read_text(encoding="utf-8")).get("source_sha256") == digest
    except (ValueError, OSError):
        return False


def _install(src: Path, dest: Path) -> None:
    """Copy next to ``dest`` then rename, so a reader never sees a half-written file."""
    tmp = dest.with_name(f".{dest.name}.tmp{os.getpid()}")
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def render_lesson(manuscript: Path, out_dir: Path, force: bool = False) -> tuple[str, dict[str, Path]]:
    """Render one manuscript; return ``("rendered" | "up-to-date", output paths)``."""
    raw = manuscript.read_bytes()
    lesson = parse_manuscript(raw.decode("utf-8"), str(manuscript))
    digest = source_hash(raw)
    paths = outputs(out_dir, lesson.id)
    if not force and is_up_to_date(paths, digest):
        return "up-to-date", paths
    missing = missing_tools()
    if missing:
        raise ToolMissingError(f"missing {', '.join(missing)}: install the Debian packages "
                               "ffmpeg and espeak-ng")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"lesson-video-{lesson.id}-") as tmp:
        work = Path(tmp)
        cues = slide_cues(lesson)
        timeline, track = synthesize(cues, work)
        pngs = []
        for n, slide in enumerate(lesson.slides, 1):
            pngs.append(work / f"slide{n:03d}.png")
            render_slide(pngs[-1], lesson.title, slide.title, slide.bullets, n, len(lesson.slides))
        frames = [(end - start) // (timeline.rate // FPS) for start, end in timeline.slides]
        webm = work / "video.webm"
        result = subprocess.run(ffmpeg_command(pngs, frames, track, webm), check=False,
                                capture_output=True, text=True)
        if result.returncode:
            raise RuntimeError(f"ffmpeg failed for {manuscript}:\n{result.stderr.strip()}")
        ms = [(round(s * 1000 / timeline.rate), round(e * 1000 / timeline.rate), t) for s, e, t in timeline.cues]
        (work / "captions.vtt").write_text(build_vtt(ms), encoding="utf-8")
        (work / "sidecar.json").write_text(dump_json(sidecar(lesson, timeline, digest)), encoding="utf-8")
        # The sidecar goes last: its hash marks the set as complete for the up-to-date check.
        _install(webm, paths["webm"])
        _install(work / "captions.vtt", paths["vtt"])
        _install(work / "sidecar.json", paths["json"])
    return "rendered", paths
