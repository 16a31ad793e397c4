"""The 2025 and 2026 people-to-people diplomacy plans: tasks, activities, reporting periods and progress updates.

An activity is `act(task, number, content, lead, coordinating, when, budget, source, status, progress, **links)`:
`when` is a month (1–12), "Q1"–"Q4", or None for the whole year. Links name countries, partners and agreements
by their demo keys.
"""

from __future__ import annotations

from datetime import date

TASKS = [
    ("Tăng cường sự lãnh đạo của Đảng, quản lý nhà nước đối với công tác đối ngoại nhân dân",
     "Quán triệt, triển khai các chỉ thị, kết luận của Trung ương và của Tỉnh ủy; kiểm tra việc thực hiện quy chế "
     "quản lý thống nhất các hoạt động đối ngoại."),
    ("Hoạt động vì hòa bình, đoàn kết, hữu nghị và hợp tác với nhân dân các nước",
     "Củng cố quan hệ với các tỉnh kết nghĩa của Lào và Campuchia; tổ chức các ngày kỷ niệm, giao lưu hữu nghị."),
    ("Vận động, quản lý và sử dụng viện trợ phi chính phủ nước ngoài",
     "Vận động nguồn viện trợ cho giảm nghèo, y tế, giáo dục và thích ứng biến đổi khí hậu; quản lý theo Nghị định "
     "số 313/2025/NĐ-CP."),
    ("Công tác thông tin đối ngoại",
     "Quảng bá hình ảnh, tiềm năng của tỉnh; thông tin về chủ trương, chính sách đối ngoại cho cán bộ và nhân dân."),
    ("Phát triển, nâng cao hiệu quả hoạt động của các tổ chức hữu nghị",
     "Kiện toàn tổ chức, phát triển hội viên, chi hội của Liên hiệp và các hội hữu nghị."),
    ("Phối hợp hoạt động đối ngoại nhân dân và công tác người Việt Nam ở nước ngoài",
     "Phối hợp giữa đối ngoại Đảng, ngoại giao Nhà nước và đối ngoại nhân dân; vận động kiều bào hướng về quê hương."),
    ("Nâng cao năng lực đội ngũ cán bộ làm công tác đối ngoại nhân dân",
     "Bồi dưỡng kiến thức, kỹ năng đối ngoại, lễ tân và ngoại ngữ; học tập kinh nghiệm các địa phương."),
]


def act(task, number, content, lead, coordinating, when, budget, source, status, progress, **links):
    month = when if isinstance(when, int) else None
    quarter = (month - 1) // 3 + 1 if month else (int(when[1]) if when else None)
    return {"task": task, "number": number, "content": content, "lead": lead, "coordinating": coordinating,
            "month": month, "quarter": quarter, "budget": budget, "source": source, "status": status,
            "progress": progress, "expected_result": links.pop("expected", ""), "notes": links.pop("notes", ""),
            "countries": links.pop("countries", []), "partners": links.pop("partners", []),
            "agreements": links.pop("agreements", []), **links}


def plans(p: str) -> list[dict]:
    return [plan_2025(p), plan_2026(p)]


