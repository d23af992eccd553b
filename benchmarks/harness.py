"""Shared measuring tools for the benchmarks: a real WorkbenchRuntime, field-write counting,
fragment asset sizes, and the demo site for browser measurements."""
import gzip
import importlib
import os
import re
import statistics
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPTS = os.path.join(REPO, "scripts")


def setup_django():
    """Configure the demo site's settings with a throw-away database (idempotent)."""
    if SCRIPTS not in sys.path:
        sys.path.insert(0, SCRIPTS)
    os.environ.setdefault("BEMOTANDE_VAR", tempfile.mkdtemp(prefix="bemotande-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devsite.settings")
    import django  # pylint: disable=import-outside-toplevel
    from django.core.management import call_command  # pylint: disable=import-outside-toplevel
    if not getattr(setup_django, "done", False):
        django.setup()
        call_command("migrate", run_syncdb=True, verbosity=0)
        setup_django.done = True


class WriteCounter:
    """Counts field values written to the workbench key-value store (instrumentation, not a stub)."""

    def __init__(self):
        from workbench.runtime import WORKBENCH_KVS  # pylint: disable=import-outside-toplevel
        self.kvs, self.count = WORKBENCH_KVS, 0
        self._set, self._set_many = self.kvs.set, self.kvs.set_many

    def __enter__(self):
        def counted_set(key, value):
            self.count += 1
            return self._set(key, value)

        def counted_set_many(update_dict):
            self.count += len(update_dict)
            return self._set_many(update_dict)
        self.kvs.set, self.kvs.set_many = counted_set, counted_set_many
        return self

    def __exit__(self, *exc):
        self.kvs.set, self.kvs.set_many = self._set, self._set_many


class Context:
    """What a benchmark module's ``run(ctx)`` gets."""

    repo = REPO

    def __init__(self, quick=False):
        setup_django()
        from devsite import server  # pylint: disable=import-outside-toplevel
        self.chromium, self.chromium_args = server.CHROMIUM, server.CHROMIUM_ARGS
        self.quick = quick
        self._server = None
        self._users = 0
        self._once = {}

    def once(self, key, measure):
        """``measure()``'s result, computed the first time ``key`` is asked for in this run and reused
        after: an anchor (DnDv2's render, ...) is measured once per run, so every row that compares
        against it shows the same figure."""
        if key not in self._once:
            self._once[key] = measure()
        return self._once[key]

    def anchor_render_ms(self, name, olx, n=300):
        """Median ``student_view`` render of the anchor ``name`` in milliseconds, once per run."""
        return self.once(("render", name), lambda: self.render_median(olx, n) * 1000)

    def repeat(self, n):
        """``n`` normally, fewer with --quick."""
        return max(3, n // 10) if self.quick else n

    def new_user(self):
        self._users += 1
        return "bench-user-{}".format(self._users)

    def load(self, olx, user_id=None):
        """A block parsed from ``olx`` in a fresh WorkbenchRuntime for ``user_id``."""
        from workbench.runtime import WorkbenchRuntime  # pylint: disable=import-outside-toplevel
        runtime = WorkbenchRuntime(user_id or self.new_user())
        return runtime.get_block(runtime.parse_xml_string(olx))

    def render_median(self, olx, n=200, view="student_view"):
        """Median seconds of ``n`` renders of ``view`` (after 10 warm-up renders, so that whichever block is
        measured first in a run does not pay for the process's first template compilations and imports)."""
        block = self.load(olx)
        for _ in range(10):
            block.runtime.render(block, view)
        samples = []
        for _ in range(self.repeat(n)):
            start = time.perf_counter()
            block.runtime.render(block, view)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    def writes_per_render(self, olx, n=20):
        """Field values written per ``student_view`` render (first render included)."""
        block = self.load(olx)
        with WriteCounter() as counter:
            for _ in range(n):
                block.runtime.render(block, "student_view")
        return counter.count / n

    def writes_per_call(self, block, call, n=10):
        """Field values written per call of ``call(block)`` (e.g. a handler request)."""
        with WriteCounter() as counter:
            for _ in range(n):
                call(block)
        return counter.count / n

    def asset_bytes(self, olx):
        """(raw, gzipped) bytes of the JS and CSS a ``student_view`` render brings to the page."""
        block = self.load(olx)
        frag = block.runtime.render(block, "student_view")
        raw = b""
        for resource in frag.resources:
            if resource.mimetype not in ("text/css", "application/javascript"):
                continue
            if resource.kind == "text":
                raw += resource.data.encode("utf-8")
            elif resource.kind == "url" and not resource.data.startswith("/static/"):
                # /static/ URLs are the runtime's own libraries (jQuery ...), present for every block.
                raw += _read_package_url(block, resource.data)
        return len(raw), len(gzip.compress(raw, 9, mtime=0))

    def workbench_url(self):
        """Start the demo site once (free port, own database) and return its URL."""
        if self._server is None:
            self._server = _start_server()
        return self._server[1]

    def close(self):
        if self._server is not None:
            self._server[0].terminate()
            self._server[0].wait(10)


def _read_package_url(block, url):
    """Bytes of a resource URL the workbench serves from the block's package (``/resource/<type>/<path>``)."""
    match = re.match(r"^/resource/[^/]+/(.+)$", url)
    if not match:
        raise ValueError("cannot measure resource {}".format(url))
    module = importlib.import_module(block.unmixed_class.__module__.split(".")[0])
    path = os.path.join(os.path.dirname(module.__file__), match.group(1))
    with open(path, "rb") as handle:
        return handle.read()


def _start_server():
    from devsite import server  # pylint: disable=import-outside-toplevel
    return server.start()
