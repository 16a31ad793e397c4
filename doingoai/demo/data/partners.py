"""Foreign partners, agreements, the friendship union and its associations, occasions and greetings."""

from __future__ import annotations

from datetime import date, timedelta

from aid_projects.models import add_months


def foreign_partners(p: str, today: date) -> list[dict]:
    """Foreign partners; `key` is the demo's handle, the natural key is (name_vi, country)."""
    def partner(key, kind, country, name_vi, name_native="", **extra):
        return {"key": key, "kind": kind, "country": country, "name_vi": name_vi, "name_native": name_native,
                "abbreviation": extra.pop("abbreviation", ""), "is_twinned": extra.pop("is_twinned", False),
                "relationship_since": extra.pop("relationship_since", None), "status": extra.pop("status", "active"),
                "fields": extra.pop("fields", ""), "email": extra.pop("email", ""), "address": extra.pop("address", ""),
                "notes": extra.pop("notes", ""), "parent": extra.pop("parent", None), **extra}

    hcmc = "Thành phố Hồ Chí Minh"
    return [
        # Partner provinces.
        partner("prey-veng", "foreign_locality", "KH", "Tỉnh Prey Veng", "ខេត្តព្រៃវែង", is_twinned=True,
                fields="An ninh biên giới; phân giới cắm mốc; thương mại; y tế; nông nghiệp",
                notes=f"Tỉnh giáp biên với tỉnh {p}, chung đường biên giới hơn 50 km; quan hệ láng giềng "
                      "truyền thống."),
        partner("banteay-meanchey", "foreign_locality", "KH", "Tỉnh Banteay Meanchey", "ខេត្តបន្ទាយមានជ័យ",
                is_twinned=True, relationship_since=date(2011, 1, 1),
                fields="Thương mại, dịch vụ, du lịch; đầu tư nông nghiệp; trao đổi sinh viên và cán bộ",
                notes="Hợp tác chính thức từ năm 2011 (ngày cụ thể chưa xác định): thỏa thuận hợp tác giai đoạn "
                      "2011–2015 và 2016–2020."),
        partner("champasak", "foreign_locality", "LA", "Tỉnh Champasak", "ແຂວງຈຳປາສັກ", is_twinned=True,
                relationship_since=date(2017, 1, 1),
                fields="Chính trị; kinh tế; phát triển nguồn nhân lực; đối ngoại nhân dân; an sinh xã hội",
                notes="Thiết lập quan hệ hữu nghị, hợp tác năm 2017 (ngày cụ thể chưa xác định). Cấp học bổng cho "
                      "lưu học sinh tỉnh Champasak, Salavan và Houaphanh."),
        partner("salavan", "foreign_locality", "LA", "Tỉnh Salavan", "ແຂວງສາລະວັນ",
                fields="Đào tạo nguồn nhân lực (học bổng)"),
        partner("houaphanh", "foreign_locality", "LA", "Tỉnh Houaphanh", "ແຂວງຫົວພັນ",
                fields="Đào tạo nguồn nhân lực (học bổng)"),
        partner("dh-champasak", "university", "LA", "Trường Đại học Champasak", "Champasak University",
                fields="Đào tạo; trao đổi giảng viên, sinh viên"),
        # Embassies and consulates.
        partner("dsq-lao", "embassy", "LA", "Đại sứ quán nước Cộng hòa Dân chủ Nhân dân Lào tại Việt Nam",
                "ສະຖານທູດ ສປປ ລາວ ປະຈຳ ຫວຽດນາມ", address="Hà Nội"),
        partner("dsq-campuchia", "embassy", "KH", "Đại sứ quán Vương quốc Campuchia tại Việt Nam",
                "Royal Embassy of Cambodia in Viet Nam", address="Hà Nội"),
        partner("tlsq-lao", "consulate", "LA", f"Tổng Lãnh sự quán Lào tại {hcmc}",
                "Consulate General of the Lao PDR in Ho Chi Minh City", parent="dsq-lao", address=hcmc),
        partner("tlsq-campuchia", "consulate", "KH", f"Tổng Lãnh sự quán Campuchia tại {hcmc}",
                "Consulate General of the Kingdom of Cambodia in Ho Chi Minh City", parent="dsq-campuchia",
                address=hcmc),
        partner("tlsq-phap", "consulate", "FR", f"Tổng Lãnh sự quán Pháp tại {hcmc}",
                "Consulat général de France à Hô-Chi-Minh-Ville", address=hcmc),
        partner("tlsq-hoa-ky", "consulate", "US", f"Tổng Lãnh sự quán Hoa Kỳ tại {hcmc}",
                "U.S. Consulate General Ho Chi Minh City", address=hcmc),
        partner("tlsq-nhat", "consulate", "JP", f"Tổng Lãnh sự quán Nhật Bản tại {hcmc}",
                "在ホーチミン日本国総領事館", address=hcmc),
        partner("tlsq-han", "consulate", "KR", f"Tổng Lãnh sự quán Hàn Quốc tại {hcmc}",
                "주호치민 대한민국 총영사관", address=hcmc),
        partner("tlsq-uc", "consulate", "AU", f"Tổng Lãnh sự quán Ô-xtrây-li-a tại {hcmc}",
                "Australian Consulate-General Ho Chi Minh City", address=hcmc),
        partner("tlsq-canada", "consulate", "CA", f"Tổng Lãnh sự quán Ca-na-đa tại {hcmc}",
                "Consulate General of Canada in Ho Chi Minh City", address=hcmc),
        partner("tlsq-trung-quoc", "consulate", "CN", f"Tổng Lãnh sự quán Trung Quốc tại {hcmc}",
                "中华人民共和国驻胡志明市总领事馆", address=hcmc),
        partner("tlsq-thai", "consulate", "TH", f"Tổng Lãnh sự quán Thái Lan tại {hcmc}",
                "สถานกงสุลใหญ่ ณ นครโฮจิมินห์", address=hcmc),
        partner("tlsq-duc", "consulate", "DE", f"Tổng Lãnh sự quán Đức tại {hcmc}",
                "Generalkonsulat der Bundesrepublik Deutschland Ho-Chi-Minh-Stadt", address=hcmc),
        partner("tlsq-an-do", "consulate", "IN", f"Tổng Lãnh sự quán Ấn Độ tại {hcmc}",
                "Consulate General of India, Ho Chi Minh City", address=hcmc),
        partner("tlsq-singapore", "consulate", "SG", f"Tổng Lãnh sự quán Xinh-ga-po tại {hcmc}",
                "Consulate-General of the Republic of Singapore in Ho Chi Minh City", address=hcmc),
        partner("tlsq-anh", "consulate", "GB", f"Tổng Lãnh sự quán Anh tại {hcmc}",
                "British Consulate General Ho Chi Minh City", address=hcmc),
        partner("dsq-cuba", "embassy", "CU", "Đại sứ quán Cộng hòa Cu-ba tại Việt Nam",
                "Embajada de la República de Cuba en Viet Nam", address="Hà Nội"),
        partner("dsq-nga", "embassy", "RU", "Đại sứ quán Liên bang Nga tại Việt Nam",
                "Посольство Российской Федерации во Вьетнаме", address="Hà Nội"),
        partner("dsq-italia", "embassy", "IT", "Đại sứ quán I-ta-li-a tại Việt Nam",
                "Ambasciata d'Italia ad Hanoi", address="Hà Nội"),
        # International organisations (no country).
        partner("unicef", "international_organisation", None, "Quỹ Nhi đồng Liên hợp quốc tại Việt Nam",
                "UNICEF Viet Nam", abbreviation="UNICEF", fields="Trẻ em; giáo dục; y tế; nước sạch"),
        partner("undp", "international_organisation", None, "Chương trình Phát triển Liên hợp quốc tại Việt Nam",
                "UNDP Viet Nam", abbreviation="UNDP", fields="Biến đổi khí hậu; giảm nghèo; quản trị công"),
        partner("who", "international_organisation", None, "Tổ chức Y tế Thế giới tại Việt Nam",
                "WHO Viet Nam", abbreviation="WHO", fields="Y tế"),
        # Foreign NGOs (fictional but plausible names).
        partner("mcf", "ngo", "US", "Quỹ Cộng đồng Mê Kông", "Mekong Community Fund", abbreviation="MCF",
                fields="Giảm nghèo; sinh kế; nông nghiệp", email="vietnam@mekongfund.example"),
        partner("svd", "ngo", "JP", "Tổ chức Bác sĩ tình nguyện Sakura", "さくらボランティア医師団",
                abbreviation="SVD", fields="Y tế; phẫu thuật nhân đạo cho trẻ em"),
        partner("esf-lyon", "ngo", "FR", "Hội Giáo dục không biên giới Lyon", "Éducation Sans Frontières Lyon",
                abbreviation="ESF Lyon", fields="Giáo dục; học bổng"),
        partner("cwd", "ngo", "AU", "Tổ chức Nước sạch cho Đồng bằng", "Clean Water for the Delta",
                abbreviation="CWD", fields="Nước sạch; vệ sinh trường học"),
        partner("kvhf", "foundation", "KR", "Quỹ Hy vọng Hàn – Việt", "한베희망재단 (Korea–Vietnam Hope Foundation)",
                abbreviation="KVHF", fields="Nhà tình thương; bảo trợ xã hội"),
        partner("srd", "ngo", "DE", "Tổ chức Phát triển nông thôn bền vững",
                "Nachhaltige Ländliche Entwicklung e.V.", abbreviation="NLE",
                fields="Môi trường; thích ứng biến đổi khí hậu; rừng tràm"),
        partner("gmc", "ngo", "CA", "Tổ chức Mê Kông Xanh Ca-na-đa", "Green Mekong Canada", abbreviation="GMC",
                fields="Phòng, chống thiên tai; cứu trợ khẩn cấp"),
        partner("accn", "ngo", "SG", "Mạng lưới Phát triển năng lực cộng đồng châu Á",
                "Asian Community Capacity Network", abbreviation="ACCN", fields="Nâng cao năng lực; tập huấn"),
        partner("cuba-solidaridad", "ngo", "CU", "Hội Đoàn kết Cu-ba – Việt Nam vì trẻ em",
                "Asociación Cuba–Vietnam por la Niñez", fields="Giao lưu hữu nghị; trẻ em", status="dormant"),
        # Overseas Vietnamese associations.
        partner("nguoi-viet-champasak", "overseas_vietnamese", "LA", "Hội người Việt Nam tỉnh Champasak",
                "ສະມາຄົມຊາວຫວຽດນາມ ແຂວງຈຳປາສັກ", parent="champasak",
                fields="Kiều bào; giao lưu văn hóa"),
        partner("khmer-viet-prey-veng", "overseas_vietnamese", "KH",
                "Hội Khmer – Việt Nam tại Campuchia, Chi hội tỉnh Prey Veng", "Khmer–Vietnamese Association, Prey Veng",
                parent="prey-veng", fields="Kiều bào; hỗ trợ giấy tờ, sinh kế"),
        partner("kieu-bao-phap", "overseas_vietnamese", "FR", f"Câu lạc bộ kiều bào {p} tại Pháp",
                f"Club des Vietnamiens originaires de {p} en France", fields="Kiều bào; kết nối doanh nhân"),
    ]


