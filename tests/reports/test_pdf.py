"""render_pdf: the shared Decree 30 layout, embedded Liberation Serif, local files only, Decree 30 dates."""

from __future__ import annotations

import datetime

import pytest

from doingoai import pdf
from tests.reports.conftest import pdf_fonts, pdf_text


def letterhead(**values) -> pdf.Letterhead:
    fields = {
        "parent_body": "UBND tỉnh Đồng Tháp", "issuing_body": "Sở Ngoại vụ", "kind_title": "Báo cáo",
        "subject": "Tình hình đoàn ra, đoàn vào năm 2026", "number": "15/BC-SNgV",
        "date": datetime.date(2026, 1, 5), "recipients": ("- Như trên;", "- Lưu: VT, SNgV."),
        "signature": pdf.Signature(title="Giám đốc", name="Lê Văn Hòa", authority=("KT. Giám đốc",)),
    }
    return pdf.Letterhead(**{**fields, **values})


def positioned_text(page) -> list[tuple[str, float, float]]:
    """The text pieces of a pypdf page with their x and y (points from the bottom left)."""
    pieces = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            pieces.append((text.strip(), x, y))

    page.extract_text(visitor_text=visit)
    return pieces


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return pdf.render_pdf("pdf/base.html", {"doc": letterhead()})


def test_header_and_footer_follow_decree_30(rendered):
    text = pdf_text(rendered)
    for expected in (
        "UBND TỈNH ĐỒNG THÁP", "SỞ NGOẠI VỤ", "Số: 15/BC-SNgV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Đồng Tháp, ngày 05 tháng 01 năm 2026", "BÁO CÁO",
        "Tình hình đoàn ra, đoàn vào năm 2026", "Nơi nhận:", "- Lưu: VT, SNgV.", "KT. GIÁM ĐỐC", "Lê Văn Hòa",
    ):
        assert expected in text


def test_fonts_are_liberation_serif_and_embedded(rendered, tmp_path):
    table = pdf_fonts(rendered, tmp_path)
    rows = [line.split() for line in table.splitlines()[2:] if line.strip()]
    assert rows, table
    assert all("Liberation-Serif" in row[0] for row in rows), table
    # Columns: name, type (2 words for "CID TrueType"), encoding, emb, sub, uni, object, id.
    assert all(row[-5] == "yes" for row in rows), table


def test_an_unissued_number_leaves_room_for_the_clerk():
    doc = letterhead(number="", symbol="BC-SNgV")
    assert doc.number_line.startswith("Số:") and doc.number_line.endswith("/BC-SNgV")
    assert "15" not in doc.number_line


@pytest.mark.parametrize(("day", "expected"), [
    (datetime.date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
    (datetime.date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
    (datetime.date(2026, 3, 9), "ngày 09 tháng 3 năm 2026"),
    (datetime.date(2026, 12, 15), "ngày 15 tháng 12 năm 2026"),
])
def test_decree_30_pads_days_below_10_and_the_months_1_and_2(day, expected):
    assert pdf.decree30_day(day) == expected


def test_page_numbers_are_centred_at_the_top_from_page_2():
    body = "<p>" + "Nội dung báo cáo dài. " * 40 + "</p>"
    html = pdf.render_html("pdf/base.html", {"doc": letterhead()}).replace("<table class=\"closing\">", body * 12 + "<table class=\"closing\">")
    content, pages = pdf.html_to_pdf(html)
    assert pages >= 2
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    height = float(reader.pages[1].mediabox.height)
    top = [(text, x) for text, x, y in positioned_text(reader.pages[1]) if y > height - 20 * 72 / 25.4]
    assert [text for text, _x in top] == ["2"]
    assert abs(top[0][1] - (30 + (210 - 30 - 15) / 2) * 72 / 25.4) < 15  # centred between the margins
    assert not any(y > height - 20 * 72 / 25.4 for _text, _x, y in positioned_text(reader.pages[0]))


def test_the_url_fetcher_refuses_the_network_and_files_outside_the_allowed_directories():
    fetcher = pdf.url_fetcher()
    for url in ("http://example.org/font.ttf", "https://example.org/logo.png", "ftp://example.org/x",
                "file:///etc/passwd"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    font = next(iter(pdf.font_files().values()))
    response = fetcher.fetch(font.as_uri())
    assert response.read(4)
    response.close()


def test_a_document_fetching_a_remote_image_still_renders_without_it():
    html = pdf.render_html("pdf/base.html", {"doc": letterhead()}).replace(
        "<body>", '<body><img src="http://127.0.0.1:9/never.png">')
    content, _pages = pdf.html_to_pdf(html)
    assert content.startswith(b"%PDF")


def test_missing_fonts_are_named_with_the_package_to_install(settings, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "FONT_DIRS", (tmp_path,))
    monkeypatch.setattr(pdf, "_fc_list_files", dict)
    pdf.font_files.cache_clear()
    try:
        with pytest.raises(pdf.FontsMissing, match="fonts-liberation2"):
            pdf.render_pdf("pdf/base.html", {"doc": letterhead()})
    finally:
        pdf.font_files.cache_clear()
