"""Reference data: countries, administrative units, domestic agencies, guiding documents and aid sectors."""

from __future__ import annotations

from datetime import date

# code, name_vi, name_en, relations established, national day (day, month, origin year) or None,
# national day name, partnership level, notes.
COUNTRIES = [
    ("CN", "Trung Quốc", "China", date(1950, 1, 18), (1, 10, 1949),
     "Quốc khánh nước Cộng hòa Nhân dân Trung Hoa", "comprehensive_strategic",
     "Đối tác hợp tác chiến lược toàn diện (2008)."),
    ("RU", "Liên bang Nga", "Russian Federation", date(1950, 1, 30), (12, 6, 1990),
     "Ngày nước Nga", "comprehensive_strategic",
     "Đối tác chiến lược toàn diện (2012)."),
    ("LA", "Lào", "Lao People's Democratic Republic", date(1962, 9, 5), (2, 12, 1975),
     "Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào", "special",
     "Quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt và hợp tác toàn diện. "
     "Hiệp ước Hữu nghị và Hợp tác Việt Nam – Lào ký ngày 18/07/1977."),
    ("KH", "Campuchia", "Kingdom of Cambodia", date(1967, 6, 24), (9, 11, 1953),
     "Quốc khánh Vương quốc Campuchia", "",
     "Phương châm quan hệ: láng giềng tốt đẹp, hữu nghị truyền thống, hợp tác toàn diện, bền vững lâu dài."),
    ("JP", "Nhật Bản", "Japan", date(1973, 9, 21), (23, 2, 1960),
     "Ngày sinh Nhà vua Nhật Bản (Quốc khánh Nhật Bản)", "comprehensive_strategic",
     "Đối tác chiến lược toàn diện vì hòa bình và thịnh vượng tại châu Á và trên thế giới (2023)."),
    ("FR", "Pháp", "France", date(1973, 4, 12), (14, 7, 1789),
     "Quốc khánh nước Cộng hòa Pháp", "comprehensive_strategic",
     "Đối tác chiến lược toàn diện (2024)."),
    ("DE", "Đức", "Germany", date(1975, 9, 23), (3, 10, 1990),
     "Ngày Thống nhất nước Đức", "strategic",
     "Đối tác chiến lược (2011)."),
    ("TH", "Thái Lan", "Thailand", date(1976, 8, 6), (5, 12, None),
     "Quốc khánh Vương quốc Thái Lan", "comprehensive_strategic",
     "Đối tác chiến lược toàn diện (2025)."),
    ("KR", "Hàn Quốc", "Republic of Korea", date(1992, 12, 22), (15, 8, 1945),
     "Ngày Giải phóng (Quốc khánh) Hàn Quốc", "comprehensive_strategic",
     "Đối tác chiến lược toàn diện (2022). Thư, điện chúc mừng gửi nhân ngày 15/8."),
    ("US", "Hoa Kỳ", "United States of America", date(1995, 7, 12), (4, 7, 1776),
     "Ngày Độc lập Hoa Kỳ", "comprehensive_strategic",
     "Đối tác chiến lược toàn diện vì hòa bình, hợp tác và phát triển bền vững (2023)."),
    ("AU", "Ô-xtrây-li-a", "Australia", date(1973, 2, 26), (26, 1, 1788),
     "Quốc khánh Ô-xtrây-li-a", "comprehensive_strategic",
     "Đối tác chiến lược toàn diện (2024)."),
    ("IT", "I-ta-li-a", "Italy", date(1973, 3, 23), (2, 6, 1946),
     "Ngày Cộng hòa I-ta-li-a", "strategic",
     "Đối tác chiến lược (2013)."),
    ("CA", "Ca-na-đa", "Canada", date(1973, 8, 21), (1, 7, 1867),
     "Quốc khánh Ca-na-đa", "comprehensive",
     "Đối tác toàn diện (2017)."),
    ("CU", "Cu-ba", "Cuba", date(1960, 12, 2), (1, 1, 1959),
     "Ngày Chiến thắng của Cách mạng Cu-ba (Quốc khánh)", "",
     "Quan hệ đoàn kết đặc biệt, hữu nghị truyền thống."),
    ("IN", "Ấn Độ", "India", date(1972, 1, 7), (26, 1, 1950),
     "Ngày Cộng hòa Ấn Độ", "comprehensive_strategic",
     "Đối tác chiến lược toàn diện (2016)."),
    ("SG", "Xinh-ga-po", "Singapore", date(1973, 8, 1), (9, 8, 1965),
     "Quốc khánh Xinh-ga-po", "comprehensive_strategic",
     "Đối tác chiến lược toàn diện (2025)."),
    ("GB", "Vương quốc Anh", "United Kingdom", date(1973, 9, 11), None,
     "", "strategic",
     "Đối tác chiến lược (2010). Không có ngày quốc khánh cố định: chúc mừng nhân Ngày sinh chính thức "
     "của Nhà vua (tháng 6, thay đổi theo năm)."),
]

