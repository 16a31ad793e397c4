"""PDF documents from Django templates: one pure function, `render_pdf(template_name, context) -> bytes`.

Documents follow Decree 30/2020/NĐ-CP (A4, Times New Roman or a metric-compatible font, embedded). The font is
Liberation Serif from Debian's fonts-liberation2, installed by `make run`/`make test`; it is read from disk and
embedded (subset) in every PDF. Nothing is fetched over the network: the URL fetcher refuses every scheme but
`file:` (inside the font and static directories) and `data:`.

This module is part of the base layer: it imports no domain app and knows nothing of requests or storage.
"""

from __future__ import annotations

import datetime
import functools
import logging
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import translation

# WeasyPrint logs every layout step at INFO: noise in a worker's log, one line per page.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

FONT_FAMILY = "Liberation Serif"
# The four faces a document uses, by (CSS weight, CSS style) and the file name Debian installs.
FONT_FACES = {
    ("normal", "normal"): "LiberationSerif-Regular.ttf",
    ("bold", "normal"): "LiberationSerif-Bold.ttf",
    ("normal", "italic"): "LiberationSerif-Italic.ttf",
    ("bold", "italic"): "LiberationSerif-BoldItalic.ttf",
}
# Liberation 2.x (fonts-liberation2) covers Vietnamese completely; 1.x is only a fallback.
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/local/share/fonts"),
)


class FontsMissing(ImproperlyConfigured):
    """The PDF font is not installed; the message says what to install."""


def _configured_font_dir() -> Path | None:
    configured = settings.DOINGOAI.get("PDF_FONT_DIR", "")
    return Path(configured) if configured else None


def _fc_list_files() -> dict[str, Path]:
    """Liberation Serif files known to fontconfig (`fc-list`), by file name; empty when fc-list is absent."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return {}
    try:
        output = subprocess.run(
            [fc_list, f":family={FONT_FAMILY}", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    files = {}
    for line in output.splitlines():
        path = Path(line.strip().rstrip(":"))
        # The first one listed wins, except that Liberation 2 wins over Liberation 1.
        if path.name not in files or "liberation2" in str(path):
            files[path.name] = path
    return files


@functools.cache
def font_files() -> dict[tuple[str, str], Path]:
    """The TTF file of each face, found in DOINGOAI["PDF_FONT_DIR"], Debian's directories, or through fc-list.

    Raises FontsMissing naming the package to install when a face cannot be found.
    """
    directories = [path for path in (_configured_font_dir(), *FONT_DIRS) if path]
    found: dict[tuple[str, str], Path] = {}
    fc_files: dict[str, Path] | None = None
    for face, filename in FONT_FACES.items():
        for directory in directories:
            if (directory / filename).is_file():
                found[face] = directory / filename
                break
        else:
            if fc_files is None:
                fc_files = _fc_list_files()
            if filename in fc_files and fc_files[filename].is_file():
                found[face] = fc_files[filename]
    missing = [FONT_FACES[face] for face in FONT_FACES if face not in found]
    if missing:
        raise FontsMissing(
            f"The PDF font {FONT_FAMILY} is not installed (missing: {', '.join(missing)}). Install the Debian "
            "package fonts-liberation2 (`make system-deps-run` does it as root), or set DOINGOAI_PDF_FONT_DIR to "
            "a directory holding these files."
        )
    return found


def font_face_css() -> str:
    """@font-face rules pointing at the installed files, so WeasyPrint embeds exactly these fonts."""
    rules = []
    for (weight, style), path in font_files().items():
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{path.as_uri()}"); '
            f"font-weight: {weight}; font-style: {style}; }}"
        )
    return "\n".join(rules)


def _allowed_roots() -> list[Path]:
    roots = {path.parent.resolve() for path in font_files().values()}
    roots.update(Path(directory).resolve() for directory in settings.STATICFILES_DIRS)
    return sorted(roots)


def _url_fetcher_class():
    from weasyprint.urls import URLFetcher

    class LocalOnlyURLFetcher(URLFetcher):
        """Fetches fonts and images from the allowed local directories only; HTTP(S) and the rest are refused."""

        def __init__(self, roots: list[Path]):
            super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=False)
            self.roots = roots

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = Path(unquote(parts.path)).resolve()
                if not any(path.is_relative_to(root) for root in self.roots):
                    raise ValueError(f"Refused to read {path}: outside the font and static directories.")
            elif parts.scheme != "data":
                raise ValueError(f"Refused to fetch {url}: PDFs use local files only.")
            return super().fetch(url, headers)

    return LocalOnlyURLFetcher


def url_fetcher():
    """A WeasyPrint URL fetcher that refuses http(s) and any file outside the font and static directories."""
    return _url_fetcher_class()(_allowed_roots())


@dataclass
class RenderedPdf:
    """A rendered PDF with what it cost: seconds in the template, seconds in WeasyPrint, and its page count."""

    content: bytes
    pages: int
    template_seconds: float
    layout_seconds: float


def render_html(template_name: str, context: dict) -> str:
    """The document's HTML, always in Vietnamese: official documents are issued in Vietnamese."""
    with translation.override("vi"):
        return render_to_string(template_name, {"site": settings.DOINGOAI, **context})