def ngo_registrations(today: date) -> list[dict]:
    # One registration expires within weeks of the run, so the dashboard has something to warn about.
    soon = today + timedelta(days=40)
    return [
        {"partner": "mcf", "kind": "representative_office", "number": "GĐK-VPĐD 118/BNG-ĐKHĐ",
         "issued_on": date(2022, 9, 15), "expires_on": date(2027, 9, 14),
         "provinces": "Đồng Tháp; An Giang; Vĩnh Long", "fields": "Giảm nghèo; sinh kế; nông nghiệp"},
        {"partner": "svd", "kind": "operation_permit", "number": "GĐK 342/BNG-ĐKHĐ",
         "issued_on": add_months(soon, -36) + timedelta(days=1), "expires_on": soon,
         "provinces": "Đồng Tháp; Cần Thơ", "fields": "Y tế"},
        {"partner": "esf-lyon", "kind": "operation_permit", "number": "GĐK 275/BNG-ĐKHĐ",
         "issued_on": date(2021, 6, 1), "expires_on": date(2024, 5, 31),
         "provinces": "Đồng Tháp", "fields": "Giáo dục"},
        {"partner": "esf-lyon", "kind": "operation_permit", "number": "GĐK 409/BNG-ĐKHĐ",
         "issued_on": date(2024, 6, 1), "expires_on": date(2027, 5, 31),
         "provinces": "Đồng Tháp", "fields": "Giáo dục; học bổng"},
        {"partner": "cwd", "kind": "project_office", "number": "GĐK-VPDA 57/BNG-ĐKHĐ",
         "issued_on": date(2022, 2, 20), "expires_on": date(2025, 2, 19),
         "provinces": "Đồng Tháp", "fields": "Nước sạch; vệ sinh môi trường"},
        {"partner": "kvhf", "kind": "operation_permit", "number": "GĐK 388/BNG-ĐKHĐ",
         "issued_on": date(2024, 11, 5), "expires_on": date(2027, 11, 4),
         "provinces": "Đồng Tháp; Tây Ninh", "fields": "Bảo trợ xã hội"},
        {"partner": "srd", "kind": "project_office", "number": "GĐK-VPDA 96/BNG-ĐKHĐ",
         "issued_on": date(2025, 12, 1), "expires_on": date(2028, 11, 30),
         "provinces": "Đồng Tháp", "fields": "Môi trường; biến đổi khí hậu"},
        {"partner": "gmc", "kind": "operation_permit", "number": "GĐK 401/BNG-ĐKHĐ",
         "issued_on": date(2025, 3, 10), "expires_on": date(2028, 3, 9),
         "provinces": "Đồng Tháp; An Giang", "fields": "Phòng, chống thiên tai"},
        {"partner": "accn", "kind": "operation_permit", "number": "GĐK 455/BNG-ĐKHĐ",
         "issued_on": date(2026, 4, 20), "expires_on": date(2029, 4, 19),
         "provinces": "Đồng Tháp", "fields": "Nâng cao năng lực"},
    ]


