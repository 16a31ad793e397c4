"""The Vietnamese catalogue: complete, compiled, and using the vocabulary staff expect (docs: domain.md §8).

`msgfmt` comes from gettext, which `make test` installs (see the Makefile's TEST_DEBS).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
MO_FILE = LOCALE_DIR / "django.mo"

PLACEHOLDER = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)[sdif]|%[sdif]|%%|\{[A-Za-z0-9_]*\}")


def msgfmt() -> str:
    path = shutil.which("msgfmt")
    assert path, "msgfmt (gettext) is not installed: run `make test`, which installs it"
    return path


def parse_po(path: Path) -> list[dict]:
    """A small .po reader: one dict per entry with its flags, msgctxt, msgid, msgid_plural and msgstr forms."""
    entries: list[dict] = []
    entry: dict | None = None
    key: tuple | None = None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry is not None:
                entries.append(entry)
            entry, key = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$', line)
        if match:
            word, index, literal = match.groups()
            key = ("msgstr", int(index or 0)) if word == "msgstr" else (word,)
            value = ast.literal_eval(literal)
        else:
            assert line.startswith('"') and key is not None, f"cannot read line: {raw!r}"
            value = ast.literal_eval(line)
        if key[0] == "msgstr":
            entry["msgstr"][key[1]] = value if match else entry["msgstr"][key[1]] + value
        else:
            entry[key[0]] = value if match else entry[key[0]] + value
    return [e for e in entries if e["msgid"] is not None]


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    return parse_po(PO_FILE)


def test_msgfmt_reports_everything_translated_and_nothing_fuzzy():
    result = subprocess.run(
        [msgfmt(), "--check", "--statistics", "-o", "/dev/null", str(PO_FILE)],
        capture_output=True, text=True, env={**os.environ, "LC_ALL": "C", "LANGUAGE": ""},
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip()
    assert re.fullmatch(r"\d+ translated messages?\.", statistics), statistics
    assert int(statistics.split()[0]) > 800


def test_no_entry_is_fuzzy_or_empty(entries):
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == ""
    assert not any("fuzzy" in e["flags"] for e in entries)
    empty = [e["msgid"] for e in messages if not e["msgstr"] or not all(e["msgstr"].values())]
    assert empty == []
    plural = [e for e in messages if e["msgid_plural"] is not None]
    assert all(set(e["msgstr"]) == {0} for e in plural), "Vietnamese has one plural form: msgstr[0] only"


def test_header_declares_vietnamese_utf8_and_one_plural_form(entries):
    header = entries[0]["msgstr"][0]
    assert "Language: vi\n" in header
    assert "charset=UTF-8" in header
    assert "Plural-Forms: nplurals=1; plural=0;\n" in header


def test_translations_keep_every_placeholder(entries):
    wrong = []
    for e in entries[1:]:
        for index, text in e["msgstr"].items():
            source = e["msgid_plural"] if index and e["msgid_plural"] else e["msgid"]
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                wrong.append((e["msgid"], text))
    assert wrong == []


def test_compiled_catalogue_matches_the_po_file(tmp_path):
    """A .po edited without `compilemessages` fails here: the committed .mo must be what msgfmt makes today."""
    assert MO_FILE.exists(), "locale/vi/LC_MESSAGES/django.mo is missing: run `make messages`"
    fresh = tmp_path / "django.mo"
    # The same command `manage.py compilemessages` runs.
    subprocess.run([msgfmt(), "--check-format", "-o", str(fresh), str(PO_FILE)], check=True)
    assert fresh.read_bytes() == MO_FILE.read_bytes(), (
        "django.mo is out of date with django.po: run `manage.py compilemessages --locale vi`"
    )


def test_spelling_uses_the_traditional_tone_placement(entries):
    """domain.md writes "hòa, thỏa, khóa, Ủy": the mark on the first vowel of a final oa/oe/uy."""
    new_style = re.compile(r"(?i)o[àáảãạèéẻẽẹ](?!\w)|(?<![qQ])u[ỳýỷỹỵ](?!\w)")
    offenders = [text for e in entries[1:] for text in e["msgstr"].values() if new_style.search(text)]
    assert offenders == []


def test_key_vocabulary_in_vietnamese():
    from delegations.models import Delegation
    from doingoai.accounts.models import User
    from partners.models import Agency, Agreement, ForeignPartner, FriendshipAssociation, Occasion
    from plans.models import Activity, Directive, Plan, ProgressUpdate

    with translation.override("vi"):
        assert str(Plan._meta.verbose_name_plural) == "kế hoạch"
        assert str(Directive._meta.verbose_name) == "văn bản chỉ đạo"
        assert str(Activity._meta.verbose_name) == "hoạt động"
        assert str(Activity._meta.get_field("lead_agency").verbose_name) == "cơ quan chủ trì"
        assert str(Activity._meta.get_field("coordinating_agencies").verbose_name) == "cơ quan phối hợp"
        assert str(ProgressUpdate._meta.verbose_name) == "báo cáo tiến độ"
        assert str(Agency._meta.verbose_name) == "cơ quan, đơn vị"
        assert str(ForeignPartner._meta.verbose_name) == "đối tác nước ngoài"
        assert str(Agreement._meta.verbose_name) == "thỏa thuận quốc tế"
        assert str(FriendshipAssociation._meta.verbose_name) == "hội hữu nghị"
        assert str(Occasion._meta.verbose_name) == "ngày kỷ niệm, sự kiện"
        assert Delegation.Direction.OUTBOUND.label == "Đoàn ra"
        assert Delegation.Direction.INBOUND.label == "Đoàn vào"
        assert str(Delegation._meta.verbose_name) == "đoàn"
        assert Plan.Status.DRAFT.label == "Dự thảo"
        assert Plan.Status.SUBMITTED.label == "Đã trình"
        assert Plan.Status.APPROVED.label == "Đã phê duyệt"
        assert User.Role.STAFF.label == "Chuyên viên"
        assert User.Role.AGENCY_FOCAL.label == "Đầu mối cơ quan, đơn vị"
        assert translation.gettext("Dashboard") == "Tổng quan"
        assert translation.gettext("Aid owner") == "Chủ khoản viện trợ"
        assert translation.gettext("Counterpart funds") == "Vốn đối ứng"
        assert translation.gettext("Progress must be between 0 and 100%%.") % () == "Tiến độ phải từ 0 đến 100%."
        assert translation.ngettext("%(counter)s result", "%(counter)s results", 3) % {"counter": 3} == "3 kết quả"


def test_language_switcher_names_each_language_in_itself():
    with translation.override("vi"):
        names = {code: str(name) for code, name in settings.LANGUAGES}
    assert names == {"vi": "Tiếng Việt", "en": "English"}


def test_english_stays_english():
    from plans.models import Plan

    with translation.override("en"):
        assert str(Plan._meta.verbose_name_plural) == "plans"
        assert translation.gettext("Dashboard") == "Dashboard"


@pytest.mark.slow
def test_every_string_of_the_code_is_in_the_catalogue(tmp_path, settings):
    """`make messages` would add nothing: every translatable string of the code and templates has an entry.

    makemessages runs in a copy of the project (it writes into every `locale` directory it walks past), so the test
    never edits the real catalogue.
    """
    from django.core.management import call_command

    base = Path(settings.BASE_DIR)
    project = tmp_path / "project"
    skipped = shutil.ignore_patterns(".venv", "tests", "benchmarks", "media", "static", "docs", "*.pyc",
                                     "__pycache__", "*.egg-info", ".git", "*.sqlite3")
    for name in ("doingoai", "partners", "plans", "delegations", "aid_projects", "templates"):
        shutil.copytree(base / name, project / name, ignore=skipped)
    catalogue = project / "locale" / "vi" / "LC_MESSAGES"
    catalogue.mkdir(parents=True)
    shutil.copy(PO_FILE, catalogue / "django.po")
    settings.LOCALE_PATHS = [project / "locale"]
    cwd = os.getcwd()
    os.chdir(project)
    try:
        call_command("makemessages", locale=["vi"], no_obsolete=True, verbosity=0)
    finally:
        os.chdir(cwd)
    missing = [
        entry["msgid"] for entry in parse_po(catalogue / "django.po")
        if entry["msgid"] and (not any(entry["msgstr"].values()) or "fuzzy" in entry["flags"])
    ]
    assert not missing, f"{len(missing)} strings missing from the catalogue (run `make messages`): {missing[:20]}"
