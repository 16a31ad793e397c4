"""Delegations both ways: past ones with reports, one with a late report, one under way, upcoming ones."""

from __future__ import annotations

from datetime import date, timedelta


def _next_occurrence(today: date, month: int, day: int) -> date:
    this_year = date(today.year, month, day)
    return this_year if this_year >= today else date(today.year + 1, month, day)


def member(name_latin, title, organisation="", *, native="", nationality=None, languages="", dietary=""):
    return {"name_latin": name_latin, "name_native": native, "title": title, "organisation": organisation,
            "nationality": nationality, "languages": languages, "dietary_needs": dietary}


def item(day: date, start: str, end: str | None, place: str, activity: str, officer: str = ""):
    return {"day": day, "start": start, "end": end, "place": place, "activity": activity, "officer": officer}


def gift(direction, description, counterpart="", quantity=1, value=None):
    return {"direction": direction, "description": description, "counterpart": counterpart, "quantity": quantity,
            "value_vnd": value}


def delegations(p: str, today: date) -> list[dict]:
    """Each delegation's first member is its head; `activity` is (plan year, task, number)."""
    lao_day = _next_occurrence(today, 12, 2)
    late_end = today - timedelta(days=20)
    late_start = late_end - timedelta(days=4)
    visit_start = today - timedelta(days=1)
    base = {"channel": "people", "level": "provincial", "cities": "", "partners": [], "purpose": "",
            "in_annual_plan": True, "dossier_submitted_on": None, "has_invitation": False,
            "party_opinion_required": False, "approval_number": "", "approval_date": None, "approval_signer": "",
            "funding_source": "state_budget", "estimated_cost_vnd": None, "actual_cost_vnd": None, "outcomes": "",
            "commitments": "", "report_received_on": None, "report_number": "", "activity": None, "agreements": [],
            "members": [], "programme": [], "gifts": []}

    def delegation(**values):
        return {**base, **values}

    return [
        delegation(
            title="Đoàn Liên hiệp các tổ chức hữu nghị tỉnh thăm, chúc Tết Bunpimay tỉnh Champasak năm 2025",
            direction="outbound", level="association", status="reported", countries=["LA"],
            cities="Pakse, tỉnh Champasak", partners=["champasak", "nguoi-viet-champasak"],
            purpose="Thăm, chúc Tết cổ truyền Bunpimay; trao đổi kế hoạch hợp tác năm 2025.",
            start_date=date(2025, 4, 8), end_date=date(2025, 4, 10), host_agency="lhhn",
            dossier_submitted_on=date(2025, 3, 10), has_invitation=True, approval_number="215/QĐ-UBND",
            approval_date=date(2025, 3, 24), approval_signer="Trần Văn B – Phó Chủ tịch UBND tỉnh",
            estimated_cost_vnd=120_000_000, actual_cost_vnd=115_400_000,
            outcomes="Thống nhất chương trình giao lưu văn hóa và cấp học bổng năm học 2025–2026.",
            report_received_on=date(2025, 4, 17), report_number="12/BC-LH", activity=(2025, 2, 1),
            members=[member("Nguyễn Văn A", "Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh", "Liên hiệp"),
                     member("Trần Thị B", "Phó Giám đốc Sở Ngoại vụ", "Sở Ngoại vụ", languages="Lào"),
                     member("Đặng Thị H", "Tổng Thư ký Hội hữu nghị Việt Nam – Lào", "Hội hữu nghị Việt Nam – Lào"),
                     member("Võ Văn G", "Phiên dịch tiếng Lào", "Trường Cao đẳng Y tế", languages="Lào")],
            programme=[item(date(2025, 4, 8), "14:00", "16:30", "Trụ sở Ủy ban nhân dân tỉnh Champasak",
                            "Chào xã giao, chúc Tết lãnh đạo tỉnh Champasak", "Trần Thị B"),
                       item(date(2025, 4, 9), "08:30", "11:00", "Hội người Việt Nam tỉnh Champasak",
                            "Thăm, tặng quà bà con kiều bào", "Đặng Thị H")],
            gifts=[gift("given", "Tranh sơn mài hoa sen", "Lãnh đạo tỉnh Champasak", 1, 4_500_000),
                   gift("received", "Khăn lụa truyền thống Lào", "Tỉnh trưởng tỉnh Champasak", 4)]),
        delegation(
            title="Đoàn Sở Ngoại vụ thăm, chúc Tết Chol Chnam Thmey tỉnh Prey Veng năm 2025",
            direction="outbound", channel="state", level="departmental", status="reported", countries=["KH"],
            cities="Thành phố Prey Veng", partners=["prey-veng"],
            purpose="Thăm, chúc Tết cổ truyền Chol Chnam Thmey lãnh đạo tỉnh Prey Veng.",
            start_date=date(2025, 4, 3), end_date=date(2025, 4, 4), host_agency="so-ngoai-vu",
            dossier_submitted_on=date(2025, 3, 12), approval_number="230/QĐ-UBND", approval_date=date(2025, 3, 26),
            approval_signer="Trần Văn B – Phó Chủ tịch UBND tỉnh", estimated_cost_vnd=45_000_000,
            actual_cost_vnd=41_200_000, report_received_on=date(2025, 4, 10), report_number="98/BC-SNgV",
            activity=(2025, 2, 1),
            members=[member("Lê Văn Hòa", "Giám đốc Sở Ngoại vụ", "Sở Ngoại vụ"),
                     member("Trần Thị Thu Hà", "Chuyên viên Phòng Hợp tác quốc tế", "Sở Ngoại vụ",
                            languages="Khmer; Anh")],
            programme=[item(date(2025, 4, 3), "09:00", "11:00", "Văn phòng Ban Hành chính tỉnh Prey Veng",
                            "Chúc Tết lãnh đạo tỉnh Prey Veng", "Trần Thị Thu Hà")],
            gifts=[gift("given", "Giỏ quà đặc sản sen", "Tỉnh trưởng tỉnh Prey Veng", 1, 2_000_000)]),
        delegation(
            title="Đoàn Hội hữu nghị Việt Nam – Campuchia tỉnh khám bệnh, cấp thuốc miễn phí tại tỉnh Prey Veng",
            direction="outbound", level="association", status="reported", countries=["KH"],
            cities="Huyện Kampong Trabaek, tỉnh Prey Veng", partners=["prey-veng", "khmer-viet-prey-veng"],
            purpose="Khám bệnh, cấp thuốc miễn phí và tặng quà cho người dân vùng biên giới.",
            start_date=date(2025, 10, 14), end_date=date(2025, 10, 16), host_agency="hh-vn-campuchia",
            dossier_submitted_on=date(2025, 9, 15), has_invitation=True, approval_number="812/QĐ-UBND",
            approval_date=date(2025, 9, 29), approval_signer="Trần Văn B – Phó Chủ tịch UBND tỉnh",
            funding_source="socialised", estimated_cost_vnd=300_000_000, actual_cost_vnd=286_000_000,
            outcomes="Khám bệnh, cấp thuốc cho 650 lượt người dân; tặng 300 phần quà.",
            report_received_on=date(2025, 10, 24), report_number="21/BC-HHN", activity=(2025, 6, 3),
            members=[member("Trương Văn R", "Chủ tịch Hội hữu nghị Việt Nam – Campuchia tỉnh", "Hội hữu nghị"),
                     member("Mai Văn T", "Phó Giám đốc Sở Y tế", "Sở Y tế"),
                     member("Châu Thị U", "Tổng Thư ký Hội", "Hội hữu nghị Việt Nam – Campuchia", languages="Khmer")],
            programme=[item(date(2025, 10, 14), "07:30", "16:30", "Trạm y tế xã, huyện Kampong Trabaek",
                            "Khám bệnh, cấp thuốc miễn phí", "Mai Văn T"),
                       item(date(2025, 10, 15), "08:00", "10:00", "Trường tiểu học hữu nghị",
                            "Trao tặng học bổng và đồ dùng học tập", "Châu Thị U")],
            gifts=[gift("given", "Phần quà gồm gạo, nhu yếu phẩm", "Hộ nghèo vùng biên giới", 300, 150_000_000)]),
        delegation(
            title=f"Đoàn Ban Hành chính tỉnh Banteay Meanchey thăm và làm việc tại tỉnh {p}",
            direction="inbound", channel="state", level="provincial", status="reported", countries=["KH"],
            cities=f"Tỉnh {p}", partners=["banteay-meanchey"], in_annual_plan=False,
            purpose="Trao đổi định hướng hợp tác sau khi thỏa thuận giai đoạn 2016–2020 hết hiệu lực.",
            start_date=date(2025, 12, 9), end_date=date(2025, 12, 11), host_agency="so-ngoai-vu",
            funding_source="mixed", estimated_cost_vnd=80_000_000, actual_cost_vnd=76_500_000,
            outcomes="Thống nhất xây dựng dự thảo thỏa thuận hợp tác giai đoạn mới.",
            commitments="Sở Ngoại vụ chủ trì xây dựng dự thảo thỏa thuận.",
            report_received_on=date(2025, 12, 18), report_number="402/BC-SNgV",
            members=[member("Heng Chantha", "Tỉnh trưởng tỉnh Banteay Meanchey", "Ban Hành chính tỉnh",
                            native="ហេង ចាន់ថា", nationality="KH", languages="Khmer; Anh"),
                     member("Sam Dara", "Giám đốc Sở Nông nghiệp tỉnh Banteay Meanchey", "Ban Hành chính tỉnh",
                            native="សំ ដារ៉ា", nationality="KH", languages="Khmer"),
                     member("Keo Sreymom", "Phiên dịch", "Ban Hành chính tỉnh", native="កែវ ស្រីមុំ",
                            nationality="KH", languages="Khmer; Việt", dietary="Không ăn thịt bò")],
            programme=[item(date(2025, 12, 9), "14:00", "16:00", "Trụ sở Ủy ban nhân dân tỉnh",
                            "Hội đàm với lãnh đạo Ủy ban nhân dân tỉnh", "Trần Thị Thu Hà"),
                       item(date(2025, 12, 10), "08:00", "11:30", "Vườn quốc gia Tràm Chim",
                            "Tham quan mô hình sinh kế gắn với bảo tồn", "Trần Thị Thu Hà")],
            gifts=[gift("given", "Tranh gốm hoa sen", "Tỉnh trưởng tỉnh Banteay Meanchey", 1, 3_000_000),
                   gift("received", "Tượng đá Angkor thu nhỏ", "Chủ tịch UBND tỉnh", 1)]),
        delegation(
            title="Đoàn Tổ chức Bác sĩ tình nguyện Sakura (Nhật Bản) khảo sát và phẫu thuật miễn phí cho trẻ em",
            direction="inbound", channel="people", level="ngo", status="reported", countries=["JP"],
            cities=f"Tỉnh {p}", partners=["svd"], in_annual_plan=False,
            purpose="Khảo sát nhu cầu và phẫu thuật miễn phí cho trẻ em dị tật hàm mặt.",
            start_date=date(2026, 3, 16), end_date=date(2026, 3, 20), host_agency="so-y-te",
            funding_source="partner", outcomes="Phẫu thuật miễn phí cho 42 trẻ em.",
            report_received_on=date(2026, 3, 27), report_number="156/BC-SYT",
            members=[member("Tanaka Misaki", "Trưởng đoàn bác sĩ", "Sakura Volunteer Doctors", native="田中 美咲",
                            nationality="JP", languages="Nhật; Anh"),
                     member("Yamamoto Ryo", "Bác sĩ phẫu thuật", "Sakura Volunteer Doctors", native="山本 亮",
                            nationality="JP", languages="Nhật"),
                     member("Ito Haruka", "Điều dưỡng", "Sakura Volunteer Doctors", native="伊藤 遥",
                            nationality="JP", languages="Nhật; Anh", dietary="Không ăn hải sản")],
            programme=[item(date(2026, 3, 16), "08:00", "11:00", "Bệnh viện Đa khoa tỉnh",
                            "Khám sàng lọc trẻ em", "Mai Văn T"),
                       item(date(2026, 3, 17), "07:30", "17:00", "Bệnh viện Đa khoa tỉnh", "Phẫu thuật", "Mai Văn T")],
            gifts=[gift("received", "Trang thiết bị phẫu thuật", "Bệnh viện Đa khoa tỉnh", 1, 350_000_000)]),
        delegation(
            title="Đoàn Tổng Lãnh sự Pháp tại Thành phố Hồ Chí Minh thăm và làm việc",
            direction="inbound", channel="state", level="provincial", status="reported", countries=["FR"],
            cities=f"Tỉnh {p}", partners=["tlsq-phap"], in_annual_plan=False,
            purpose="Tìm hiểu hợp tác giáo dục, văn hóa và đào tạo tiếng Pháp.",
            start_date=date(2026, 6, 9), end_date=date(2026, 6, 9), host_agency="so-ngoai-vu",
            outcomes="Thống nhất hỗ trợ lớp tiếng Pháp tại Trường Đại học.",
            report_received_on=date(2026, 6, 15), report_number="221/BC-SNgV",
            members=[member("Claire Martin", "Tổng Lãnh sự", "Tổng Lãnh sự quán Pháp", nationality="FR",
                            languages="Pháp; Anh"),
                     member("Antoine Leroy", "Tùy viên hợp tác", "Tổng Lãnh sự quán Pháp", nationality="FR",
                            languages="Pháp; Anh; Việt")],
            programme=[item(date(2026, 6, 9), "09:00", "10:30", "Trụ sở Ủy ban nhân dân tỉnh",
                            "Làm việc với lãnh đạo Ủy ban nhân dân tỉnh", "Trần Thị Thu Hà"),
                       item(date(2026, 6, 9), "14:00", "16:00", "Trường Đại học",
                            "Giao lưu với Hội hữu nghị Việt Nam – Pháp", "Hồ Văn M")],
            gifts=[gift("given", "Bộ ấm trà gốm vẽ hoa sen", "Tổng Lãnh sự Pháp", 1, 1_800_000)]),
        delegation(
            title="Đoàn Liên hiệp các tổ chức hữu nghị tỉnh thăm, chúc Tết Bunpimay tỉnh Champasak năm 2026",
            direction="outbound", level="association", status="reported", countries=["LA"],
            cities="Pakse, tỉnh Champasak", partners=["champasak"],
            purpose="Thăm, chúc Tết cổ truyền Bunpimay; bàn kế hoạch ký bản ghi nhớ giai đoạn 2026–2030.",
            start_date=date(2026, 4, 6), end_date=date(2026, 4, 8), host_agency="lhhn",
            dossier_submitted_on=date(2026, 3, 9), has_invitation=True, approval_number="188/QĐ-UBND",
            approval_date=date(2026, 3, 20), approval_signer="Trần Văn B – Phó Chủ tịch UBND tỉnh",
            estimated_cost_vnd=130_000_000, actual_cost_vnd=124_800_000,
            outcomes="Thống nhất nội dung dự thảo bản ghi nhớ giai đoạn 2026–2030.",
            report_received_on=date(2026, 4, 16), report_number="09/BC-LH", activity=(2026, 2, 1),
            agreements=["champasak-2026"],
            members=[member("Nguyễn Văn A", "Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh", "Liên hiệp"),
                     member("Trần Thị B", "Phó Giám đốc Sở Ngoại vụ", "Sở Ngoại vụ", languages="Lào"),
                     member("Đặng Thị H", "Tổng Thư ký Hội hữu nghị Việt Nam – Lào", "Hội hữu nghị Việt Nam – Lào")],
            programme=[item(date(2026, 4, 6), "15:00", "17:00", "Trụ sở Ủy ban nhân dân tỉnh Champasak",
                            "Chúc Tết, hội đàm với lãnh đạo tỉnh Champasak", "Trần Thị B")],
            gifts=[gift("given", "Tranh thêu hoa sen", "Lãnh đạo tỉnh Champasak", 1, 5_000_000)]),
        delegation(
            title=f"Đoàn xúc tiến văn hóa, du lịch tỉnh {p} tại tỉnh Champasak",
            direction="outbound", channel="state", level="departmental", status="returned", countries=["LA"],
            cities="Pakse, tỉnh Champasak", partners=["champasak", "dh-champasak"],
            purpose=f"Tổ chức Tuần văn hóa – du lịch {p} tại tỉnh Champasak.",
            start_date=late_start, end_date=late_end, host_agency="so-vhttdl",
            dossier_submitted_on=late_start - timedelta(days=30), has_invitation=True,
            approval_number="901/QĐ-UBND", approval_date=late_start - timedelta(days=14),
            approval_signer="Trần Văn B – Phó Chủ tịch UBND tỉnh", funding_source="mixed",
            estimated_cost_vnd=350_000_000, actual_cost_vnd=338_000_000, activity=(2026, 2, 9),
            members=[member("Tạ Văn V", "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch",
                            "Sở Văn hóa, Thể thao và Du lịch"),
                     member("Võ Hoàng Nam", "Chuyên viên, đầu mối đối ngoại", "Sở Văn hóa, Thể thao và Du lịch"),
                     member("Đặng Thị H", "Phiên dịch tiếng Lào", "Hội hữu nghị Việt Nam – Lào", languages="Lào"),
                     member("Bùi Thị K", "Diễn viên", "Nhà hát Ca múa nhạc tỉnh")],
            programme=[item(late_start, "08:00", "10:00", "Quảng trường tỉnh Champasak", "Khai mạc Tuần văn hóa",
                            "Võ Hoàng Nam"),
                       item(late_start + timedelta(days=1), "19:00", "21:30", "Nhà văn hóa tỉnh Champasak",
                            "Biểu diễn nghệ thuật", "Võ Hoàng Nam")],
            gifts=[gift("given", "Bộ sách ảnh về vùng Đồng Tháp Mười", "Sở Thông tin, Văn hóa và Du lịch tỉnh "
                        "Champasak", 20, 6_000_000)]),
        delegation(
            title="Đoàn Quỹ Hy vọng Hàn – Việt (Hàn Quốc) bàn giao nhà tình thương và khảo sát giai đoạn 2",
            direction="inbound", channel="people", level="ngo", status="under_way", countries=["KR"],
            cities="Phường Hồng Ngự; xã Thường Phước", partners=["kvhf"], in_annual_plan=False,
            purpose="Bàn giao 20 căn nhà tình thương; khảo sát nhu cầu giai đoạn 2.",
            start_date=visit_start, end_date=visit_start + timedelta(days=3), host_agency="so-ngoai-vu",
            funding_source="partner",
            members=[member("Park Seo-yeon", "Trưởng đại diện tại Việt Nam", "Korea–Vietnam Hope Foundation",
                            native="박 서연", nationality="KR", languages="Hàn; Anh; Việt"),
                     member("Lee Jae-hoon", "Điều phối viên dự án", "Korea–Vietnam Hope Foundation",
                            native="이 재훈", nationality="KR", languages="Hàn; Anh")],
            programme=[item(visit_start, "14:00", "16:00", "Sở Ngoại vụ", "Làm việc với Sở Ngoại vụ",
                            "Trần Thị Thu Hà"),
                       item(visit_start + timedelta(days=1), "08:00", "11:00", "Xã Thường Phước",
                            "Lễ bàn giao nhà tình thương", "Trần Thị Thu Hà"),
                       item(visit_start + timedelta(days=2), "08:00", "16:00", "Phường Hồng Ngự",
                            "Khảo sát hộ nghèo giai đoạn 2", "Trần Thị Thu Hà")],
            gifts=[gift("given", "Tranh sơn mài hoa sen", "Korea–Vietnam Hope Foundation", 1, 3_500_000)]),
        delegation(
            title=f"Đoàn đại biểu tỉnh {p} dự Lễ kỷ niệm {lao_day.year - 1975} năm Quốc khánh nước Cộng hòa Dân chủ "
                  "Nhân dân Lào tại tỉnh Champasak",
            direction="outbound", channel="state", level="provincial", status="approved", countries=["LA"],
            cities="Pakse, tỉnh Champasak", partners=["champasak"],
            purpose="Dự Lễ kỷ niệm Quốc khánh Lào; chúc mừng lãnh đạo và nhân dân tỉnh Champasak.",
            start_date=lao_day - timedelta(days=1), end_date=lao_day + timedelta(days=1), host_agency="so-ngoai-vu",
            dossier_submitted_on=today - timedelta(days=25), has_invitation=True, party_opinion_required=True,
            approval_number="1012/QĐ-UBND", approval_date=today - timedelta(days=10),
            approval_signer="Nguyễn Văn A – Chủ tịch UBND tỉnh", estimated_cost_vnd=160_000_000,
            activity=(2026, 2, 2),
            members=[member("Trần Văn B", "Phó Chủ tịch UBND tỉnh", "Ủy ban nhân dân tỉnh"),
                     member("Lê Văn Hòa", "Giám đốc Sở Ngoại vụ", "Sở Ngoại vụ"),
                     member("Phạm Văn D", "Chủ tịch Hội hữu nghị Việt Nam – Lào tỉnh", "Hội hữu nghị Việt Nam – Lào"),
                     member("Đặng Thị H", "Phiên dịch tiếng Lào", "Sở Ngoại vụ", languages="Lào")],
            programme=[item(lao_day - timedelta(days=1), "15:00", "17:00", "Trụ sở Ủy ban nhân dân tỉnh Champasak",
                            "Chào xã giao lãnh đạo tỉnh Champasak", "Đặng Thị H"),
                       item(lao_day, "08:00", "11:00", "Quảng trường tỉnh Champasak", "Dự Lễ kỷ niệm Quốc khánh Lào",
                            "Đặng Thị H")],
            gifts=[gift("given", "Lẵng hoa chúc mừng Quốc khánh", "Ủy ban nhân dân tỉnh Champasak", 1, 2_500_000)]),
        delegation(
            title="Đoàn Hội hữu nghị Việt Nam – Nhật Bản tỉnh khảo sát hợp tác đào tạo điều dưỡng tại Nhật Bản",
            direction="outbound", level="association", status="dossier_submitted", countries=["JP"],
            cities="Ōsaka; Kyōto", partners=["svd"], in_annual_plan=False,
            purpose="Khảo sát mô hình đào tạo, tiếp nhận điều dưỡng viên; kết nối doanh nghiệp.",
            start_date=today + timedelta(days=60), end_date=today + timedelta(days=66), host_agency="hh-vn-nhat",
            dossier_submitted_on=today - timedelta(days=5), has_invitation=True, funding_source="socialised",
            estimated_cost_vnd=280_000_000,
            members=[member("Ngô Văn N", "Chủ tịch Hội hữu nghị Việt Nam – Nhật Bản tỉnh", "Hội hữu nghị"),
                     member("Dương Thị P", "Phó Chủ tịch Hội", "Hội hữu nghị", languages="Nhật"),
                     member("Lý Văn Q", "Tổng Thư ký Hội", "Hội hữu nghị")]),
        delegation(
            title="Đoàn Tổ chức Mê Kông Xanh Ca-na-đa khảo sát dự án phòng, chống thiên tai giai đoạn 2",
            direction="inbound", channel="people", level="ngo", status="proposed", countries=["CA"],
            cities="Phường Hồng Ngự; xã Thường Phước", partners=["gmc"], in_annual_plan=False,
            purpose="Khảo sát các điểm sạt lở bờ sông để xây dựng dự án giai đoạn 2.",
            start_date=today + timedelta(days=35), end_date=today + timedelta(days=37), host_agency="so-ngoai-vu",
            funding_source="partner",
            members=[member("Emily Tremblay", "Giám đốc chương trình", "Green Mekong Canada", nationality="CA",
                            languages="Anh; Pháp")]),
        delegation(
            title="Đoàn Hội hữu nghị Việt Nam – Pháp tỉnh giao lưu hữu nghị tại thành phố Lyon (Pháp)",
            direction="outbound", level="association", status="cancelled", countries=["FR"], cities="Lyon",
            partners=["esf-lyon"], in_annual_plan=False,
            purpose="Giao lưu hữu nghị, cảm ơn nhà tài trợ chương trình học bổng.",
            start_date=date(2026, 9, 14), end_date=date(2026, 9, 20), host_agency="hh-vn-phap",
            dossier_submitted_on=date(2026, 7, 20), funding_source="socialised", estimated_cost_vnd=420_000_000,
            commitments="Không tổ chức do chưa vận động đủ kinh phí xã hội hóa.",
            members=[member("Bùi Văn K", "Chủ tịch Hội hữu nghị Việt Nam – Pháp tỉnh", "Hội hữu nghị",
                            languages="Pháp")]),
    ]
