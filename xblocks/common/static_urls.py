"""``/static/`` URLs through the runtime's URL rewriting, where the runtime has it.

In the LMS and Studio a course file ``/static/video/x.webm`` is served as an asset
(``/asset-v1:…+type@asset+block/video_x.webm``). The platform rewrites the HTML of every fragment
(``replace_urls_wrapper`` around each view), but not what a handler answers nor what
``student_view_data`` returns: those go through the ``replace_urls`` service here, as the
platform's own blocks do with handler replies (``self.runtime.service(self, "replace_urls")``).
Runtimes without the service (the workbench, unit tests) get the text back unchanged.
Blocks declare ``@XBlock.wants(SERVICE)``.
"""
from xblock.exceptions import NoSuchServiceError

#: The platform's service name (``common/djangoapps/static_replace/services.py``: ``ReplaceURLService``).
SERVICE = "replace_urls"


def _service(block):
    try:
        return block.runtime.service(block, SERVICE)
    except NoSuchServiceError:  # the block class did not declare it
        return None


def rewrite_html(block, html):
    """``html`` with its quoted ``/static/`` (and course) URLs rewritten by the runtime."""
    service = _service(block)
    if service is None or not html:
        return html
    return service.replace_urls(html)


def rewrite_url(block, url):
    """One URL (``/static/video/x.webm``) rewritten by the runtime.

    The platform's rewriting only touches URLs between quotes, as they stand in HTML attributes,
    so the URL is quoted for it and unquoted again.
    """
    service = _service(block)
    if service is None or not isinstance(url, str) or not url:
        return url
    quoted = service.replace_urls('"{}"'.format(url))
    return quoted[1:-1] if len(quoted) >= 2 and quoted[0] == quoted[-1] == '"' else url