CONTACTS = [
    # partner, name_native, name_latin, honorific, title, languages, email, protocol rank
    ("champasak", "ສຸພັນ ແກ້ວມະນີ", "Souphanh Keomany", "Ngài", "Tỉnh trưởng tỉnh Champasak", "Lào; Việt", "", 1),
    ("champasak", "ບຸນມີ ສີສຸວັນ", "Bounmy Sisouvanh", "Ông", "Giám đốc Sở Ngoại vụ tỉnh Champasak",
     "Lào; Anh", "", 10),
    ("prey-veng", "សុខ វណ្ណៈ", "Sok Vannak", "Ngài", "Tỉnh trưởng tỉnh Prey Veng", "Khmer; Anh", "", 1),
    ("prey-veng", "ជា សុភ័ក្ត្រ", "Chea Sopheak", "Bà", "Phó Tỉnh trưởng tỉnh Prey Veng", "Khmer", "", 5),
    ("banteay-meanchey", "ហេង ចាន់ថា", "Heng Chantha", "Ngài", "Tỉnh trưởng tỉnh Banteay Meanchey",
     "Khmer; Anh", "", 1),
    ("tlsq-lao", "ພອນໄຊ ວົງສາ", "Phonexay Vongsa", "Ngài", "Tổng Lãnh sự", "Lào; Việt; Anh", "", 1),
    ("tlsq-campuchia", "ម៉ៅ សុផល", "Mao Sophal", "Ngài", "Tổng Lãnh sự", "Khmer; Anh; Việt", "", 1),
    ("tlsq-phap", "", "Claire Martin", "Bà", "Tổng Lãnh sự", "Pháp; Anh", "", 1),
    ("tlsq-hoa-ky", "", "Daniel Brooks", "Ông", "Tổng Lãnh sự", "Anh", "", 1),
    ("tlsq-nhat", "佐藤 健一", "Sato Kenichi", "Ngài", "Tổng Lãnh sự", "Nhật; Anh", "", 1),
    ("tlsq-han", "김 민준", "Kim Min-jun", "Ngài", "Tổng Lãnh sự", "Hàn; Anh", "", 1),
    ("tlsq-trung-quoc", "王 立新", "Wang Lixin", "Ngài", "Tổng Lãnh sự", "Trung; Việt", "", 1),
    ("mcf", "", "Sarah Nguyen-Collins", "Bà", "Giám đốc quốc gia", "Anh; Việt", "sarah@mekongfund.example", 20),
    ("svd", "田中 美咲", "Tanaka Misaki", "Bà", "Trưởng đoàn bác sĩ", "Nhật; Anh", "", 20),
    ("esf-lyon", "", "Julien Moreau", "Ông", "Chủ tịch Hội", "Pháp; Anh", "", 20),
    ("kvhf", "박 서연", "Park Seo-yeon", "Bà", "Trưởng đại diện tại Việt Nam", "Hàn; Anh; Việt", "", 20),
    ("srd", "", "Lukas Becker", "Ông", "Điều phối viên dự án", "Đức; Anh", "", 20),
    ("gmc", "", "Emily Tremblay", "Bà", "Giám đốc chương trình", "Anh; Pháp", "", 20),
    ("accn", "", "Tan Wei Ming", "Ông", "Chuyên gia đào tạo", "Anh; Trung", "", 20),
]


