"""Foreign NGO aid: mobilisation programmes, projects, their transactions and reports.

Reports list only their periods: the loader computes received and used amounts from the transactions and chains
the balances (closing = opening + received − used), so they always add up.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from aid_projects.models import add_months

PROGRAMMES = [
    {"key": "2021-2025", "title": "Chương trình vận động viện trợ phi chính phủ nước ngoài",
     "decision_number": "1845/QĐ-UBND", "start_year": 2021, "end_year": 2025, "target_usd": 10_000_000,
     "notes": "Đã tổng kết cuối năm 2025."},
    {"key": "2026-2030", "title": "Chương trình vận động viện trợ phi chính phủ nước ngoài",
     "decision_number": "455/QĐ-UBND", "start_year": 2026, "end_year": 2030, "target_usd": 15_000_000,
     "notes": "Ưu tiên thích ứng biến đổi khí hậu, y tế cơ sở, giáo dục vùng biên giới."},
]

DECREE_80 = "Nghị định số 80/2020/NĐ-CP"
DECREE_313 = "Nghị định số 313/2025/NĐ-CP"
DECREE_50 = "Nghị định số 50/2020/NĐ-CP (cứu trợ khẩn cấp)"
SIGNER = "Trần Văn B – Phó Chủ tịch UBND tỉnh"


def tx(kind, day, amount, currency, rate, form="cash", note=""):
    return {"kind": kind, "date": day, "amount": amount, "currency": currency, "exchange_rate_vnd": rate,
            "form": form, "note": note}


def vnd(kind, day, amount, form="cash", note=""):
    """An expenditure or receipt booked in VND."""
    return tx(kind, day, amount, "VND", 1, form, note)


def report(period, start, end, submitted_on=None, goods="", notes=""):
    return {"period": period, "period_start": start, "period_end": end, "submitted_on": submitted_on,
            "goods_received": goods, "notes": notes}


def projects(p: str, today: date) -> list[dict]:
    # Approved eight months before the run and still not started: past the six-month start deadline.
    idle_approved = add_months(today, -8)
    base = {"name_en": "", "form": "technical_assistance", "delivery": "cash", "governing_agency": "ubnd-tinh",
            "management_form": "affiliated_unit", "locations": [], "beneficiaries": "", "beneficiaries_count": None,
            "counterpart_funds_vnd": 0, "counterpart_source": "", "start_month": None, "end_month": None,
            "approval_number": "", "approved_on": None, "approval_signer": "", "started_on": None,
            "state_budget_revenue": False, "programme": None, "activities": [], "transactions": [], "reports": []}

    def project(**values):
        return {**base, **values}

    return [
        project(
            code="PCPNN-2021-05", name_vi="Học bổng “Thắp sáng ước mơ” cho học sinh nghèo vượt khó",
            name_en="“Light up dreams” scholarships for disadvantaged pupils", form="non_project",
            legal_basis=DECREE_80, status="closed", donor="esf-lyon", aid_owner="so-gddt",
            sectors=["giao-duc"], locations=["Thành phố Cao Lãnh", "Thành phố Sa Đéc"],
            beneficiaries="Học sinh trung học cơ sở thuộc hộ nghèo", beneficiaries_count=400,
            committed_amount=60_000, currency="EUR", exchange_rate_vnd=26_500, usd_rate_vnd=23_100,
            start_month=date(2021, 9, 1), end_month=date(2024, 6, 1), approval_number="2210/QĐ-UBND",
            approved_on=date(2021, 8, 5), approval_signer=SIGNER, started_on=date(2021, 9, 6),
            state_budget_revenue=True, programme="2021-2025",
            transactions=[tx("commitment", date(2021, 8, 5), 60_000, "EUR", 26_500),
                          tx("disbursement", date(2021, 9, 10), 20_000, "EUR", 26_600),
                          tx("disbursement", date(2022, 9, 12), 20_000, "EUR", 24_300),
                          tx("disbursement", date(2023, 9, 8), 20_000, "EUR", 25_900),
                          vnd("expenditure", date(2021, 10, 15), 520_000_000, note="Trao 130 suất học bổng"),
                          vnd("expenditure", date(2022, 10, 14), 480_000_000, note="Trao 130 suất học bổng"),
                          vnd("expenditure", date(2023, 10, 13), 517_000_000, note="Trao 140 suất học bổng")],
            reports=[report("year", date(2021, 1, 1), date(2021, 12, 31), date(2022, 1, 12)),
                     report("year", date(2022, 1, 1), date(2022, 12, 31), date(2023, 1, 11)),
                     report("year", date(2023, 1, 1), date(2023, 12, 31), date(2024, 1, 10),
                            notes="Báo cáo kết thúc khoản viện trợ.")]),
        project(
            code="PCPNN-2022-03", name_vi="Cung cấp nước sạch và công trình vệ sinh cho trường tiểu học",
            name_en="Clean water and sanitation for primary schools", form="investment", delivery="mixed",
            legal_basis=DECREE_80, status="closed", donor="cwd", aid_owner="so-gddt",
            management_form="existing_pmu", sectors=["nuoc-sach", "giao-duc", "y-te"],
            locations=["Huyện Tam Nông", "Huyện Tháp Mười"], beneficiaries="Học sinh và giáo viên 18 trường tiểu học",
            beneficiaries_count=6_500, committed_amount=250_000, currency="AUD", exchange_rate_vnd=16_200,
            usd_rate_vnd=23_400, counterpart_funds_vnd=600_000_000, counterpart_source="Ngân sách tỉnh",
            start_month=date(2022, 4, 1), end_month=date(2024, 3, 1), approval_number="845/QĐ-UBND",
            approved_on=date(2022, 3, 15), approval_signer=SIGNER, started_on=date(2022, 4, 20),
            state_budget_revenue=True, programme="2021-2025",
            transactions=[tx("commitment", date(2022, 3, 15), 250_000, "AUD", 16_200),
                          tx("disbursement", date(2022, 5, 6), 125_000, "AUD", 16_300),
                          tx("disbursement", date(2023, 4, 14), 125_000, "AUD", 15_700),
                          vnd("expenditure", date(2022, 11, 30), 1_750_000_000, note="Xây dựng 9 công trình"),
                          vnd("expenditure", date(2023, 12, 15), 1_900_000_000, note="Xây dựng 9 công trình"),
                          vnd("expenditure", date(2024, 3, 20), 350_000_000, note="Quyết toán, tập huấn vệ sinh")],
            reports=[report("year", date(2022, 1, 1), date(2022, 12, 31), date(2023, 1, 13)),
                     report("year", date(2023, 1, 1), date(2023, 12, 31), date(2024, 1, 12)),
                     report("half_year", date(2024, 1, 1), date(2024, 6, 30), date(2024, 7, 12),
                            notes="Báo cáo kết thúc dự án.")]),
        project(
            code="PCPNN-2023-01", name_vi="Nâng cao sinh kế cho phụ nữ nghèo vùng biên giới",
            name_en="Improving livelihoods of poor women in border areas", legal_basis=DECREE_80,
            status="implementing", donor="mcf", aid_owner="hoi-lhpn", sectors=["giam-ngheo", "nong-nghiep"],
            locations=["Huyện Tân Hồng", "Huyện Hồng Ngự", "Xã Tân Hồng", "Xã Thường Phước"],
            beneficiaries="Phụ nữ thuộc hộ nghèo, cận nghèo", beneficiaries_count=1_200,
            committed_amount=180_000, currency="USD", exchange_rate_vnd=23_500, usd_rate_vnd=23_500,
            counterpart_funds_vnd=350_000_000, counterpart_source="Ngân sách tỉnh; đóng góp của người dân",
            start_month=date(2023, 7, 1), end_month=date(2026, 12, 1), approval_number="1520/QĐ-UBND",
            approved_on=date(2023, 6, 12), approval_signer=SIGNER, started_on=date(2023, 7, 10),
            state_budget_revenue=True, programme="2021-2025",
            transactions=[tx("commitment", date(2023, 6, 12), 180_000, "USD", 23_500),
                          tx("disbursement", date(2023, 8, 15), 60_000, "USD", 23_700),
                          tx("disbursement", date(2024, 8, 20), 60_000, "USD", 25_200),
                          tx("disbursement", date(2025, 9, 10), 40_000, "USD", 26_100),
                          vnd("expenditure", date(2023, 12, 20), 1_050_000_000, note="Vốn sinh kế đợt 1"),
                          vnd("expenditure", date(2024, 12, 16), 1_420_000_000, note="Vốn sinh kế đợt 2"),
                          vnd("expenditure", date(2025, 12, 12), 980_000_000, note="Tập huấn, vốn sinh kế đợt 3"),
                          vnd("expenditure", date(2026, 5, 22), 310_000_000, note="Tập huấn kỹ thuật nuôi trồng")],
            reports=[report("year", date(2023, 1, 1), date(2023, 12, 31), date(2024, 1, 12)),
                     report("year", date(2024, 1, 1), date(2024, 12, 31), date(2025, 1, 13)),
                     report("year", date(2025, 1, 1), date(2025, 12, 31), date(2026, 1, 14)),
                     report("half_year", date(2026, 1, 1), date(2026, 6, 30), date(2026, 7, 14))]),
        project(
            code="PCPNN-2024-02", name_vi="Phẫu thuật và khám chữa bệnh miễn phí cho trẻ em dị tật hàm mặt",
            name_en="Free surgery for children with cleft lip and palate", form="non_project", delivery="services",
            legal_basis=DECREE_80, status="implementing", donor="svd", aid_owner="so-y-te",
            sectors=["y-te"], locations=[f"Tỉnh {p}"], beneficiaries="Trẻ em dị tật hàm mặt", beneficiaries_count=150,
            committed_amount=15_000_000, currency="JPY", exchange_rate_vnd=165, usd_rate_vnd=25_000,
            start_month=date(2024, 3, 1), end_month=date(2027, 2, 1), approval_number="402/QĐ-UBND",
            approved_on=date(2024, 2, 20), approval_signer=SIGNER, started_on=date(2024, 3, 18),
            programme="2021-2025",
            transactions=[tx("commitment", date(2024, 2, 20), 15_000_000, "JPY", 165),
                          tx("disbursement", date(2024, 3, 18), 5_000_000, "JPY", 166, "in_kind",
                             "Dịch vụ phẫu thuật, vật tư y tế"),
                          tx("expenditure", date(2024, 3, 22), 5_000_000, "JPY", 166, "in_kind",
                             "Phẫu thuật cho 48 trẻ em"),
                          tx("disbursement", date(2025, 3, 17), 5_000_000, "JPY", 170, "in_kind",
                             "Dịch vụ phẫu thuật, vật tư y tế"),
                          tx("expenditure", date(2025, 3, 21), 5_000_000, "JPY", 170, "in_kind",
                             "Phẫu thuật cho 51 trẻ em")],
            reports=[report("year", date(2024, 1, 1), date(2024, 12, 31), date(2025, 1, 10),
                            goods="Vật tư tiêu hao phẫu thuật, 02 máy gây mê (chuyển giao Bệnh viện Đa khoa tỉnh)"),
                     report("year", date(2025, 1, 1), date(2025, 12, 31), date(2026, 1, 12),
                            goods="Vật tư tiêu hao phẫu thuật")]),
        project(
            code="PCPNN-2025-01", name_vi="Xây dựng nhà tình thương cho hộ nghèo vùng biên giới",
            name_en="Houses for poor households in border areas", form="investment", legal_basis=DECREE_80,
            status="implementing", donor="kvhf", aid_owner="mttq", sectors=["bao-tro-xa-hoi", "giam-ngheo"],
            locations=["Thành phố Hồng Ngự", "Phường Hồng Ngự", "Xã Thường Phước"],
            beneficiaries="Hộ nghèo chưa có nhà ở kiên cố", beneficiaries_count=40,
            committed_amount=250_000_000, currency="KRW", exchange_rate_vnd=Decimal("18.2"), usd_rate_vnd=25_400,
            counterpart_funds_vnd=400_000_000, counterpart_source="Quỹ Vì người nghèo tỉnh",
            start_month=date(2025, 4, 1), end_month=date(2026, 12, 1), approval_number="612/QĐ-UBND",
            approved_on=date(2025, 3, 10), approval_signer=SIGNER, started_on=date(2025, 4, 21),
            state_budget_revenue=True, programme="2021-2025", activities=[(2026, 3, 2)],
            transactions=[tx("commitment", date(2025, 3, 10), 250_000_000, "KRW", Decimal("18.2")),
                          tx("disbursement", date(2025, 4, 20), 150_000_000, "KRW", Decimal("17.9")),
                          tx("disbursement", date(2026, 3, 16), 100_000_000, "KRW", Decimal("18.4")),
                          vnd("expenditure", date(2025, 9, 30), 2_400_000_000, note="Xây dựng 30 căn nhà"),
                          vnd("expenditure", date(2026, 6, 15), 1_300_000_000,
                              note="Xây dựng 10 căn nhà, hạ tầng kết nối")],
            reports=[report("year", date(2025, 1, 1), date(2025, 12, 31), date(2026, 1, 13)),
                     report("half_year", date(2026, 1, 1), date(2026, 6, 30), date(2026, 7, 13))]),
        project(
            code="PCPNN-2025-04", name_vi="Cứu trợ khẩn cấp khắc phục hậu quả sạt lở bờ sông",
            name_en="Emergency relief after riverbank erosion", form="emergency", delivery="goods",
            legal_basis=DECREE_50, status="completed", donor="gmc", aid_owner="mttq",
            sectors=["thien-tai"], locations=["Phường Hồng Ngự", "Xã Thường Phước"],
            beneficiaries="Hộ dân bị ảnh hưởng sạt lở", beneficiaries_count=320,
            committed_amount=40_000, currency="CAD", exchange_rate_vnd=18_700, usd_rate_vnd=26_000,
            start_month=date(2025, 10, 1), end_month=date(2025, 12, 1), approval_number="1302/QĐ-UBND",
            approved_on=date(2025, 10, 6), approval_signer=SIGNER, started_on=date(2025, 10, 8),
            programme="2021-2025",
            transactions=[tx("commitment", date(2025, 10, 6), 40_000, "CAD", 18_700),
                          tx("disbursement", date(2025, 10, 15), 40_000, "CAD", 18_700, "in_kind",
                             "Gạo, nước uống, bạt, áo phao"),
                          tx("expenditure", date(2025, 10, 30), 40_000, "CAD", 18_700, "in_kind",
                             "Cấp phát cho 320 hộ")],
            reports=[report("month", date(2025, 10, 1), date(2025, 10, 31), date(2025, 11, 5),
                            goods="12 tấn gạo; 2.000 thùng nước uống; 320 tấm bạt; 500 áo phao",
                            notes="Đã sử dụng hết trong vòng 3 tháng theo Nghị định số 50/2020/NĐ-CP.")]),
        project(
            code="PCPNN-2026-01", name_vi="Thích ứng với biến đổi khí hậu, phục hồi rừng tràm vùng Đồng Tháp Mười",
            name_en="Climate adaptation and melaleuca forest restoration in the Plain of Reeds",
            legal_basis=DECREE_313, status="approved", donor="srd", aid_owner="so-nnmt",
            management_form="existing_pmu", sectors=["moi-truong", "nong-nghiep"],
            locations=["Xã Tràm Chim", "Xã Tháp Mười"], beneficiaries="Hộ dân vùng đệm Vườn quốc gia Tràm Chim",
            beneficiaries_count=900, committed_amount=320_000, currency="EUR", exchange_rate_vnd=30_400,
            usd_rate_vnd=26_200, counterpart_funds_vnd=1_200_000_000, counterpart_source="Ngân sách tỉnh",
            start_month=add_months(idle_approved, 1).replace(day=1),
            end_month=add_months(idle_approved, 37).replace(day=1), approval_number="698/QĐ-UBND",
            approved_on=idle_approved, approval_signer=SIGNER, programme="2026-2030", activities=[(2026, 3, 4)],
            transactions=[tx("commitment", idle_approved, 320_000, "EUR", 30_400)]),
        project(
            code="PCPNN-2026-03", name_vi="Tập huấn nâng cao năng lực xây dựng và quản lý dự án cho cán bộ cấp xã",
            name_en="Project design and management training for commune officials", delivery="services",
            legal_basis=DECREE_313, status="appraising", donor="accn", aid_owner="so-ngoai-vu",
            sectors=["nang-luc"], locations=[f"Tỉnh {p}"], beneficiaries="Cán bộ cấp xã", beneficiaries_count=200,
            committed_amount=35_000, currency="USD", exchange_rate_vnd=26_300, usd_rate_vnd=26_300,
            start_month=date(2027, 1, 1), end_month=date(2027, 12, 1), programme="2026-2030",
            activities=[(2026, 3, 1)],
            transactions=[tx("commitment", date(2026, 10, 20), 35_000, "USD", 26_300,
                             note="Thư cam kết tài trợ của nhà tài trợ")]),
        project(
            code="PCPNN-2026-05", name_vi="Trang bị thiết bị y tế cho trạm y tế xã biên giới",
            name_en="Medical equipment for border commune health stations", form="non_project", delivery="goods",
            legal_basis=DECREE_313, status="submitted", donor="mcf", aid_owner="so-y-te",
            sectors=["y-te"], locations=["Xã Tân Hồng", "Xã Thường Phước"], beneficiaries="Người dân xã biên giới",
            beneficiaries_count=25_000, committed_amount=48_000, currency="USD", exchange_rate_vnd=26_300,
            usd_rate_vnd=26_300, programme="2026-2030",
            transactions=[tx("commitment", date(2026, 11, 2), 48_000, "USD", 26_300, "in_kind",
                             note="Thư cam kết tài trợ hiện vật")]),
    ]
