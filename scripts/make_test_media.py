"""Generate the short test clips the demo and the browser tests play (deterministic, cached).

Writes ``build/media/test/clip.webm`` (VP9/Opus) and ``clip.mp4`` (H.264/AAC): 40 s, 25 fps,
320x180, a test pattern with the running time burned in and a tone; plus WebVTT captions in
Swedish and English. Needs Debian's ffmpeg.
"""
import argparse
import os
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "build", "media", "test")
DURATION = 40
FPS = 25

CAPTIONS = {
    "sv": ["Välkommen till testfilmen.", "Här pausar filmen snart för en fråga.",
           "Nu fortsätter vi.", "Snart kommer nästa fråga.", "Tack för att du tittade."],
    "en": ["Welcome to the test film.", "The film will soon pause for a question.",
           "Now we continue.", "The next question is coming.", "Thank you for watching."],
}


def _vtt(lines):
    step = DURATION / len(lines)
    out = ["WEBVTT", ""]
    for i, text in enumerate(lines):
        start, end = i * step, (i + 1) * step - 0.5
        out += ["{:02d}:{:06.3f} --> {:02d}:{:06.3f}".format(int(start // 60), start % 60,
                                                         int(end // 60), end % 60), text, ""]
    return "\n".join(out)


def _ffmpeg(args, target):
    tmp = target + ".part" + os.path.splitext(target)[1]
    base = ["ffmpeg", "-nostdin", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "testsrc2=size=320x180:rate={}:duration={}".format(FPS, DURATION),
            "-f", "lavfi", "-i", "sine=frequency=440:duration={}".format(DURATION),
            "-threads", "1", "-map_metadata", "-1", "-fflags", "+bitexact",
            "-flags:v", "+bitexact", "-flags:a", "+bitexact", "-g", str(FPS)]
    subprocess.run(base + args + [tmp], check=True)
    os.replace(tmp, target)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--force", action="store_true", help="regenerate even if present")
    args = parser.parse_args(argv)
    if shutil.which("ffmpeg") is None:
        sys.exit("make_test_media: ffmpeg is missing (apt-get install ffmpeg)")
    os.makedirs(OUT, exist_ok=True)
    webm, mp4 = os.path.join(OUT, "clip.webm"), os.path.join(OUT, "clip.mp4")
    if args.force or not os.path.exists(webm):
        _ffmpeg(["-c:v", "libvpx-vp9", "-b:v", "200k", "-deadline", "realtime", "-cpu-used", "8",
                 "-c:a", "libopus", "-b:a", "32k"], webm)
    if args.force or not os.path.exists(mp4):
        _ffmpeg(["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                 "-c:a", "aac", "-b:a", "64k", "-movflags", "+faststart"], mp4)
    for lang, lines in CAPTIONS.items():
        with open(os.path.join(OUT, "clip.{}.vtt".format(lang)), "w", encoding="utf-8") as handle:
            handle.write(_vtt(lines))
    print("test media in", os.path.relpath(OUT, REPO))


if __name__ == "__main__":
    main()
