"""Each document of the catalogue: its PDF says what the data says, in Vietnamese, and its data is gathered with
a constant number of queries however many rows there are."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from aid_projects.models import AidProject, AidReport
from doingoai import pdf
from doingoai.reports.documents import CATALOGUE
from doingoai.reports.documents.partners import occasion_phrase
from partners.models import (
    Agency,
    AssociationOfficer,
    AssociationReport,
    ForeignPartner,
    FriendshipAssociation,
    Occasion,
)
from plans.models import Activity, ProgressUpdate, ReportingPeriod
from tests import factories
from tests.reports.conftest import pdf_text

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def make(kind: str, parameters: dict, user) -> str:
    document = CATALOGUE[kind]
    with translation.override("vi"):
        context = document.gather(parameters, user)
    return pdf_text(pdf.render_pdf(document.template_name, context))


def count_queries(kind: str, parameters: dict, user) -> int:
    document = CATALOGUE[kind]
    with translation.override("vi"), CaptureQueriesContext(connection) as queries:
        document.gather(parameters, user)
    return len(queries)


# --- The annual plan ---------------------------------------------------------------------------------------


@pytest.fixture
def committee(db):
    return factories.AgencyFactory(name="Ủy ban nhân dân tỉnh Đồng Tháp", short_name="UBND",
                                   kind=Agency.Kind.PEOPLES_COMMITTEE)


def plan_with(activities: int, committee, lead, **plan_values):
    values = {"number": "58/KH-UBND", "issued_on": datetime.date(2026, 1, 5),
              "signer": "Trần Văn Bình – Phó Chủ tịch UBND tỉnh", **plan_values}
    plan = factories.PlanFactory(issuing_agency=committee, **values)
    task = factories.TaskFactory(plan=plan, number=1, title="Hoạt động vì hòa bình, đoàn kết, hữu nghị")
    other = Agency.objects.filter(name="Sở Văn hóa, Thể thao và Du lịch").first() or factories.AgencyFactory(
        name="Sở Văn hóa, Thể thao và Du lịch")
    for number in range(1, activities + 1):
        factories.ActivityFactory(
            task=task, number=number, content=f"Thăm, chúc Tết Bunpimay tỉnh Champasak lần {number}",
            lead_agency=lead, budget_amount=Decimal(150_000_000 if number == 1 else 30_000_000),
            budget_source=Activity.BudgetSource.STATE_BUDGET, coordinating_agencies=[other],
        )
    return plan


def test_the_plan_pdf_has_the_header_the_appendix_and_the_budget_total(world, committee):
    factories.DirectiveFactory(code="12-CT/TW", title="Về tăng cường sự lãnh đạo của Đảng đối với công tác đối ngoại "
                                                       "nhân dân trong tình hình mới")
    plan = plan_with(2, committee, world.agency_a)
    plan.legal_bases.set([factories.DirectiveFactory(code="120-KH/TU", kind="KH", issuer="Tỉnh ủy Đồng Tháp")])
    text = make("plan", {"plan": plan.pk}, world.users["staff"])
    for expected in (
        NATIONAL_TITLE, MOTTO, "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "Số: 58/KH-UBND",
        "Đồng Tháp, ngày 05 tháng 01 năm 2026", "KẾ HOẠCH", "Công tác đối ngoại nhân dân năm 2026",
        "Căn cứ Kế hoạch số 120-KH/TU ngày 05/01/2022 của Tỉnh ủy Đồng Tháp",
        "Phụ lục I", "(Kèm theo Kế hoạch số 58/KH-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh Đồng Tháp)",
        "Thăm, chúc Tết Bunpimay", "Cơ quan A (thử)", "Sở Văn hóa, Thể",
        "180.000.000", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình", "Nơi nhận:",
    ):
        assert expected in text, expected


def test_a_focal_point_gets_only_the_activities_of_its_agency(world, committee):
    plan = plan_with(1, committee, world.agency_a)
    factories.ActivityFactory(task=plan.tasks.get(), number=9, content="Hoạt động riêng của Cơ quan B",
                              lead_agency=world.agency_b)
    text = make("plan", {"plan": plan.pk}, world.users["focal_a"])
    assert "Thăm, chúc Tết Bunpimay" in text
    assert "Hoạt động riêng của Cơ quan B" not in text


def test_the_plan_is_gathered_with_the_same_queries_for_1_and_20_activities(world, committee):
    small = plan_with(1, committee, world.agency_a)
    big = plan_with(20, committee, world.agency_b, year=2025, number="313/KH-UBND",
                    issued_on=datetime.date(2024, 12, 20))
    user = world.users["staff"]
    assert count_queries("plan", {"plan": small.pk}, user) == count_queries("plan", {"plan": big.pk}, user)


# --- The implementation report -----------------------------------------------------------------------------


def report_plan(world, committee, extra: int = 0):
    plan = plan_with(0, committee, world.agency_a)
    task = plan.tasks.get()
    period = factories.ReportingPeriodFactory(year=2026, kind=ReportingPeriod.Kind.HALF_YEAR)
    done = factories.ActivityFactory(task=task, number=1, content="Đón đoàn Hội hữu nghị Lào – Việt Nam tỉnh Champasak",
                                     lead_agency=world.agency_a, quarter=2, status="done", progress=100)
    factories.ProgressUpdateFactory(activity=done, period=period, activity_status="done", progress=100,
                                    narrative="Đã đón 12 đại biểu, ký biên bản ghi nhớ về giao lưu thanh niên.",
                                    status=ProgressUpdate.ReviewStatus.ACCEPTED)
    factories.ProgressUpdateFactory(activity=done, period=period, activity_status="done", progress=100,
                                    narrative="Bản nháp bị trả lại.", status=ProgressUpdate.ReviewStatus.RETURNED)
    factories.ActivityFactory(task=task, number=2, content="Hội thảo quảng bá hình ảnh Đồng Tháp tại Phnôm Pênh",
                              lead_agency=world.agency_b, quarter=1, status="late", progress=30)
    factories.ActivityFactory(task=task, number=3, content="Gặp mặt kiều bào dịp Tết", lead_agency=world.agency_b,
                              quarter=4, status="on_track", progress=50)
    for number in range(4, 4 + extra):
        activity = factories.ActivityFactory(task=task, number=number, lead_agency=world.agency_b, quarter=4)
        factories.ProgressUpdateFactory(activity=activity, period=period, status=ProgressUpdate.ReviewStatus.ACCEPTED)
    return plan, period


def test_the_implementation_report_counts_statuses_and_quotes_accepted_updates(world, committee):
    plan, period = report_plan(world, committee)
    text = make("plan_report", {"plan": plan.pk, "period": period.pk, "number": "15/BC-SNgV",
                                "issued_on": "2026-07-05"}, world.users["staff"])
    for expected in (
        NATIONAL_TITLE, "UBND TỈNH ĐỒNG THÁP", "SỞ NGOẠI VỤ", "Số: 15/BC-SNgV", "Đồng Tháp, ngày 05 tháng 7 năm 2026",
        "BÁO CÁO", "Sơ kết 6 tháng đầu năm 2026", "Kế hoạch có 3 hoạt động", "đã hoàn thành 1 hoạt động (33%)",
        "chậm tiến độ 1", "Tiến độ bình quân đạt 60%",
        "Đã đón 12 đại biểu, ký biên bản ghi nhớ về giao lưu thanh niên.",
        "Hội thảo quảng bá hình ảnh Đồng Tháp tại Phnôm Pênh", "Có 1 hoạt động đến hạn",
    ):
        assert expected in text, expected
    assert "Bản nháp bị trả lại." not in text


def test_the_implementation_report_is_gathered_with_constant_queries(world, committee):
    plan, period = report_plan(world, committee)
    user = world.users["staff"]
    one = count_queries("plan_report", {"plan": plan.pk, "period": period.pk}, user)
    bigger_plan, _period = report_plan(world, factories.AgencyFactory(kind=Agency.Kind.PEOPLES_COMMITTEE), extra=17)
    assert count_queries("plan_report", {"plan": bigger_plan.pk, "period": period.pk}, user) == one


# --- Delegations -------------------------------------------------------------------------------------------


def delegations_of(year: int, world, extra: int = 0):
    laos = factories.CountryFactory(code="LA", name_vi="Lào")
    cambodia = factories.CountryFactory(code="KH", name_vi="Campuchia")
    factories.DelegationFactory(title="Đoàn thăm tỉnh Champasak", countries=[laos], status="reported",
                                report_received_on=datetime.date(year, 3, 20), start_date=datetime.date(year, 3, 10),
                                end_date=datetime.date(year, 3, 14), host_agency=world.agency_a)
    late = factories.DelegationFactory(title="Đoàn học tập kinh nghiệm tại Viêng Chăn", countries=[laos],
                                       status="returned", start_date=datetime.date(year, 4, 1),
                                       end_date=datetime.date(year, 4, 5), host_agency=world.agency_a)
    factories.DelegationMemberFactory(delegation=late, name_latin="Nguyễn Thị Hương", is_head=True)
    factories.DelegationMemberFactory(delegation=late, name_latin="Phạm Văn Đức")
    factories.DelegationFactory(title="Đoàn tỉnh Prey Veng thăm Đồng Tháp", direction="inbound", countries=[cambodia],
                                status="reported", report_received_on=datetime.date(year, 5, 8),
                                start_date=datetime.date(year, 5, 2), end_date=datetime.date(year, 5, 3),
                                host_agency=world.agency_b)
    factories.DelegationFactory(title="Đoàn đã hủy", countries=[laos], status="cancelled", host_agency=world.agency_a)
    for number in range(extra):
        factories.DelegationFactory(countries=[cambodia], status="approved", start_date=datetime.date(year, 6, 1),
                                    end_date=datetime.date(year, 6, 2), host_agency=world.agency_b)


def test_the_delegations_report_counts_by_direction_country_and_lists_late_trip_reports(world):
    delegations_of(2026, world)
    text = make("delegations", {"year": 2026, "period": "half_year", "number": "21/BC-SNgV",
                                "issued_on": "2026-07-10"}, world.users["staff"])
    for expected in (
        NATIONAL_TITLE, "Số: 21/BC-SNgV", "Tình hình đoàn ra, đoàn vào 6 tháng đầu năm 2026",
        "thực hiện 2 đoàn ra (2 lượt người) và đón tiếp 1 đoàn vào", "Lào 2 0", "Campuchia 0 1",
        "Đoàn học tập kinh nghiệm tại Viêng Chăn", "Có 1 đoàn nộp chậm hoặc chưa nộp", "Chưa nộp",
    ):
        assert expected in text, expected
    assert "Đoàn đã hủy" not in text


def test_a_focal_point_gets_only_the_delegations_of_its_agency(world):
    delegations_of(2026, world)
    text = make("delegations", {"year": 2026, "period": "year"}, world.users["focal_b"])
    assert "Đoàn tỉnh Prey Veng thăm Đồng Tháp" in text
    assert "Đoàn thăm tỉnh Champasak" not in text


def test_the_delegations_report_is_gathered_with_constant_queries(world):
    delegations_of(2026, world)
    user = world.users["staff"]
    one = count_queries("delegations", {"year": 2026, "period": "year"}, user)
    delegations_of(2025, world, extra=20)
    assert count_queries("delegations", {"year": 2025, "period": "year"}, user) == one


# --- Foreign NGO aid ---------------------------------------------------------------------------------------


def aid_of(world, count: int = 1):
    sector = factories.SectorFactory(code="y-te", name="Y tế")
    place = factories.AdministrativeUnitFactory(name="Xã Tràm Chim")
    donor = ForeignPartner.objects.filter(name_vi="Tổ chức Nụ Cười Việt").first() or factories.ForeignPartnerFactory(
        name_vi="Tổ chức Nụ Cười Việt", country=factories.CountryFactory(code="JP", name_vi="Nhật Bản"))
    for number in range(count):
        project = factories.AidProjectFactory(
            name_vi=f"Nâng cấp trạm y tế xã Tràm Chim {number}", donor=donor, status=AidProject.Status.IMPLEMENTING,
            approved_on=datetime.date(2026, 2, 10), governing_agency=world.agency_a,
            committed_amount=Decimal(100000), exchange_rate_vnd=Decimal(25000), usd_rate_vnd=Decimal(25000),
        )
        project.sectors.set([sector])
        project.locations.set([place])
        factories.TransactionFactory(project=project, date=datetime.date(2026, 3, 1), amount=Decimal(20000))
        factories.TransactionFactory(project=project, date=datetime.date(2025, 3, 1), amount=Decimal(7000))
        factories.AidReportFactory(project=project, period=AidReport.Period.HALF_YEAR,
                                   goods_received="500 bộ dụng cụ y tế")


def test_the_aid_report_gives_figures_by_sector_donor_place_and_balances(world):
    aid_of(world)
    text = make("aid", {"year": 2026, "period": "half_year", "number": "30/BC-SNgV"}, world.users["staff"])
    for expected in (
        NATIONAL_TITLE, "Số: 30/BC-SNgV", "viện trợ phi chính phủ nước ngoài 6 tháng đầu năm 2026",
        "phê duyệt 1 khoản viện trợ mới với tổng giá trị cam kết 2.500.000.000 đồng",
        "giá trị giải ngân trong kỳ đạt 500.000.000 đồng", "Y tế 1 2.500.000.000 100.000 500.000.000",
        "Tổ chức Nụ Cười Việt (Nhật Bản)", "Xã Tràm Chim", "Thông tư số 23/2022/TT-BTC",
        "0 500.000.000 200.000.000 300.000.000", "500 bộ dụng cụ y tế",
    ):
        assert expected in text, expected


def test_the_aid_report_is_gathered_with_constant_queries(world):
    aid_of(world)
    user = world.users["staff"]
    one = count_queries("aid", {"year": 2026, "period": "year"}, user)
    aid_of(world, count=19)
    assert count_queries("aid", {"year": 2026, "period": "year"}, user) == one


# --- Partner dossier / delegation briefing -----------------------------------------------------------------


def dossier_of(world, extra: int = 0, name: str = "Tỉnh Champasak"):
    laos = factories.CountryFactory(code="LA", name_vi="Lào")
    partner = factories.ForeignPartnerFactory(name_vi=name, kind="foreign_locality", country=laos,
                                              is_twinned=True, fields="Giáo dục; y tế; thương mại")
    factories.ContactFactory(partner=partner, name_latin="Vilay Phommachanh", title="Phó Tỉnh trưởng",
                             protocol_rank=2)
    factories.ContactFactory(partner=partner, name_latin="Souphanh Keomany", title="Tỉnh trưởng", protocol_rank=1)
    factories.AgreementFactory(title="Bản ghi nhớ hợp tác Đồng Tháp – Champasak giai đoạn 2022–2025",
                               vn_signatory=world.agency_a, foreign_parties=[partner])
    visit = factories.DelegationFactory(title="Đoàn tỉnh Champasak thăm Đồng Tháp", direction="inbound",
                                        countries=[laos], host_agency=world.agency_a,
                                        commitments="Cấp 20 suất học bổng cho sinh viên Champasak.")
    visit.partners.set([partner])
    factories.ProgrammeItemFactory(delegation=visit, activity="Hội đàm với lãnh đạo UBND tỉnh", place="Nhà khách")
    factories.DelegationMemberFactory(delegation=visit, name_latin="Souphanh Keomany", precedence=1, is_head=True)
    factories.GiftFactory(delegation=visit, description="Tranh sơn mài Sa Đéc")
    factories.AidProjectFactory(name_vi="Học bổng cho sinh viên Lào", donor=partner)
    for number in range(extra):
        factories.ContactFactory(partner=partner, protocol_rank=10 + number)
        other = factories.DelegationFactory(countries=[laos], host_agency=world.agency_a)
        other.partners.set([partner])
        factories.ProgrammeItemFactory(delegation=visit)
        factories.DelegationMemberFactory(delegation=visit, precedence=10 + number)
    return partner, visit


def test_the_partner_dossier_gives_profile_contacts_in_order_agreements_aid_and_programme(world):
    partner, visit = dossier_of(world)
    text = make("partner_dossier", {"partner": partner.pk, "delegation": visit.pk}, world.users["staff"])
    for expected in (
        NATIONAL_TITLE, "TÀI LIỆU", "Phục vụ đón tiếp Đoàn tỉnh Champasak thăm Đồng Tháp", "Tỉnh Champasak",
        "Bản ghi nhớ hợp tác Đồng Tháp – Champasak giai đoạn 2022–2025",
        "Cấp 20 suất học bổng cho sinh viên Champasak.", "Học bổng cho sinh viên Lào", "2.500.000.000",
        "Hội đàm với lãnh đạo UBND tỉnh", "Tranh sơn mài Sa Đéc",
    ):
        assert expected in text, expected
    assert text.index("Souphanh Keomany") < text.index("Vilay Phommachanh")


def test_the_partner_dossier_is_gathered_with_constant_queries(world):
    partner, visit = dossier_of(world)
    user = world.users["staff"]
    one = count_queries("partner_dossier", {"partner": partner.pk, "delegation": visit.pk}, user)
    bigger, bigger_visit = dossier_of(world, extra=20, name="Tỉnh Salavan")
    assert count_queries("partner_dossier", {"partner": bigger.pk, "delegation": bigger_visit.pk}, user) == one


# --- The union's consolidated report ------------------------------------------------------------------------


def associations_with_reports(world, year: int = 2026):
    union = factories.FriendshipAssociationFactory(
        name="Liên hiệp các tổ chức hữu nghị tỉnh Đồng Tháp", kind=FriendshipAssociation.Kind.UNION,
        partner_country=None)
    factories.AssociationOfficerFactory(association=union, name="Nguyễn Thị Thu Hà",
                                        role=AssociationOfficer.Role.PRESIDENT)
    for association, members, mobilised, text in (
        (world.association_x, 120, 1_000_000_000, "Tổ chức gặp mặt kỷ niệm Quốc khánh nước bạn."),
        (world.association_y, 80, 500_000_000, "Đón đoàn thanh niên hữu nghị."),
    ):
        factories.AssociationReportFactory(
            association=association, year=year, period="year", status=AssociationReport.Status.ACCEPTED,
            peace_friendship=text, members_count=members, chapters_count=4, aid_items_count=2,
            aid_mobilised_vnd=Decimal(mobilised), delegations_sent=1, difficulties="Kinh phí hoạt động còn hạn chế.",
        )
    return union


def test_the_union_report_compiles_the_six_work_areas_and_adds_the_figures(world):
    associations_with_reports(world)
    factories.AssociationReportFactory(association=factories.FriendshipAssociationFactory(), year=2026,
                                       period="year", peace_friendship="Báo cáo chưa được tiếp nhận.",
                                       status=AssociationReport.Status.SUBMITTED)
    text = make("associations", {"year": 2026, "period": "year", "number": "07/BC-LHHN"}, world.users["staff"])
    for expected in (
        NATIONAL_TITLE, "LIÊN HIỆP CÁC TỔ CHỨC", "HỮU NGHỊ TỈNH ĐỒNG THÁP", "Số: 07/BC-LHHN",
        "Kết quả hoạt động của các tổ chức hữu nghị năm 2026",
        "Hội hữu nghị X (thử): Tổ chức gặp mặt kỷ niệm Quốc khánh nước bạn.",
        "Hội hữu nghị Y (thử): Đón đoàn thanh niên hữu nghị.", "giá trị vận động 1.500.000.000 đồng",
        "8 chi hội với 200 hội viên", "Công tác người Việt Nam ở nước ngoài", "Công tác phối hợp, thi đua",
        "TM. BAN THƯỜNG VỤ", "Nguyễn Thị Thu Hà",
    ):
        assert expected in text, expected
    assert "Báo cáo chưa được tiếp nhận." not in text


def test_the_union_report_is_gathered_with_constant_queries(world):
    associations_with_reports(world)
    user = world.users["staff"]
    one = count_queries("associations", {"year": 2026, "period": "year"}, user)
    for _ in range(18):
        factories.AssociationReportFactory(year=2026, period="year", status=AssociationReport.Status.ACCEPTED)
    assert count_queries("associations", {"year": 2026, "period": "year"}, user) == one


# --- Greeting letter --------------------------------------------------------------------------------------


def test_the_greeting_letter_words_the_nth_anniversary(world):
    laos = factories.CountryFactory(code="LA", name_vi="Lào")
    occasion = factories.OccasionFactory(kind=Occasion.Kind.RELATIONS, country=laos, month=9, day=5, base_year=1962,
                                         title="Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào")
    greeting = factories.GreetingFactory(occasion=occasion, year=2022, recipient="Tỉnh trưởng tỉnh Champasak",
                                         signer="Lê Văn Hòa – Giám đốc Sở Ngoại vụ", document_number="640/SNgV-HTQT",
                                         sent_on=datetime.date(2022, 9, 4))
    text = make("greeting", {"greeting": greeting.pk}, world.users["staff"])
    for expected in (
        NATIONAL_TITLE, MOTTO, "Số: 640/SNgV-HTQT", "Đồng Tháp, ngày 04 tháng 9 năm 2022", "THƯ CHÚC MỪNG",
        "Kính gửi: Tỉnh trưởng tỉnh Champasak",
        "Nhân dịp kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào (05/9/1962 – 05/9/2022)",
        "GIÁM ĐỐC SỞ NGOẠI VỤ", "Lê Văn Hòa",
    ):
        assert expected in text, expected


def test_the_greeting_letter_is_gathered_with_constant_queries(world):
    greeting = factories.GreetingFactory()
    assert count_queries("greeting", {"greeting": greeting.pk}, world.users["staff"]) <= 3


@pytest.mark.parametrize(("title", "base_year", "rule", "year", "expected"), [
    ("Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào", 1975, "fixed", 2025,
     "kỷ niệm 50 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào (02/12/1975 – 02/12/2025)"),
    ("Kỷ niệm ngày ký Bản ghi nhớ hợp tác Đồng Tháp – Champasak", 2022, "fixed", 2027,
     "kỷ niệm 5 năm ngày ký Bản ghi nhớ hợp tác Đồng Tháp – Champasak (02/12/2022 – 02/12/2027)"),
    ("Tết Bunpimay (Tết cổ truyền Lào)", None, "per_year", 2026, "Tết Bunpimay (Tết cổ truyền Lào) năm 2026"),
])
def test_occasion_phrases(db, title, base_year, rule, year, expected):
    occasion = Occasion(title=title, base_year=base_year, date_rule=rule, month=12, day=2)
    assert occasion_phrase(occasion, year, datetime.date(year, 12, 2)) == expected
