"""Words and phrases the scale data is assembled from: Vietnamese as staff write it, foreign names as partners spell them."""

from __future__ import annotations

# Countries the demo does not have: ISO code, Vietnamese name, English name, year of diplomatic relations (None:
# a territory, no relations of its own).
EXTRA_COUNTRIES = [
    ("MM", "Mi-an-ma", "Myanmar", 1975), ("MY", "Ma-lai-xi-a", "Malaysia", 1973),
    ("ID", "In-đô-nê-xi-a", "Indonesia", 1955), ("PH", "Phi-líp-pin", "Philippines", 1976),
    ("BN", "Bru-nây", "Brunei", 1992), ("TL", "Đông Ti-mo", "Timor-Leste", 2002),
    ("MN", "Mông Cổ", "Mongolia", 1954), ("NZ", "Niu Di-lân", "New Zealand", 1975),
    ("NL", "Hà Lan", "Netherlands", 1973), ("BE", "Bỉ", "Belgium", 1973), ("CH", "Thụy Sĩ", "Switzerland", 1971),
    ("SE", "Thụy Điển", "Sweden", 1969), ("NO", "Na Uy", "Norway", 1971), ("DK", "Đan Mạch", "Denmark", 1971),
    ("FI", "Phần Lan", "Finland", 1973), ("AT", "Áo", "Austria", 1972), ("ES", "Tây Ban Nha", "Spain", 1977),
    ("PT", "Bồ Đào Nha", "Portugal", 1975), ("PL", "Ba Lan", "Poland", 1950), ("CZ", "Séc", "Czechia", 1950),
    ("HU", "Hung-ga-ri", "Hungary", 1950), ("BG", "Bun-ga-ri", "Bulgaria", 1950),
    ("IE", "Ai-len", "Ireland", 1996), ("IL", "I-xra-en", "Israel", 1993),
    ("AE", "Các Tiểu vương quốc Ả-rập Thống nhất", "United Arab Emirates", 1993),
    ("BR", "Bra-xin", "Brazil", 1989), ("AR", "Ác-hen-ti-na", "Argentina", 1973), ("MX", "Mê-hi-cô", "Mexico", 1975),
    ("ZA", "Nam Phi", "South Africa", 1993), ("EG", "Ai Cập", "Egypt", 1963),
    ("TW", "Đài Loan (Trung Quốc)", "Taiwan (China)", None), ("HK", "Hồng Công (Trung Quốc)", "Hong Kong (China)", None),
    ("BD", "Băng-la-đét", "Bangladesh", 1973),
]
# Communes and wards of the province (after the 2025 reform), where activities and aid happen.
COMMUNES = [
    "xã Tân Hồng", "xã Thường Phước", "xã Tràm Chim", "xã Tháp Mười", "phường Cao Lãnh", "phường Sa Đéc",
    "phường Hồng Ngự", "xã Lấp Vò", "xã Lai Vung", "xã Châu Thành", "xã Thanh Bình", "xã Tam Nông", "xã An Long",
    "xã Phú Thọ", "xã Mỹ Hiệp", "xã Tân Thành", "xã Bình Thành", "xã Mỹ An", "xã Phong Hòa", "xã Tân Dương",
    "xã Long Khánh", "xã Phú Hựu", "xã Tân Phú Đông", "xã An Hòa", "xã Mỹ Thọ", "xã Định An", "xã Hòa Long",
    "xã Tân Khánh Trung", "xã Bình Hàng Trung", "xã Thanh Mỹ",
]

# How often partners come from each country (others: 1). Neighbours and the big donors weigh most.
COUNTRY_WEIGHTS = {
    "LA": 14, "KH": 16, "JP": 10, "KR": 10, "CN": 6, "TH": 6, "US": 8, "FR": 6, "DE": 5, "AU": 5, "SG": 4,
    "GB": 4, "CA": 3, "NL": 3, "TW": 3, "IT": 2, "RU": 2, "IN": 2, "CU": 1, "MY": 2, "CH": 2, "SE": 2, "NZ": 2,
}