def agreements(p: str, today: date) -> list[dict]:
    """International agreements of the province (Law 70/2020/QH14), from the real ones to one under consultation."""
    # The 2026 minutes were signed a few weeks before the run and are not yet reported: a late post-signing report.
    minutes_signed = today - timedelta(days=26)
    return [
        {"key": "champasak-2022", "kind": "mou", "number": "",
         "title": f"Bản ghi nhớ hợp tác giữa tỉnh {p} (Việt Nam) và tỉnh Champasak (Lào) giai đoạn 2022–2025",
         "status": "expiring", "vn_signatory": "ubnd-tinh", "vn_signer": "Nguyễn Văn A – Chủ tịch UBND tỉnh",
         "foreign_parties": ["champasak"], "foreign_signer": "Tỉnh trưởng tỉnh Champasak",
         "fields": "Chính trị; kinh tế; phát triển nguồn nhân lực; đối ngoại nhân dân; an sinh xã hội",
         "signed_on": date(2022, 8, 27), "signed_place": "", "effective_from": date(2022, 8, 27),
         "expires_on": date(2025, 12, 31), "ministry_opinion_requested_on": date(2022, 7, 25),
         "ministry_opinion_received_on": date(2022, 8, 3), "post_signing_report_sent_on": date(2022, 9, 8),
         "summary": "Hai bên mở rộng hợp tác về chính trị, kinh tế, phát triển nguồn nhân lực, đối ngoại nhân dân và "
                    "an sinh xã hội; đang chuẩn bị ký bản ghi nhớ giai đoạn tiếp theo."},
        {"key": "champasak-2026", "kind": "mou", "number": "",
         "title": f"Bản ghi nhớ hợp tác giữa tỉnh {p} (Việt Nam) và tỉnh Champasak (Lào) giai đoạn 2026–2030",
         "status": "consulting", "vn_signatory": "ubnd-tinh", "vn_signer": "",
         "foreign_parties": ["champasak"], "foreign_signer": "",
         "fields": "Chính trị; kinh tế, thương mại; giáo dục, đào tạo; y tế; đối ngoại nhân dân",
         "signed_on": None, "signed_place": "", "effective_from": None, "expires_on": None,
         "ministry_opinion_requested_on": today - timedelta(days=5), "ministry_opinion_received_on": None,
         "post_signing_report_sent_on": None,
         "summary": "Dự thảo đã gửi Bộ Ngoại giao xin ý kiến (hạn trả lời 7 ngày làm việc)."},
        {"key": "banteay-2011", "kind": "agreement", "number": "",
         "title": f"Thỏa thuận hợp tác giữa Ủy ban nhân dân tỉnh {p} và tỉnh Banteay Meanchey giai đoạn 2011–2015",
         "status": "renewed", "vn_signatory": "ubnd-tinh", "vn_signer": "Lê Văn C – Chủ tịch UBND tỉnh",
         "foreign_parties": ["banteay-meanchey"], "foreign_signer": "Tỉnh trưởng tỉnh Banteay Meanchey",
         "fields": "Thương mại, dịch vụ, du lịch; nông nghiệp; văn hóa – xã hội",
         # (illustrative day: the agreement was signed in 2011.)
         "signed_on": date(2011, 9, 20), "signed_place": "", "effective_from": date(2011, 9, 20),
         "expires_on": date(2015, 12, 31), "ministry_opinion_requested_on": None,
         "ministry_opinion_received_on": None, "post_signing_report_sent_on": None,
         "summary": "Thỏa thuận hợp tác đầu tiên giữa hai tỉnh; được tiếp nối bằng thỏa thuận giai đoạn 2016–2020."},
        {"key": "banteay-2016", "kind": "agreement", "number": "",
         "title": f"Thỏa thuận hợp tác giữa Ủy ban nhân dân tỉnh {p} và tỉnh Banteay Meanchey giai đoạn 2016–2020",
         "status": "terminated", "vn_signatory": "ubnd-tinh", "vn_signer": "Phạm Văn D – Phó Chủ tịch UBND tỉnh",
         "foreign_parties": ["banteay-meanchey"], "foreign_signer": "Tỉnh trưởng tỉnh Banteay Meanchey",
         "fields": "Thương mại, dịch vụ, du lịch; đầu tư nông nghiệp; trao đổi sinh viên và cán bộ",
         "signed_on": date(2015, 12, 21), "signed_place": f"Tỉnh {p}", "effective_from": date(2016, 1, 1),
         "expires_on": date(2020, 12, 31), "ministry_opinion_requested_on": None,
         "ministry_opinion_received_on": None, "post_signing_report_sent_on": date(2015, 12, 30),
         "summary": "Hết hiệu lực ngày 31/12/2020."},
        {"key": "prey-veng-mttq-2022", "kind": "mou", "number": "",
         "title": f"Bản ghi nhớ thỏa thuận hợp tác giữa Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {p} và Ủy ban Mặt trận "
                  "Đoàn kết phát triển Tổ quốc Campuchia tỉnh Prey Veng giai đoạn 2022–2025",
         "status": "expiring", "vn_signatory": "mttq", "vn_signer": "Hoàng Văn E – Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
         "foreign_parties": ["prey-veng"],
         "foreign_signer": "Chủ tịch Ủy ban Mặt trận Đoàn kết phát triển Tổ quốc Campuchia tỉnh Prey Veng",
         "fields": "Tuyên truyền, giáo dục nhân dân vùng biên giới; phòng, chống tội phạm; giao lưu thanh niên, phụ nữ",
         "signed_on": date(2022, 12, 20), "signed_place": "Thành phố Cao Lãnh", "effective_from": date(2022, 12, 20),
         "expires_on": date(2025, 12, 31), "ministry_opinion_requested_on": date(2022, 11, 21),
         "ministry_opinion_received_on": date(2022, 11, 30), "post_signing_report_sent_on": date(2022, 12, 29),
         "summary": "8 nội dung hợp tác; sơ kết 2 năm thực hiện vào tháng 12/2024."},
        {"key": "prey-veng-2026", "kind": "minutes", "number": "",
         "title": f"Biên bản hội đàm giữa Ủy ban nhân dân tỉnh {p} và Ban Hành chính tỉnh Prey Veng năm "
                  f"{minutes_signed.year}",
         "status": "in_force", "vn_signatory": "ubnd-tinh", "vn_signer": "Trần Văn B – Phó Chủ tịch UBND tỉnh",
         "foreign_parties": ["prey-veng"], "foreign_signer": "Phó Tỉnh trưởng tỉnh Prey Veng",
         "fields": "An ninh biên giới; quản lý mốc giới; thương mại qua biên giới; y tế",
         "signed_on": minutes_signed, "signed_place": "Tỉnh Prey Veng", "effective_from": minutes_signed,
         "expires_on": date(minutes_signed.year + 1, 12, 31), "ministry_opinion_requested_on": None,
         "ministry_opinion_received_on": None, "post_signing_report_sent_on": None,
         "summary": "Chưa gửi báo cáo Thủ tướng Chính phủ và Bộ Ngoại giao sau khi ký (quá hạn 15 ngày)."},
    ]