# The districts were abolished on 1 July 2025; older records keep them, newer ones use the communes and wards.
DISTRICTS_END = date(2025, 6, 30)
COMMUNES_START = date(2025, 7, 1)
OLD_DISTRICTS = [
    "Huyện Tân Hồng", "Huyện Hồng Ngự", "Huyện Tam Nông", "Huyện Tháp Mười", "Huyện Lấp Vò",
    "Thành phố Cao Lãnh", "Thành phố Sa Đéc", "Thành phố Hồng Ngự",
]
NEW_COMMUNES = [
    "Phường Cao Lãnh", "Phường Sa Đéc", "Phường Hồng Ngự",
    "Xã Tân Hồng", "Xã Thường Phước", "Xã Tràm Chim", "Xã Tháp Mười",
]


def agencies(p: str) -> list[dict]:
    """Domestic agencies of province `p` (the friendship associations are added with the associations)."""
    def agency(code, name, short_name="", kind="department", parent=None):
        return {"code": code, "name": name, "short_name": short_name, "kind": kind, "parent": parent}

    return [
        agency("ubnd-tinh", f"Ủy ban nhân dân tỉnh {p}", "UBND tỉnh", "peoples_committee"),
        agency("vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh", "department", "ubnd-tinh"),
        agency("vp-tinh-uy", f"Văn phòng Tỉnh ủy {p}", "VP Tỉnh ủy", "party_body"),
        agency("ban-tgdv", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban TG&DV", "party_body"),
        agency("so-ngoai-vu", "Sở Ngoại vụ", "SNgV", "department", "ubnd-tinh"),
        agency("so-tai-chinh", "Sở Tài chính", "STC", "department", "ubnd-tinh"),
        agency("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "department", "ubnd-tinh"),
        agency("so-noi-vu", "Sở Nội vụ", "SNV", "department", "ubnd-tinh"),
        agency("so-gddt", "Sở Giáo dục và Đào tạo", "SGDĐT", "department", "ubnd-tinh"),
        agency("so-y-te", "Sở Y tế", "SYT", "department", "ubnd-tinh"),
        agency("so-nnmt", "Sở Nông nghiệp và Môi trường", "SNNMT", "department", "ubnd-tinh"),
        agency("so-cong-thuong", "Sở Công Thương", "SCT", "department", "ubnd-tinh"),
        agency("so-tu-phap", "Sở Tư pháp", "STP", "department", "ubnd-tinh"),
        agency("so-khcn", "Sở Khoa học và Công nghệ", "SKHCN", "department", "ubnd-tinh"),
        agency("cong-an-tinh", "Công an tỉnh", "CA tỉnh", "other"),
        agency("bo-chqs", "Bộ Chỉ huy Quân sự tỉnh", "BCHQS tỉnh", "other"),
        agency("bdbp", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BĐBP tỉnh", "other"),
        agency("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UBMTTQ tỉnh", "fatherland_front"),
        agency("tinh-doan", "Tỉnh Đoàn", "Tỉnh Đoàn", "fatherland_front", "mttq"),
        agency("hoi-lhpn", "Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN tỉnh", "fatherland_front", "mttq"),
        agency("lhhn", f"Liên hiệp các tổ chức hữu nghị tỉnh {p}", "LHHN tỉnh", "friendship_union", "mttq"),
        agency("cd-y-te", f"Trường Cao đẳng Y tế {p}", "CĐ Y tế", "other", "so-y-te"),
        agency("cd-cong-dong", f"Trường Cao đẳng Cộng đồng {p}", "CĐ Cộng đồng", "other"),
        agency("dh-tinh", f"Trường Đại học {p}", "ĐH tỉnh", "other"),
        agency("bao-ptth", f"Báo và Phát thanh, Truyền hình {p}", "Báo và PT-TH", "other"),
        agency("ubnd-p-cao-lanh", "Ủy ban nhân dân phường Cao Lãnh", "UBND P. Cao Lãnh", "commune", "ubnd-tinh"),
        agency("ubnd-p-sa-dec", "Ủy ban nhân dân phường Sa Đéc", "UBND P. Sa Đéc", "commune", "ubnd-tinh"),
        agency("ubnd-p-hong-ngu", "Ủy ban nhân dân phường Hồng Ngự", "UBND P. Hồng Ngự", "commune", "ubnd-tinh"),
        agency("ubnd-x-tan-hong", "Ủy ban nhân dân xã Tân Hồng", "UBND xã Tân Hồng", "commune", "ubnd-tinh"),
        agency("ubnd-x-thuong-phuoc", "Ủy ban nhân dân xã Thường Phước", "UBND xã Thường Phước", "commune",
               "ubnd-tinh"),
        agency("ubnd-x-tram-chim", "Ủy ban nhân dân xã Tràm Chim", "UBND xã Tràm Chim", "commune", "ubnd-tinh"),
    ]


def directives(p: str) -> list[dict]:
    """The cascade of guiding documents, parents before the documents that implement them."""
    def doc(key, code, kind, issuer, issued_on, title, summary="", parent=None, superseded_by=None):
        return {"key": key, "code": code, "kind": kind, "issuer": issuer, "issued_on": issued_on, "title": title,
                "summary": summary, "parent": parent, "superseded_by": superseded_by}

    return [
        doc("36-NQ", "36-NQ/TW", "NQ", "Bộ Chính trị", date(2004, 3, 26),
            "Về công tác đối với người Việt Nam ở nước ngoài",
            "Người Việt Nam ở nước ngoài là bộ phận không tách rời và là nguồn lực của cộng đồng dân tộc Việt Nam."),
        doc("45-CT", "45-CT/TW", "CT", "Ban Bí thư", date(2015, 5, 19),
            "Về tiếp tục đẩy mạnh thực hiện Nghị quyết số 36-NQ/TW của Bộ Chính trị khóa IX về công tác đối với "
            "người Việt Nam ở nước ngoài trong tình hình mới", parent="36-NQ"),
        doc("12-KL", "12-KL/TW", "KL", "Bộ Chính trị", date(2021, 8, 12),
            "Về công tác người Việt Nam ở nước ngoài trong tình hình mới", parent="36-NQ"),
        doc("272-QĐ", "272-QĐ/TW", "QĐ", "Bộ Chính trị", date(2015, 1, 21),
            "Ban hành Quy chế quản lý thống nhất các hoạt động đối ngoại",
            "Quản lý thống nhất hoạt động đối ngoại của các cơ quan Đảng, Nhà nước, Mặt trận và đoàn thể."),
        # (illustrative title: the excerpt of 38-CT/TW is paraphrased.)
        doc("38-CT", "38-CT/TW", "CT", "Ban Bí thư", date(2014, 7, 21),
            "Về nâng cao hiệu quả công tác quản lý đoàn ra",
            "Đoàn ra phải có mục đích rõ ràng, thiết thực; hạn chế số lượng thành viên và thời gian."),
        doc("28-CT", "28-CT/TW", "CT", "Ban Bí thư", date(2008, 12, 2),
            "Về tiếp tục đổi mới và nâng cao hiệu quả hoạt động của Liên hiệp các tổ chức hữu nghị Việt Nam"),
        doc("12-CT", "12-CT/TW", "CT", "Ban Bí thư", date(2022, 1, 5),
            "Về tăng cường sự lãnh đạo của Đảng, nâng cao hiệu quả đối ngoại nhân dân trong tình hình mới",
            "Thay thế Chỉ thị số 04-CT/TW ngày 06/07/2011 của Ban Bí thư khóa XI."),
        doc("04-CT", "04-CT/TW", "CT", "Ban Bí thư", date(2011, 7, 6),
            "Về tiếp tục đổi mới và nâng cao hiệu quả công tác đối ngoại nhân dân trong tình hình mới",
            superseded_by="12-CT"),
        # Dates of the two provincial documents are illustrative.
        doc("120-KH", "120-KH/TU", "KH", f"Tỉnh ủy {p}", date(2022, 3, 28),
            "Kế hoạch thực hiện Chỉ thị số 12-CT/TW ngày 05/01/2022 của Ban Bí thư về tăng cường sự lãnh đạo của "
            "Đảng, nâng cao hiệu quả đối ngoại nhân dân trong tình hình mới",
            parent="12-CT"),
        doc("716-KH", "716/KH-UBND", "KH", f"Ủy ban nhân dân tỉnh {p}", date(2022, 6, 10),
            "Kế hoạch triển khai thực hiện Kế hoạch số 120-KH/TU của Tỉnh ủy về đối ngoại nhân dân",
            "Giao nhiệm vụ cụ thể cho các sở, ban, ngành, địa phương; hằng năm xây dựng kế hoạch công tác đối ngoại "
            "nhân dân.",
            parent="120-KH"),
    ]


SECTORS = [
    ("nong-nghiep", "Nông nghiệp và phát triển nông thôn"),
    ("giam-ngheo", "Xóa đói, giảm nghèo"),
    ("y-te", "Y tế"),
    ("giao-duc", "Giáo dục và đào tạo"),
    ("bao-tro-xa-hoi", "Bảo trợ xã hội"),
    ("moi-truong", "Môi trường và biến đổi khí hậu"),
    ("thien-tai", "Phòng, chống và khắc phục hậu quả thiên tai"),
    ("nang-luc", "Nâng cao năng lực"),
    ("nuoc-sach", "Nước sạch và vệ sinh môi trường"),
]