# Localities of partner countries that twin with Vietnamese provinces.
LOCALITIES = {
    "LA": ["Champasak", "Salavan", "Houaphanh", "Attapeu", "Sekong", "Savannakhet", "Khammouane",
           "Bolikhamxay", "Xiengkhouang", "Luang Prabang", "Oudomxay", "Vientiane"],
    "KH": ["Prey Veng", "Banteay Meanchey", "Takeo", "Kandal", "Svay Rieng", "Kampot", "Kratie", "Siem Reap",
           "Battambang", "Kampong Cham", "Tbong Khmum", "Pursat"],
    "JP": ["Okayama", "Kanagawa", "Fukuoka", "Nagasaki", "Kumamoto", "Shizuoka", "Niigata", "Hiroshima", "Oita"],
    "KR": ["Gyeonggi", "Gangwon", "Chungcheongbuk", "Jeollanam", "Gyeongsangbuk", "Jeju", "Busan", "Daegu"],
    "CN": ["Quảng Tây", "Vân Nam", "Quảng Đông", "Hải Nam", "Tứ Xuyên", "Phúc Kiến"],
    "TH": ["Ubon Ratchathani", "Nakhon Phanom", "Udon Thani", "Khon Kaen", "Sakon Nakhon", "Mukdahan"],
    "FR": ["Val-de-Marne", "Seine-Saint-Denis", "Essonne", "Haute-Garonne", "Gironde"],
    "US": ["Oregon", "Washington", "Massachusetts", "Minnesota", "California"],
}

CITIES = [
    "Paris", "Lyon", "Berlin", "Hamburg", "Munich", "Osaka", "Tokyo", "Seoul", "Incheon", "Sydney", "Melbourne",
    "Toronto", "Montreal", "Singapore", "Bangkok", "Vientiane", "Phnom Penh", "Amsterdam", "Brussels", "Geneva",
    "Stockholm", "Oslo", "Copenhagen", "Vienna", "Madrid", "Warsaw", "Prague", "Boston", "Seattle", "Houston",
    "San Jose", "London", "Manchester", "Taipei", "Kaohsiung", "Kuala Lumpur", "Manila", "Auckland",
]

# NGO and foundation names: (English, Vietnamese) parts, combined "qualifier kind for cause".
NGO_QUALIFIERS = [
    ("Mekong", "Mê Kông"), ("Global", "Toàn cầu"), ("International", "Quốc tế"), ("Pacific", "Thái Bình Dương"),
    ("Bright Future", "Tương lai Tươi sáng"), ("Hope", "Hy vọng"), ("Bridge", "Nhịp cầu"), ("Green", "Xanh"),
    ("Sunrise", "Bình minh"), ("Helping Hands", "Bàn tay Giúp đỡ"), ("Friendship", "Hữu nghị"),
    ("Compassion", "Nhân ái"), ("Lotus", "Hoa Sen"), ("River", "Dòng sông"), ("Harmony", "Hòa hợp"),
]
NGO_KINDS = [
    ("Foundation", "Quỹ"), ("Alliance", "Liên minh"), ("Network", "Mạng lưới"), ("Mission", "Tổ chức"),
    ("Initiative", "Sáng kiến"), ("Relief", "Tổ chức Cứu trợ"), ("Association", "Hiệp hội"), ("Trust", "Quỹ Tín thác"),
]
NGO_CAUSES = [
    ("Children", "Trẻ em"), ("Education", "Giáo dục"), ("Health", "Sức khỏe"), ("Clean Water", "Nước sạch"),
    ("Rural Development", "Phát triển Nông thôn"), ("People with Disabilities", "Người khuyết tật"),
    ("Women", "Phụ nữ"), ("the Environment", "Môi trường"), ("Communities", "Cộng đồng"), ("Vietnam", "Việt Nam"),
    ("Orphans", "Trẻ mồ côi"), ("Sight", "Ánh sáng"),
]
ENTERPRISE_STEMS = [
    "Sakura", "Hanil", "Mekong Agri", "Lotus Trading", "Pacific Seafood", "Asia Rice", "Delta Fruit", "Kyoei",
    "Daewon", "Blue Ocean", "Sunshine Logistics", "Golden Grain", "Riverside Foods", "Orient Textile", "Nova Green",
]
UNIVERSITY_KINDS = [("University of", "Trường Đại học"), ("Institute of Technology,", "Học viện Công nghệ"),
                    ("College of Agriculture,", "Trường Cao đẳng Nông nghiệp")]