def plan_2025(p: str) -> dict:
    done = ("done", 100)
    activities = [
        act(1, 1, "Sơ kết 3 năm thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư và Kế hoạch số 120-KH/TU của Tỉnh ủy về "
                  "đối ngoại nhân dân", "so-ngoai-vu", ["lhhn", "mttq", "so-noi-vu"], 3, 30_000_000,
            "state_budget", *done, expected="Báo cáo sơ kết trình Thường trực Tỉnh ủy"),
        act(1, 2, "Xây dựng, trình ban hành Kế hoạch công tác đối ngoại nhân dân năm 2026", "so-ngoai-vu",
            ["so-tai-chinh", "lhhn"], 12, None, "", *done),
        act(2, 1, "Thăm, chúc Tết Bunpimay tỉnh Champasak và Tết Chol Chnam Thmey tỉnh Prey Veng, tỉnh Banteay "
                  "Meanchey", "lhhn", ["so-ngoai-vu", "so-tai-chinh"], 4, 150_000_000, "state_budget", *done,
            countries=["LA", "KH"], partners=["champasak", "prey-veng", "banteay-meanchey"]),
        act(2, 2, "Tổ chức các hoạt động kỷ niệm 63 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào "
                  "(05/9/1962 – 05/9/2025) và 48 năm Ngày ký Hiệp ước Hữu nghị và Hợp tác Việt Nam – Lào "
                  "(18/7/1977 – 18/7/2025)", "hh-vn-lao", ["so-vhttdl", "lhhn"], "Q3", 60_000_000,
            "state_budget", *done, countries=["LA"], partners=["champasak"]),
        act(2, 3, "Kỷ niệm 58 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Campuchia (24/6/1967 – 24/6/2025)",
            "hh-vn-campuchia", ["so-vhttdl"], 6, 40_000_000, "state_budget", *done, countries=["KH"]),
        act(2, 4, "Phối hợp tìm kiếm, quy tập hài cốt liệt sĩ quân tình nguyện Việt Nam hy sinh tại Campuchia "
                  "(mùa khô 2024–2025)", "bo-chqs", ["so-ngoai-vu", "hh-vn-campuchia", "so-tai-chinh"], "Q2",
            500_000_000, "state_budget", *done, countries=["KH"], partners=["prey-veng"]),
        act(2, 5, "Tổ chức kỷ niệm 236 năm Quốc khánh nước Cộng hòa Pháp (14/7/1789 – 14/7/2025)", "hh-vn-phap",
            ["so-vhttdl"], 7, 25_000_000, "socialised", *done, countries=["FR"], partners=["tlsq-phap"]),
        act(2, 6, "Giao lưu văn hóa, nghệ thuật hữu nghị Việt Nam – Lào – Campuchia nhân dịp Tết cổ truyền",
            "so-vhttdl", ["lhhn", "so-ngoai-vu"], 4, 80_000_000, "state_budget", *done, countries=["LA", "KH"]),
        act(3, 1, "Tổ chức 02 lớp tập huấn kỹ năng xây dựng, viết dự án vận động viện trợ phi chính phủ nước ngoài "
                  "cho cán bộ cấp xã", "so-ngoai-vu", ["so-tai-chinh", "lhhn"], "Q3", 80_000_000, "state_budget",
            *done, expected="120 lượt cán bộ được tập huấn"),
        act(3, 2, "Làm việc với các tổ chức phi chính phủ nước ngoài và Tổng Lãnh sự quán Pháp, Hoa Kỳ, Ô-xtrây-li-a, "
                  "Ca-na-đa, Hàn Quốc, Nhật Bản tại Thành phố Hồ Chí Minh để vận động viện trợ", "so-ngoai-vu",
            ["lhhn", "so-tai-chinh"], "Q2", 45_000_000, "state_budget", *done,
            countries=["FR", "US", "AU", "CA", "KR", "JP"],
            partners=["tlsq-phap", "tlsq-hoa-ky", "tlsq-uc", "tlsq-canada", "tlsq-han", "tlsq-nhat"]),
        act(3, 3, "Tổng kết Chương trình vận động viện trợ phi chính phủ nước ngoài giai đoạn 2021–2025; xây dựng "
                  "chương trình giai đoạn 2026–2030", "so-ngoai-vu", ["so-tai-chinh", "so-nnmt"], "Q4", 20_000_000,
            "state_budget", *done),
        act(4, 1, "Biên tập, phát hành ấn phẩm giới thiệu tiềm năng, cơ hội hợp tác của tỉnh bằng tiếng Anh, tiếng "
                  "Lào và tiếng Khmer", "so-vhttdl", ["so-ngoai-vu", "bao-ptth"], "Q3", 120_000_000, "state_budget",
            *done, expected="3.000 ấn phẩm"),
        act(4, 2, "Duy trì chuyên mục “Đối ngoại nhân dân” trên Báo và Phát thanh, Truyền hình tỉnh", "bao-ptth",
            ["so-ngoai-vu", "lhhn"], None, 36_000_000, "state_budget", *done),
        act(5, 1, "Chuẩn bị thành lập Hội hữu nghị Việt Nam – Xinh-ga-po và Hội hữu nghị Việt Nam – Vương quốc Anh "
                  "của tỉnh", "lhhn", ["so-noi-vu", "so-ngoai-vu"], "Q4", 15_000_000, "state_budget", "postponed", 30,
            countries=["SG", "GB"], notes="Lùi sang năm 2026 do sắp xếp tổ chức bộ máy."),
        act(5, 2, "Hướng dẫn các hội hữu nghị kiện toàn chi hội sau sắp xếp đơn vị hành chính cấp xã", "lhhn",
            ["so-noi-vu", "mttq"], "Q3", None, "", *done),
        act(6, 1, "Gặp mặt kiều bào về quê đón Tết Nguyên đán Ất Tỵ 2025", "so-ngoai-vu",
            ["mttq", "so-vhttdl", "so-tai-chinh"], 1, 200_000_000, "mixed", *done,
            partners=["kieu-bao-phap"], expected="150 kiều bào tham dự"),
        act(6, 2, "Cấp học bổng cho lưu học sinh tỉnh Champasak, Salavan, Houaphanh học tập tại Trường Cao đẳng Y tế "
                  "và Trường Cao đẳng Cộng đồng", "so-gddt", ["cd-y-te", "so-tai-chinh", "so-ngoai-vu"], 9,
            1_200_000_000, "state_budget", *done, countries=["LA"],
            partners=["champasak", "salavan", "houaphanh"], agreements=["champasak-2022"]),
        act(6, 3, "Phối hợp với tỉnh Prey Veng khám bệnh, cấp thuốc miễn phí cho người dân vùng biên giới", "so-y-te",
            ["hh-vn-campuchia", "bdbp"], 10, 300_000_000, "socialised", *done, countries=["KH"],
            partners=["prey-veng"]),
        act(7, 1, "Cử cán bộ tham gia lớp bồi dưỡng kiến thức đối ngoại nhân dân do Liên hiệp các tổ chức hữu nghị "
                  "Việt Nam tổ chức", "so-noi-vu", ["so-ngoai-vu", "lhhn"], "Q2", 20_000_000, "state_budget", *done),
        act(7, 2, "Tổ chức đoàn học tập kinh nghiệm công tác đối ngoại nhân dân tại Liên hiệp các tổ chức hữu nghị "
                  "thành phố Đà Nẵng", "lhhn", ["so-ngoai-vu"], "Q3", 60_000_000, "state_budget", "cancelled", 0,
            notes="Không tổ chức do sắp xếp tổ chức bộ máy."),
    ]
    return {
        "year": 2025, "number": "313/KH-UBND", "issuing_agency": "ubnd-tinh", "issued_on": date(2024, 12, 20),
        "signer": "Trần Văn B – Phó Chủ tịch UBND tỉnh", "status": "closed",
        "title": "Kế hoạch công tác đối ngoại nhân dân năm 2025",
        "legal_bases": ["12-CT", "120-KH", "716-KH", "272-QĐ", "36-NQ", "28-CT"],
        "purpose": "Triển khai đồng bộ, hiệu quả Chỉ thị số 12-CT/TW, Kế hoạch số 120-KH/TU và Kế hoạch số "
                   f"716/KH-UBND; củng cố quan hệ hữu nghị truyền thống giữa tỉnh {p} với các tỉnh của Lào và "
                   "Campuchia; nâng cao hiệu quả vận động viện trợ phi chính phủ nước ngoài.",
        "implementation": "Sở Ngoại vụ là cơ quan thường trực, theo dõi, tổng hợp; các cơ quan chủ trì báo cáo kết "
                          "quả 6 tháng trước ngày 10/7 và cả năm trước ngày 10/01 năm sau.",
        "activities": activities,
    }