def associations(p: str) -> list[dict]:
    """The union and its member associations, each also an Agency of kind "association".

    Real facts from domain.md §7; chapter sizes and members of unknown terms are illustrative.
    """
    union_name = f"Liên hiệp các tổ chức hữu nghị tỉnh {p}"

    def officers(*rows):
        return [{"name": name, "role": role, "position": position} for name, role, position in rows]

    return [
        {"key": "union", "agency": "lhhn", "kind": "union", "name": union_name, "country": None,
         "founded_on": None, "terms": [{"number": 3, "start_year": 2019, "end_year": 2024, "congress_on": None,
                                        "executive_committee_size": 31}],
         "officers": officers(("Nguyễn Văn A", "president", "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"),
                              ("Trần Thị B", "standing_vice_president", "Phó Giám đốc Sở Ngoại vụ"),
                              ("Lê Văn C", "secretary_general", "Chuyên viên Liên hiệp")),
         "chapters": []},
        {"key": "lao", "agency": "hh-vn-lao", "kind": "association", "country": "LA",
         "name": f"Hội hữu nghị Việt Nam – Lào tỉnh {p}", "founded_on": date(1999, 8, 20),
         "terms": [{"number": 4, "start_year": 2022, "end_year": 2027, "congress_on": date(2022, 5, 10),
                    "executive_committee_size": 24}],
         "officers": officers(("Phạm Văn D", "president", "Nguyên Phó Chủ tịch UBND tỉnh"),
                              ("Huỳnh Thị E", "standing_vice_president", "Phó Giám đốc Sở Giáo dục và Đào tạo"),
                              ("Võ Văn G", "vice_president", "Hiệu trưởng Trường Cao đẳng Y tế"),
                              ("Đặng Thị H", "secretary_general", "Chuyên viên Sở Ngoại vụ")),
         "chapters": [("Chi hội Trường Cao đẳng Y tế", "Phường Cao Lãnh", 48),
                      ("Chi hội Trường Cao đẳng Cộng đồng", "Phường Cao Lãnh", 36),
                      ("Chi hội phường Sa Đéc", "Phường Sa Đéc", 41)]},
        {"key": "phap", "agency": "hh-vn-phap", "kind": "association", "country": "FR",
         "name": f"Hội hữu nghị Việt Nam – Pháp tỉnh {p}", "founded_on": date(1997, 6, 18),
         "terms": [{"number": 5, "start_year": 2018, "end_year": 2023, "congress_on": None,
                    "executive_committee_size": 22}],
         "officers": officers(("Bùi Văn K", "president", "Giám đốc Trường Đại học"),
                              ("Đỗ Thị L", "vice_president", "Giảng viên tiếng Pháp"),
                              ("Hồ Văn M", "secretary_general", "Chuyên viên Sở Ngoại vụ")),
         "chapters": [("Chi hội Trường Đại học", "Phường Cao Lãnh", 52),
                      ("Chi hội ngành Y tế", "Phường Cao Lãnh", 27)]},
        {"key": "nhat", "agency": "hh-vn-nhat", "kind": "association", "country": "JP",
         "name": f"Hội hữu nghị Việt Nam – Nhật Bản tỉnh {p}", "founded_on": date(1997, 6, 18),
         "terms": [{"number": 4, "start_year": 2019, "end_year": 2024, "congress_on": None,
                    "executive_committee_size": 21}],
         "officers": officers(("Ngô Văn N", "president", "Phó Giám đốc Sở Công Thương"),
                              ("Dương Thị P", "vice_president", "Giám đốc doanh nghiệp xuất khẩu nông sản"),
                              ("Lý Văn Q", "secretary_general", "Chuyên viên Sở Ngoại vụ")),
         "chapters": [("Chi hội doanh nghiệp", "Phường Sa Đéc", 33),
                      ("Chi hội tu nghiệp sinh trở về", "Phường Cao Lãnh", 45)]},
        {"key": "campuchia", "agency": "hh-vn-campuchia", "kind": "association", "country": "KH",
         "name": f"Hội hữu nghị Việt Nam – Campuchia tỉnh {p}", "founded_on": None,
         "terms": [{"number": 4, "start_year": 2013, "end_year": 2018, "congress_on": date(2013, 8, 16),
                    "executive_committee_size": 42}],
         "officers": officers(("Trương Văn R", "president", "Nguyên Chỉ huy trưởng Bộ đội Biên phòng tỉnh"),
                              ("Phan Thị S", "standing_vice_president", "Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh"),
                              ("Mai Văn T", "vice_president", "Phó Giám đốc Sở Y tế"),
                              ("Châu Thị U", "secretary_general", "Chuyên viên Liên hiệp")),
         "chapters": [("Chi hội phường Hồng Ngự", "Phường Hồng Ngự", 86),
                      ("Chi hội xã Tân Hồng", "Xã Tân Hồng", 74),
                      ("Chi hội xã Thường Phước", "Xã Thường Phước", 58),
                      ("Chi hội Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Phường Cao Lãnh", 40)]},
        {"key": "trung-quoc", "agency": "hh-vn-trung-quoc", "kind": "association", "country": "CN",
         "name": f"Hội hữu nghị Việt Nam – Trung Quốc tỉnh {p}", "founded_on": None,
         "terms": [{"number": 4, "start_year": 2022, "end_year": 2027, "congress_on": None,
                    "executive_committee_size": 19}],
         "officers": officers(("Tạ Văn V", "president", "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
                              ("Lâm Thị X", "secretary_general", "Chuyên viên Sở Ngoại vụ")),
         "chapters": [("Chi hội người Hoa phường Sa Đéc", "Phường Sa Đéc", 64)]},
        {"key": "cuba", "agency": "hh-vn-cuba", "kind": "association", "country": "CU",
         "name": f"Hội hữu nghị Việt Nam – Cu-ba tỉnh {p}", "founded_on": None,
         "terms": [{"number": 1, "start_year": 2020, "end_year": 2025, "congress_on": None,
                    "executive_committee_size": 15}],
         "officers": officers(("Cao Văn Y", "president", "Phó Giám đốc Sở Y tế"),
                              ("Nguyễn Thị Ánh", "secretary_general", "Chuyên viên Liên hiệp")),
         "chapters": [("Chi hội ngành Y tế", "Phường Cao Lãnh", 35)]},
    ]


def association_reports(p: str) -> list[dict]:
    """Reports of the associations; who submitted and reviewed them is resolved by username."""
    return [
        {"association": "lao", "year": 2025, "period": "year", "status": "accepted",
         "peace_friendship": "Phối hợp tổ chức kỷ niệm 63 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào và "
                             "48 năm Ngày ký Hiệp ước Hữu nghị và Hợp tác; thăm, chúc Tết Bunpimay tỉnh Champasak.",
         "ngo_work": "Vận động 02 khoản hỗ trợ học bổng cho lưu học sinh Lào.",
         "aid_items_count": 2, "aid_mobilised_vnd": 180000000, "aid_disbursed_vnd": 150000000,
         "external_information": "Đăng 12 tin, bài về quan hệ hữu nghị Việt Nam – Lào trên Báo và Phát thanh, "
                                 "Truyền hình tỉnh.",
         "overseas_vietnamese": "Thăm Hội người Việt Nam tỉnh Champasak.",
         "organisation_building": "Kiện toàn 01 chi hội sau sắp xếp đơn vị hành chính.",
         "chapters_count": 3, "members_count": 125, "new_members_count": 9,
         "coordination_emulation": "Hoàn thành tốt nhiệm vụ năm 2025.",
         "delegations_sent": 1, "delegations_received": 2,
         "delegations_notes": "Đoàn thăm, chúc Tết Bunpimay tỉnh Champasak (tháng 4/2025).",
         "difficulties": "Kinh phí hoạt động còn hạn chế.",
         "next_plans": "Kỷ niệm 64 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào.",
         "submitted_by": "assoc_laos", "submitted_at": (2026, 1, 12, 9, 30), "reviewed_by": "staff",
         "reviewed_at": (2026, 1, 19, 14, 0), "review_comment": "Báo cáo đầy đủ, đúng hạn."},
        {"association": "campuchia", "year": 2025, "period": "year", "status": "accepted",
         "peace_friendship": "Kỷ niệm 58 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Campuchia. Tính từ khi "
                             "thành lập, Hội đã phối hợp quy tập, hồi hương hài cốt 1.118 liệt sĩ quân tình nguyện "
                             "Việt Nam hy sinh tại Campuchia.",
         "ngo_work": "Vận động xây dựng trường tiểu học hữu nghị tại tỉnh Prey Veng trị giá trên 3 tỷ đồng "
                     "(lũy kế); khám bệnh, cấp thuốc miễn phí cho 4.500 lượt người dân tỉnh Prey Veng (lũy kế).",
         "aid_items_count": 3, "aid_mobilised_vnd": 650000000, "aid_disbursed_vnd": 600000000,
         "external_information": "Tuyên truyền về quan hệ láng giềng hữu nghị cho nhân dân vùng biên giới.",
         "overseas_vietnamese": "Phối hợp hỗ trợ bà con gốc Việt tại tỉnh Prey Veng.",
         "organisation_building": "Thành lập mới 01 chi hội tại xã biên giới.",
         "chapters_count": 4, "members_count": 258, "new_members_count": 21,
         "coordination_emulation": "Được Liên hiệp tặng Giấy khen.",
         "delegations_sent": 2, "delegations_received": 1,
         "delegations_notes": "Khám bệnh, cấp thuốc miễn phí tại tỉnh Prey Veng (tháng 10/2025).",
         "difficulties": "", "next_plans": "Phát triển hội viên tại các xã biên giới.",
         "submitted_by": "assoc_cambodia", "submitted_at": (2026, 1, 14, 10, 0), "reviewed_by": "staff",
         "reviewed_at": (2026, 1, 20, 9, 0), "review_comment": ""},
        {"association": "phap", "year": 2025, "period": "year", "status": "accepted",
         "peace_friendship": "Tổ chức kỷ niệm 236 năm Quốc khánh Cộng hòa Pháp.",
         "chapters_count": 2, "members_count": 79, "new_members_count": 3,
         "submitted_by": None, "submitted_at": (2026, 1, 15, 8, 0), "reviewed_by": "staff",
         "reviewed_at": (2026, 1, 21, 10, 0), "review_comment": ""},
        {"association": "lao", "year": 2026, "period": "half_year", "status": "submitted",
         "peace_friendship": "Thăm, chúc Tết Bunpimay tỉnh Champasak; chuẩn bị kỷ niệm 64 năm Ngày thiết lập quan "
                             "hệ ngoại giao Việt Nam – Lào.",
         "ngo_work": "Chưa phát sinh.",
         "chapters_count": 3, "members_count": 125, "new_members_count": 0,
         "delegations_sent": 1, "delegations_received": 0,
         "next_plans": "Tổ chức gặp mặt lưu học sinh Lào nhân dịp Quốc khánh Lào 02/12.",
         "submitted_by": "assoc_laos", "submitted_at": (2026, 7, 8, 16, 0), "reviewed_by": None,
         "reviewed_at": None, "review_comment": ""},
        {"association": "campuchia", "year": 2026, "period": "half_year", "status": "returned",
         "peace_friendship": "Kỷ niệm 59 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Campuchia.",
         "ngo_work": "Vận động 01 khoản hỗ trợ nhà tình thương.",
         "aid_items_count": 1, "aid_mobilised_vnd": 250000000, "aid_disbursed_vnd": 0,
         "chapters_count": 4, "members_count": 258, "new_members_count": 6,
         "submitted_by": "assoc_cambodia", "submitted_at": (2026, 7, 10, 9, 0), "reviewed_by": "staff",
         "reviewed_at": (2026, 7, 15, 15, 0),
         "review_comment": "Đề nghị bổ sung số liệu giải ngân viện trợ và danh sách đoàn ra, đoàn vào."},
        {"association": "nhat", "year": 2026, "period": "half_year", "status": "draft",
         "peace_friendship": "Giao lưu với tu nghiệp sinh trở về từ Nhật Bản.",
         "chapters_count": 2, "members_count": 78, "new_members_count": 4,
         "submitted_by": None, "submitted_at": None, "reviewed_by": None, "reviewed_at": None,
         "review_comment": ""},
    ]


# Per-year dates of the new years that do not follow a fixed day.
BUNPIMAY_DATES = {2025: (date(2025, 4, 14), date(2025, 4, 16)), 2026: (date(2026, 4, 14), date(2026, 4, 16)),
                  2027: (date(2027, 4, 14), date(2027, 4, 16))}
CHOL_CHNAM_THMEY_DATES = {2025: (date(2025, 4, 14), date(2025, 4, 16)), 2026: (date(2026, 4, 14), date(2026, 4, 16)),
                          2027: (date(2027, 4, 14), date(2027, 4, 16))}


def extra_occasions(p: str) -> list[dict]:
    """Occasions beyond each country's national day and relations anniversary (those are built from COUNTRIES)."""
    return [
        {"kind": "other", "title": "Ngày ký Hiệp ước Hữu nghị và Hợp tác Việt Nam – Lào", "date_rule": "fixed",
         "month": 7, "day": 18, "base_year": 1977, "country": "LA"},
        {"kind": "traditional", "title": "Ngày truyền thống Liên hiệp các tổ chức hữu nghị Việt Nam",
         "date_rule": "fixed", "month": 11, "day": 17, "base_year": 1950},
        {"kind": "new_year", "title": "Tết Bunpimay (Tết cổ truyền Lào)", "date_rule": "per_year",
         "country": "LA", "dates": BUNPIMAY_DATES,
         "notes": "Thăm, chúc Tết tỉnh bạn từ ngày 01 đến 10/4."},
        {"kind": "new_year", "title": "Tết Chol Chnam Thmey (Tết cổ truyền Campuchia)", "date_rule": "per_year",
         "country": "KH", "dates": CHOL_CHNAM_THMEY_DATES,
         "notes": "Thăm, chúc Tết tỉnh bạn từ ngày 01 đến 10/4."},
        {"kind": "new_year", "title": "Tết Nguyên đán", "date_rule": "lunar", "month": 1, "day": 1,
         "notes": "Gửi thư chúc Tết các tỉnh bạn, cơ quan đại diện và tổ chức phi chính phủ nước ngoài; gặp mặt "
                  "kiều bào về quê đón Tết."},
        {"kind": "agreement", "title": f"Kỷ niệm ngày ký Bản ghi nhớ hợp tác {p} – Champasak",
         "date_rule": "fixed", "month": 8, "day": 27, "base_year": 2022, "country": "LA", "partner": "champasak",
         "agreement": "champasak-2022"},
        {"kind": "agreement", "title": f"Kỷ niệm ngày ký Thỏa thuận hợp tác {p} – Banteay Meanchey",
         "date_rule": "fixed", "month": 12, "day": 21, "base_year": 2015, "country": "KH",
         "partner": "banteay-meanchey", "agreement": "banteay-2016"},
        {"kind": "agreement", "title": f"Kỷ niệm ngày ký Bản ghi nhớ hợp tác Mặt trận {p} – Prey Veng",
         "date_rule": "fixed", "month": 12, "day": 20, "base_year": 2022, "country": "KH", "partner": "prey-veng",
         "agreement": "prey-veng-mttq-2022"},
    ]


def greetings(p: str) -> list[dict]:
    """Greetings; `when` is "next" (the coming occurrence) or "last" (the latest one not after the run date).

    For sent greetings `sent_days_before` gives the sending date relative to the occasion; a lunar occasion
    gives its `year` and `sent_on` instead. "{n}" in the text is the anniversary number.
    """
    return [
        {"occasion": "Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào", "when": "next", "form": "letter",
         "status": "approved", "signer": "Nguyễn Văn A – Chủ tịch UBND tỉnh",
         "recipient": "Tỉnh trưởng tỉnh Champasak", "contact": ("champasak", "Souphanh Keomany"),
         "body": "Nhân dịp kỷ niệm {n} năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào, thay mặt lãnh đạo và "
                 f"nhân dân tỉnh {p}, xin gửi tới Ngài Tỉnh trưởng và nhân dân các bộ tộc tỉnh Champasak lời chúc "
                 "mừng nhiệt liệt nhất."},
        {"occasion": "Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào", "when": "next", "form": "flowers",
         "status": "draft", "signer": "", "recipient": "Tổng Lãnh sự quán Lào tại Thành phố Hồ Chí Minh",
         "contact": ("tlsq-lao", "Phonexay Vongsa"), "body": ""},
        {"occasion": "Ngày thiết lập quan hệ ngoại giao Việt Nam – Cu-ba", "when": "next", "form": "letter",
         "status": "draft", "signer": "", "recipient": "Đại sứ quán Cộng hòa Cu-ba tại Việt Nam", "contact": None,
         "body": ""},
        {"occasion": "Ngày Chiến thắng của Cách mạng Cu-ba (Quốc khánh)", "when": "next", "form": "letter",
         "status": "draft", "signer": "", "recipient": "Đại sứ quán Cộng hòa Cu-ba tại Việt Nam", "contact": None,
         "body": ""},
        {"occasion": "Ngày sinh Nhà vua Nhật Bản (Quốc khánh Nhật Bản)", "when": "next", "form": "letter",
         "status": "draft", "signer": "", "recipient": "Tổng Lãnh sự quán Nhật Bản tại Thành phố Hồ Chí Minh",
         "contact": ("tlsq-nhat", "Sato Kenichi"), "body": ""},
        {"occasion": "Quốc khánh Vương quốc Campuchia", "when": "last", "form": "letter", "status": "sent",
         "signer": "Nguyễn Văn A – Chủ tịch UBND tỉnh", "recipient": "Tỉnh trưởng tỉnh Prey Veng",
         "contact": ("prey-veng", "Sok Vannak"), "document_number": "763/SNgV-HTQT", "sent_days_before": 1,
         "body": "Nhân dịp kỷ niệm {n} năm Quốc khánh Vương quốc Campuchia, xin gửi tới Ngài Tỉnh trưởng và nhân dân "
                 "tỉnh Prey Veng lời chúc mừng tốt đẹp nhất."},
        {"occasion": "Quốc khánh Vương quốc Campuchia", "when": "last", "form": "visit", "status": "sent",
         "signer": "Trần Văn B – Phó Chủ tịch UBND tỉnh",
         "recipient": "Tổng Lãnh sự quán Campuchia tại Thành phố Hồ Chí Minh",
         "contact": ("tlsq-campuchia", "Mao Sophal"), "document_number": "", "sent_days_before": 4, "body": ""},
        {"occasion": "Quốc khánh nước Cộng hòa Nhân dân Trung Hoa", "when": "last", "form": "letter",
         "status": "sent", "signer": "Nguyễn Văn A – Chủ tịch UBND tỉnh",
         "recipient": "Tổng Lãnh sự quán Trung Quốc tại Thành phố Hồ Chí Minh",
         "contact": ("tlsq-trung-quoc", "Wang Lixin"), "document_number": "689/SNgV-HTQT", "sent_days_before": 1,
         "body": "Nhân dịp kỷ niệm {n} năm Quốc khánh nước Cộng hòa Nhân dân Trung Hoa, xin gửi tới Ngài Tổng Lãnh "
                 "sự lời chúc mừng trân trọng."},
        {"occasion": "Ngày Độc lập Hoa Kỳ", "when": "last", "form": "letter", "status": "sent",
         "signer": "Lê Văn Hòa – Giám đốc Sở Ngoại vụ",
         "recipient": "Tổng Lãnh sự quán Hoa Kỳ tại Thành phố Hồ Chí Minh", "contact": ("tlsq-hoa-ky", "Daniel Brooks"),
         "document_number": "512/SNgV-HTQT", "sent_days_before": 1, "body": ""},
        {"occasion": "Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào", "when": "last", "form": "letter",
         "status": "sent", "signer": "Nguyễn Văn A – Chủ tịch UBND tỉnh", "recipient": "Tỉnh trưởng tỉnh Champasak",
         "contact": ("champasak", "Souphanh Keomany"), "document_number": "640/SNgV-HTQT", "sent_days_before": 1,
         "body": ""},
        {"occasion": "Tết Nguyên đán", "year": 2026, "sent_on": date(2026, 2, 10), "form": "letter",
         "status": "sent", "signer": "Nguyễn Văn A – Chủ tịch UBND tỉnh", "recipient": "Tỉnh trưởng tỉnh Champasak",
         "contact": ("champasak", "Souphanh Keomany"), "document_number": "58/SNgV-HTQT",
         "body": "Nhân dịp Tết Nguyên đán Bính Ngọ 2026, thay mặt lãnh đạo và nhân dân tỉnh, xin gửi tới Ngài Tỉnh "
                 "trưởng lời chúc sức khỏe, hạnh phúc."},
        {"occasion": "Tết Bunpimay (Tết cổ truyền Lào)", "when": "last", "form": "visit", "status": "sent",
         "signer": "", "recipient": "Lãnh đạo tỉnh Champasak", "contact": ("champasak", "Souphanh Keomany"),
         "document_number": "", "sent_days_before": 7, "body": ""},
        {"occasion": "Tết Chol Chnam Thmey (Tết cổ truyền Campuchia)", "when": "last", "form": "visit",
         "status": "sent", "signer": "", "recipient": "Lãnh đạo tỉnh Prey Veng", "contact": ("prey-veng", "Sok Vannak"),
         "document_number": "", "sent_days_before": 10, "body": ""},
    ]