INTERNATIONAL_ORGANISATIONS = [
    ("UNICEF", "Quỹ Nhi đồng Liên hợp quốc"), ("UNDP", "Chương trình Phát triển Liên hợp quốc"),
    ("WHO", "Tổ chức Y tế Thế giới"), ("FAO", "Tổ chức Lương thực và Nông nghiệp Liên hợp quốc"),
    ("UNFPA", "Quỹ Dân số Liên hợp quốc"), ("IOM", "Tổ chức Di cư Quốc tế"),
    ("UN Women", "Cơ quan Liên hợp quốc về Bình đẳng giới"), ("MRC", "Ủy hội sông Mê Công quốc tế"),
]

# People.
VI_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
             "Dương", "Lý", "Trương", "Đinh", "Lâm", "Châu"]
VI_MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Hoàng", "Ngọc", "Quốc", "Hữu", "Đức", "Thu", "Kim", "Xuân", "Bảo", "Thị Mỹ"]
VI_GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Khánh", "Lan",
            "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng",
            "Trang", "Trung", "Tuấn", "Vân", "Việt", "Yến", "Đạt", "Nhung", "Lộc", "Hiếu"]
FOREIGN_NAMES = {
    "LA": (["Bounmy", "Somphone", "Khamphoui", "Vilayphone", "Souksavanh", "Phonesavanh", "Bounthavy", "Chanthala"],
           ["Phommachanh", "Sisouphanh", "Vongsakda", "Keomany", "Inthavong", "Phetsomphou", "Sayavong"]),
    "KH": (["Sokha", "Dara", "Chenda", "Vannak", "Sophea", "Rithy", "Bopha", "Kosal", "Sreymom"],
           ["Chea", "Sok", "Heng", "Kim", "Lim", "Chhun", "Meas", "Pich", "Hun"]),
    "JP": (["Hiroshi", "Yuki", "Kenji", "Akiko", "Naoko", "Takeshi", "Haruto", "Emi"],
           ["Tanaka", "Suzuki", "Sato", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Nakamura"]),
    "KR": (["Min-jun", "Seo-yeon", "Ji-hoon", "Hye-jin", "Dong-hyun", "Soo-ah"],
           ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon"]),
    "CN": (["Wei", "Fang", "Lei", "Jing", "Hao", "Min"], ["Wang", "Li", "Zhang", "Liu", "Chen", "Huang"]),
    "TH": (["Somchai", "Suda", "Anan", "Malee", "Prasert", "Kanya"],
           ["Srisuk", "Chaiyaporn", "Wongsa", "Boonmee", "Rattana"]),
}
WESTERN_NAMES = (["John", "Mary", "Pierre", "Anna", "Thomas", "Sophie", "Michael", "Laura", "David", "Emma", "Lukas",
                  "Claire", "Peter", "Julia", "Marco", "Ingrid"],
                 ["Smith", "Martin", "Müller", "Rossi", "Dubois", "Brown", "Wilson", "Schmidt", "Bernard", "Taylor",
                  "Johansson", "Novak", "García", "Van Dijk", "O'Brien"])
HONORIFICS = ["Ông", "Bà", "Ngài", "Tiến sĩ"]
CONTACT_TITLES = ["Giám đốc quốc gia", "Trưởng Đại diện", "Chủ tịch", "Phó Chủ tịch", "Điều phối viên dự án",
                  "Giám đốc chương trình", "Tổng Lãnh sự", "Bí thư thứ nhất", "Hiệu trưởng", "Tổng Giám đốc"]
VI_TITLES = ["Phó Chủ tịch UBND tỉnh", "Giám đốc Sở Ngoại vụ", "Phó Giám đốc Sở Ngoại vụ", "Chủ tịch Liên hiệp các tổ "
             "chức hữu nghị tỉnh", "Phó Bí thư Tỉnh ủy", "Trưởng phòng Hợp tác quốc tế", "Giám đốc Sở Y tế",
             "Phó Giám đốc Sở Giáo dục và Đào tạo", "Chủ tịch UBND xã", "Chuyên viên"]
MEMBER_ROLES = ["Chuyên viên", "Phó trưởng phòng", "Trưởng phòng", "Phóng viên", "Phiên dịch", "Cán bộ",
                "Giảng viên", "Bác sĩ", "Điều phối viên", "Thư ký"]
LANGUAGES = ["Tiếng Anh", "Tiếng Pháp", "Tiếng Lào", "Tiếng Khmer", "Tiếng Nhật", "Tiếng Hàn", "Tiếng Trung"]
DIETS = ["", "", "", "", "Ăn chay", "Không ăn thịt bò", "Không ăn hải sản", "Halal"]

# The seven tasks of a yearly plan, as a real 2019 programme numbered them.
TASKS = [
    "Tăng cường sự lãnh đạo của Đảng, quản lý của Nhà nước đối với công tác đối ngoại nhân dân",
    "Hoạt động vì hòa bình, đoàn kết, hữu nghị và hợp tác với nhân dân các nước",
    "Vận động và quản lý viện trợ phi chính phủ nước ngoài",
    "Công tác thông tin đối ngoại",
    "Củng cố, phát triển các hội hữu nghị",
    "Công tác phối hợp và công tác người Việt Nam ở nước ngoài",
    "Nâng cao năng lực đội ngũ cán bộ làm công tác đối ngoại nhân dân",
]

# Activity rows by task (index into TASKS); placeholders are filled by the seeder.
ACTIVITIES = {
    0: [
        "Quán triệt, triển khai Chỉ thị 12-CT/TW về tăng cường công tác đối ngoại nhân dân tại {agency}",
        "Sơ kết 6 tháng thực hiện kế hoạch công tác đối ngoại nhân dân năm {year}",
        "Tổng kết công tác đối ngoại nhân dân năm {year} và triển khai nhiệm vụ năm {next_year}",
        "Kiểm tra việc thực hiện quy chế quản lý thống nhất hoạt động đối ngoại tại {agency}",
    ],
    1: [
        "Tổ chức Lễ kỷ niệm {n} năm Ngày thiết lập quan hệ ngoại giao Việt Nam – {country}",
        "Gặp mặt hữu nghị nhân dịp Quốc khánh {country}",
        "Đón và làm việc với đoàn {partner} sang thăm tỉnh",
        "Tổ chức đoàn công tác của tỉnh thăm và làm việc tại {locality}",
        "Giao lưu văn hóa, thể thao hữu nghị Việt Nam – {country} năm {year}",
        "Phối hợp tìm kiếm, hồi hương hài cốt liệt sĩ quân tình nguyện Việt Nam hy sinh tại {country}",
        "Thăm, chúc mừng Tổng Lãnh sự quán {country} tại Thành phố Hồ Chí Minh nhân Quốc khánh",
        "Ký kết biên bản ghi nhớ hợp tác với {partner} về {field}",
    ],
    2: [
        "Lớp tập huấn kỹ năng xây dựng dự án vận động viện trợ phi chính phủ nước ngoài, lĩnh vực {sector}",
        "Vận động viện trợ cho chương trình {sector} tại {commune}",
        "Khảo sát, đánh giá hiệu quả các dự án viện trợ của {partner}",
        "Hội nghị xúc tiến vận động viện trợ phi chính phủ nước ngoài năm {year}",
        "Tiếp nhận và phân bổ học bổng của {partner} cho học sinh nghèo vượt khó",
    ],
    3: [
        "Tuyên truyền, thông tin đối ngoại về {topic} trên Báo và Phát thanh, Truyền hình tỉnh",
        "Triển lãm ảnh “{exhibition}” tại Trung tâm Văn hóa tỉnh",
        "Biên soạn, phát hành ấn phẩm giới thiệu tiềm năng hợp tác của tỉnh bằng tiếng {language}",
        "Cập nhật chuyên mục đối ngoại trên Cổng thông tin điện tử tỉnh",
    ],
    4: [
        "Đại hội đại biểu Hội hữu nghị Việt Nam – {country} tỉnh nhiệm kỳ {year}–{term_end}",
        "Thành lập chi hội hữu nghị Việt Nam – {country} tại {commune}",
        "Phát triển hội viên mới cho Hội hữu nghị Việt Nam – {country}",
        "Hội nghị Ban Chấp hành Liên hiệp các tổ chức hữu nghị tỉnh lần thứ {n}",
    ],
    5: [
        "Gặp mặt kiều bào và thân nhân người Việt Nam ở nước ngoài nhân dịp Tết Nguyên đán {year}",
        "Phối hợp với {agency} hỗ trợ người Việt Nam tại {country} về thăm quê hương",
        "Hội nghị phối hợp công tác đối ngoại nhân dân giữa {agency} và Liên hiệp các tổ chức hữu nghị",
        "Tổ chức Ngày hội giao lưu văn hóa kiều bào tại {commune}",
    ],
    6: [
        "Bồi dưỡng nghiệp vụ đối ngoại nhân dân cho cán bộ {agency}",
        "Lớp tiếng {language} cho cán bộ làm công tác đối ngoại",
        "Học tập kinh nghiệm công tác đối ngoại nhân dân tại Liên hiệp các tổ chức hữu nghị thành phố Đà Nẵng",
        "Tập huấn lễ tân đối ngoại và kỹ năng đàm phán cho cán bộ cấp xã",
    ],
}
FIELDS = ["giáo dục – đào tạo", "y tế cộng đồng", "nông nghiệp công nghệ cao", "thích ứng biến đổi khí hậu",
          "phát triển du lịch", "xúc tiến thương mại", "bảo tồn di sản văn hóa", "quản lý tài nguyên nước",
          "phòng, chống thiên tai", "phát triển thanh niên", "an ninh biên giới", "chuyển đổi số"]
TOPICS = ["chủ quyền biển, đảo", "thành tựu phát triển kinh tế – xã hội của tỉnh", "văn hóa, con người Đồng Tháp",
          "tiềm năng hợp tác đầu tư", "công tác người Việt Nam ở nước ngoài", "Khu dự trữ sinh quyển Tràm Chim"]
EXHIBITIONS = ["Sen hồng đất Tháp", "Đồng Tháp – vùng đất và con người", "Tình hữu nghị vượt thời gian",
               "Mùa nước nổi", "Những người bạn quốc tế của Đồng Tháp"]
EXPECTED_RESULTS = ["Tổ chức thành công, có báo cáo kết quả", "Ít nhất {k} đại biểu tham dự",
                    "Ký kết được văn bản hợp tác", "Vận động được {k} dự án mới", "Tăng {k}% hội viên so với năm trước",
                    "Có bài viết, phóng sự trên báo, đài của tỉnh", ""]

DELEGATION_PURPOSES = [
    "Trao đổi kinh nghiệm và thúc đẩy hợp tác trong lĩnh vực {field}",
    "Thăm, chúc Tết và tặng quà nhân dịp năm mới",
    "Khảo sát, đánh giá dự án viện trợ",
    "Dự lễ kỷ niệm và giao lưu hữu nghị",
    "Ký kết biên bản ghi nhớ hợp tác về {field}",
    "Xúc tiến thương mại, đầu tư và du lịch",
]
AID_NAMES = [
    "Xây dựng {k} phòng học cho trường tiểu học {commune}",
    "Cung cấp nước sạch và công trình vệ sinh cho {commune}",
    "Hỗ trợ sinh kế cho {k} hộ nghèo tại {commune}",
    "Khám, chữa bệnh miễn phí cho trẻ em có hoàn cảnh khó khăn tại {commune}",
    "Học bổng cho học sinh nghèo vượt khó năm học {year}–{next_year}",
    "Cứu trợ khẩn cấp khắc phục hậu quả lũ lụt năm {year}",
    "Nâng cao năng lực ứng phó biến đổi khí hậu cho cộng đồng {commune}",
    "Xây dựng nhà tình thương cho hộ nghèo tại {commune}",
    "Trang thiết bị y tế cho Trạm Y tế {commune}",
]
BENEFICIARIES = ["Học sinh nghèo", "Hộ nghèo", "Trẻ em khuyết tật", "Phụ nữ nông thôn", "Người cao tuổi",
                 "Cộng đồng dân cư vùng lũ"]
OCCASION_TITLES = {
    "founding": "Ngày thành lập {partner}",
    "twinning": "Kỷ niệm ngày kết nghĩa với {partner}",
    "traditional": "Ngày truyền thống của {partner}",
    "agreement": "Kỷ niệm ngày ký thỏa thuận hợp tác với {partner}",
}