def plan_2026(p: str) -> dict:
    done = ("done", 100)
    activities = [
        act(1, 1, "Quán triệt, triển khai Kế hoạch công tác đối ngoại nhân dân năm 2026 đến các sở, ngành và Ủy ban "
                  "nhân dân cấp xã", "so-ngoai-vu", ["so-noi-vu"], 2, None, "", *done),
        act(1, 2, "Kiểm tra việc thực hiện Quy chế quản lý thống nhất các hoạt động đối ngoại (Quyết định số "
                  "272-QĐ/TW) tại các sở, ngành, địa phương", "so-ngoai-vu", ["so-noi-vu", "cong-an-tinh"], "Q3",
            25_000_000, "state_budget", "late", 60,
            notes="Đã kiểm tra 6/10 đơn vị; còn 4 xã biên giới chưa kiểm tra."),
        act(1, 3, "Rà soát, kiện toàn đội ngũ cán bộ đầu mối công tác đối ngoại nhân dân cấp xã sau sắp xếp đơn vị "
                  "hành chính", "so-noi-vu", ["so-ngoai-vu", "ubnd-x-tan-hong"], "Q2", None, "", *done),
        act(2, 1, "Thăm, chúc Tết Bunpimay tỉnh Champasak và Tết Chol Chnam Thmey tỉnh Prey Veng năm 2026", "lhhn",
            ["so-ngoai-vu", "so-tai-chinh"], 4, 160_000_000, "state_budget", *done, countries=["LA", "KH"],
            partners=["champasak", "prey-veng"]),
        act(2, 2, "Tổ chức các hoạt động kỷ niệm 64 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào "
                  "(05/9/1962 – 05/9/2026) và 51 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào "
                  "(02/12/1975 – 02/12/2026)", "hh-vn-lao", ["so-vhttdl", "lhhn"], "Q4", 70_000_000,
            "state_budget", "on_track", 60, countries=["LA"], partners=["champasak", "tlsq-lao"]),
        act(2, 3, "Kỷ niệm 59 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Campuchia (24/6/1967 – 24/6/2026)",
            "hh-vn-campuchia", ["so-vhttdl"], 6, 40_000_000, "state_budget", *done, countries=["KH"]),
        act(2, 4, "Tổ chức kỷ niệm 77 năm Quốc khánh nước Cộng hòa Nhân dân Trung Hoa (01/10/1949 – 01/10/2026)",
            "hh-vn-trung-quoc", ["so-ngoai-vu"], 10, 20_000_000, "socialised", *done, countries=["CN"],
            partners=["tlsq-trung-quoc"]),
        act(2, 5, "Lễ kỷ niệm 76 năm Ngày truyền thống Liên hiệp các tổ chức hữu nghị Việt Nam (17/11/1950 – "
                  "17/11/2026)", "lhhn", ["mttq", "so-vhttdl"], 11, 30_000_000, "state_budget", *done),
        act(2, 6, "Ngày hội giao lưu văn hóa, thể thao hữu nghị biên giới Việt Nam – Campuchia", "so-vhttdl",
            ["bdbp", "hh-vn-campuchia", "ubnd-x-tan-hong"], 8, 150_000_000, "state_budget", "late", 40,
            countries=["KH"], partners=["prey-veng"],
            notes="Chưa tổ chức được do trùng lịch của tỉnh bạn; dự kiến tổ chức trong tháng 12."),
        act(2, 7, "Phối hợp tìm kiếm, quy tập, hồi hương hài cốt liệt sĩ quân tình nguyện Việt Nam hy sinh tại "
                  "Campuchia (mùa khô 2025–2026)", "bo-chqs", ["so-ngoai-vu", "so-tai-chinh", "hh-vn-campuchia"],
            "Q2", 550_000_000, "state_budget", *done, countries=["KH"], partners=["prey-veng"]),
        act(2, 8, "Tổ chức kỷ niệm 66 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Cu-ba (02/12/1960 – "
                  "02/12/2026)", "hh-vn-cuba", ["so-vhttdl"], 12, 15_000_000, "socialised", "not_started", 0,
            countries=["CU"]),
        act(2, 9, f"Tuần văn hóa – du lịch {p} tại tỉnh Champasak", "so-vhttdl",
            ["so-ngoai-vu", "so-cong-thuong", "hh-vn-lao"], 11, 350_000_000, "mixed", "on_track", 85,
            countries=["LA"], partners=["champasak"], agreements=["champasak-2022"]),
        act(3, 1, "Tổ chức 02 lớp tập huấn kỹ năng xây dựng và viết dự án vận động viện trợ phi chính phủ nước "
                  "ngoài", "so-ngoai-vu", ["so-tai-chinh", "lhhn"], "Q4", 90_000_000, "state_budget", "at_risk", 50,
            notes="Đã tổ chức 01 lớp (tháng 5); lớp thứ hai chưa bố trí được giảng viên."),
        act(3, 2, "Thẩm định, trình phê duyệt các khoản viện trợ phi chính phủ nước ngoài theo Nghị định số "
                  "313/2025/NĐ-CP", "so-tai-chinh", ["so-ngoai-vu", "cong-an-tinh", "lhhn"], None, None, "",
            "on_track", 80, expected="100% hồ sơ được thẩm định đúng hạn 20 ngày"),
        act(3, 3, "Triển khai Chương trình vận động viện trợ phi chính phủ nước ngoài giai đoạn 2026–2030: làm việc "
                  "với các tổ chức phi chính phủ và Tổng Lãnh sự quán các nước tại Thành phố Hồ Chí Minh",
            "so-ngoai-vu", ["lhhn", "so-tai-chinh"], "Q2", 50_000_000, "state_budget", *done,
            countries=["FR", "US", "AU", "CA", "KR", "JP"],
            partners=["tlsq-phap", "tlsq-hoa-ky", "tlsq-uc", "tlsq-canada", "tlsq-han", "tlsq-nhat", "mcf", "srd"]),
        act(3, 4, "Đôn đốc, kiểm tra các khoản viện trợ đã phê duyệt nhưng chưa triển khai", "so-tai-chinh",
            ["so-ngoai-vu", "so-nnmt"], "Q4", None, "", "at_risk", 20, partners=["srd"],
            notes="Dự án phục hồi rừng tràm chưa khởi động sau hơn 6 tháng kể từ ngày phê duyệt."),
        act(4, 1, f"Xây dựng video quảng bá hình ảnh, con người {p} bằng tiếng Anh, tiếng Lào và tiếng Khmer",
            "so-vhttdl", ["so-ngoai-vu", "bao-ptth"], "Q3", 180_000_000, "state_budget", "late", 70,
            notes="Đang hoàn thiện bản tiếng Khmer."),
        act(4, 2, "Hội nghị thông tin đối ngoại cho cán bộ chủ chốt cấp xã", "ban-tgdv", ["so-ngoai-vu", "so-vhttdl"],
            5, 40_000_000, "state_budget", *done),
        act(5, 1, "Thành lập Hội hữu nghị Việt Nam – Xinh-ga-po và Hội hữu nghị Việt Nam – Vương quốc Anh tỉnh",
            "lhhn", ["so-noi-vu", "so-ngoai-vu"], "Q4", 20_000_000, "state_budget", "at_risk", 40,
            countries=["SG", "GB"], partners=["tlsq-singapore", "tlsq-anh"]),
        act(5, 2, "Hướng dẫn Hội hữu nghị Việt Nam – Nhật Bản tổ chức Đại hội nhiệm kỳ V (2026–2031)", "hh-vn-nhat",
            ["lhhn", "so-noi-vu"], "Q3", 30_000_000, "socialised", "late", 50, countries=["JP"],
            notes="Nhiệm kỳ IV đã hết từ năm 2024; đang chuẩn bị nhân sự."),
        act(5, 3, "Phát triển hội viên, thành lập mới chi hội tại các xã biên giới", "hh-vn-campuchia",
            ["lhhn", "ubnd-x-thuong-phuoc"], None, None, "", "on_track", 75),
        act(6, 1, "Gặp mặt kiều bào về quê đón Tết Nguyên đán Bính Ngọ 2026", "so-ngoai-vu",
            ["mttq", "so-vhttdl", "so-tai-chinh"], 2, 250_000_000, "mixed", *done, partners=["kieu-bao-phap"]),
        act(6, 2, "Cấp học bổng cho lưu học sinh tỉnh Champasak, Salavan, Houaphanh năm học 2026–2027", "so-gddt",
            ["cd-y-te", "cd-cong-dong", "so-tai-chinh"], 9, 1_350_000_000, "state_budget", *done, countries=["LA"],
            partners=["champasak", "salavan", "houaphanh"]),
        act(6, 3, "Phối hợp với tỉnh Prey Veng khám bệnh, cấp thuốc miễn phí và tặng quà cho người dân hai bên biên "
                  "giới", "so-y-te", ["hh-vn-campuchia", "bdbp"], 12, 320_000_000, "socialised", "on_track", 20,
            countries=["KH"], partners=["prey-veng"]),
        act(6, 4, f"Hội nghị sơ kết hợp tác giữa tỉnh {p} và tỉnh Prey Veng; ký Biên bản hội đàm năm 2026",
            "so-ngoai-vu", ["cong-an-tinh", "bdbp", "so-cong-thuong"], 10, 120_000_000, "state_budget", *done,
            countries=["KH"], partners=["prey-veng"], agreements=["prey-veng-2026"]),
        act(6, 5, "Chuẩn bị ký kết Bản ghi nhớ hợp tác giai đoạn 2026–2030 với tỉnh Champasak", "so-ngoai-vu",
            ["vp-ubnd", "so-tu-phap"], "Q4", 30_000_000, "state_budget", "at_risk", 40, countries=["LA"],
            partners=["champasak"], agreements=["champasak-2022", "champasak-2026"],
            notes="Đang chờ ý kiến của Bộ Ngoại giao."),
        act(7, 1, "Bồi dưỡng nghiệp vụ đối ngoại, lễ tân và ngoại ngữ cho cán bộ làm công tác đối ngoại nhân dân cấp "
                  "tỉnh và cấp xã", "so-noi-vu", ["so-ngoai-vu", "so-tai-chinh"], "Q3", 70_000_000, "state_budget",
            *done),
        act(7, 2, "Tổ chức đoàn học tập kinh nghiệm công tác đối ngoại nhân dân tại Liên hiệp các tổ chức hữu nghị "
                  "thành phố Đà Nẵng", "lhhn", ["so-ngoai-vu"], "Q2", 60_000_000, "state_budget", "postponed", 0,
            notes="Lùi sang quý I năm sau."),
    ]
    return {
        "year": 2026, "number": "58/KH-UBND", "issuing_agency": "ubnd-tinh", "issued_on": date(2026, 1, 20),
        "signer": "Trần Văn B – Phó Chủ tịch UBND tỉnh", "status": "in_progress",
        "title": "Kế hoạch công tác đối ngoại nhân dân năm 2026",
        "legal_bases": ["12-CT", "120-KH", "716-KH", "272-QĐ", "36-NQ", "12-KL", "38-CT"],
        "purpose": "Tiếp tục thực hiện hiệu quả Chỉ thị số 12-CT/TW của Ban Bí thư; tăng cường quan hệ hữu nghị, "
                   f"hợp tác giữa tỉnh {p} với các tỉnh Champasak, Prey Veng, Banteay Meanchey; triển khai Chương "
                   "trình vận động viện trợ phi chính phủ nước ngoài giai đoạn 2026–2030; thích ứng với mô hình "
                   "chính quyền địa phương hai cấp.",
        "implementation": "Sở Ngoại vụ là cơ quan thường trực, theo dõi, đôn đốc; các cơ quan chủ trì cập nhật tiến "
                          "độ trên Cổng thông tin trước ngày 10/7 (sơ kết 6 tháng) và 10/01 năm sau (tổng kết năm).",
        "activities": activities,
    }