def html_to_pdf(html: str, *, on_stage: Callable[[str], None] | None = None) -> tuple[bytes, int]:
    """Lay out `html` with WeasyPrint and write the PDF; returns its bytes and its number of pages.

    `on_stage("layout")` is called once the layout is done and only writing the file remains.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    fetcher = url_fetcher()
    fonts = CSS(string=font_face_css(), font_config=font_config, url_fetcher=fetcher)
    document = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=fetcher).render(
        stylesheets=[fonts], font_config=font_config
    )
    if on_stage:
        on_stage("layout")
    return document.write_pdf(), len(document.pages)


def render(template_name: str, context: dict, *, on_stage: Callable[[str], None] | None = None) -> RenderedPdf:
    """`render_pdf` with timings and the page count, for background jobs and the benchmark."""
    started = time.perf_counter()
    html = render_html(template_name, context)
    templated = time.perf_counter()
    if on_stage:
        on_stage("template")
    content, pages = html_to_pdf(html, on_stage=on_stage)
    return RenderedPdf(content, pages, templated - started, time.perf_counter() - templated)


def render_pdf(template_name: str, context: dict) -> bytes:
    """The PDF of `template_name` rendered with `context`. Pure: no request, no storage, no network."""
    return render(template_name, context).content


# --- Decree 30/2020 conventions used by every document ---------------------------------------------------------


def decree30_day(day: datetime.date) -> str:
    """"ngày 05 tháng 01 năm 2026": days below 10 and the months 1 and 2 take a leading zero (Decree 30/2020)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def decree30_date(day: datetime.date) -> str:
    """"05/01/2026", "05/9/1962": the short form with the same zero-padding rule."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


@dataclass
class Signature:
    """The signing block: authority lines (TM./KT./TL. …), the signer's title, and the name (blank for a draft)."""

    title: str
    name: str = ""
    authority: tuple[str, ...] = ()


@dataclass
class Letterhead:
    """What the shared header and footer of an official document show (Decree 30/2020, Appendix I).

    `number` is the full number and symbol ("58/KH-UBND"); when it is not issued yet, `symbol` ("BC-SNgV") gives
    the line "Số:      /BC-SNgV" with room for the clerk. `number_line=False` omits the line (briefing notes).
    """

    issuing_body: str
    kind_title: str
    subject: str
    signature: Signature
    parent_body: str = ""
    number: str = ""
    symbol: str = ""
    place: str = ""
    date: datetime.date | None = None
    recipients: tuple[str, ...] = ()
    show_number: bool = True

    @property
    def number_line(self) -> str:
        if not self.show_number:
            return ""
        if self.number:
            return f"Số: {self.number}"
        return f"Số:\u2003\u2003\u2003/{self.symbol}" if self.symbol else "Số:"

    @property
    def place_date(self) -> str:
        place = self.place or settings.DOINGOAI["PROVINCE_NAME"]
        if self.date is None:
            return f"{place}, ngày\u2003\u2003tháng\u2003\u2003năm {datetime.date.today().year}"
        return f"{place}, {decree30_day(self.date)}"