# Reporting periods: (year, kind, starts, ends, due, locked).
REPORTING_PERIODS = [
    (2025, "half_year", date(2025, 1, 1), date(2025, 6, 30), date(2025, 7, 10), True),
    (2025, "year", date(2025, 1, 1), date(2025, 12, 31), date(2026, 1, 10), True),
    (2026, "half_year", date(2026, 1, 1), date(2026, 6, 30), date(2026, 7, 10), True),
    (2026, "year", date(2026, 1, 1), date(2026, 12, 31), date(2027, 1, 10), False),
]

# Progress updates of 2026 activities: (task, number), period kind, activity status, %, narrative, author,
# review status, review comment. The reporting agency is the activity's lead agency.
PROGRESS_UPDATES = [
    ((1, 1), "half_year", "done", 100, "Đã tổ chức hội nghị quán triệt ngày 25/02 với 120 đại biểu.", "staff",
     "accepted", ""),
    ((2, 1), "half_year", "done", 100, "Đoàn đã thăm, chúc Tết hai tỉnh bạn từ ngày 06 đến 08/4.", "staff",
     "accepted", ""),
    ((2, 3), "half_year", "done", 100, "Tổ chức gặp mặt kỷ niệm ngày 24/6 với 80 đại biểu.", "assoc_cambodia",
     "accepted", ""),
    ((3, 2), "half_year", "on_track", 40, "Đã thẩm định 3/3 hồ sơ đề nghị phê duyệt viện trợ đúng hạn.",
     "focal_finance", "accepted", ""),
    ((4, 1), "half_year", "on_track", 30, "Đã hoàn thành kịch bản, đang quay dựng.", "focal_culture", "accepted", ""),
    ((2, 6), "half_year", "on_track", 10, "Đang xây dựng kế hoạch chi tiết.", "focal_culture", "returned",
     "Đề nghị bổ sung kế hoạch chi tiết và dự toán kinh phí."),
    ((3, 2), "year", "on_track", 80, "Đã thẩm định 5 hồ sơ; 1 hồ sơ đang thẩm định.", "focal_finance",
     "submitted", ""),
    ((4, 1), "year", "late", 70, "Hoàn thành bản tiếng Anh và tiếng Lào; bản tiếng Khmer chậm do thiếu biên dịch "
     "viên.", "focal_culture", "submitted", ""),
    ((2, 6), "year", "late", 40, "Chưa tổ chức được do trùng lịch của tỉnh bạn; dự kiến tháng 12.", "focal_culture",
     "submitted", ""),
    ((2, 2), "year", "on_track", 60, "Đã tổ chức gặp mặt kỷ niệm 64 năm; đang chuẩn bị hoạt động Quốc khánh Lào.",
     "assoc_laos", "submitted", ""),
]
