import type { Catalogs } from "../../platform/i18n/i18n.ts";

export const reportsMessages: Catalogs = {
  vi: {
    "reports.nav.overview": "Tổng quan",
    "reports.landing.what":
      "Cầu Nối giúp tiếng nói của người dân qua bí thư chi bộ, trưởng thôn đến đúng nơi giải quyết, đúng hạn và công khai.",
    "reports.landing.up":
      "Kiến nghị, phản ánh từ thôn, bản, khu phố được chuyển tới cơ quan có thẩm quyền và theo dõi đến khi trả lời.",
    "reports.landing.face":
      "Hội nghị đối thoại giữa lãnh đạo tỉnh và trưởng thôn: mọi câu hỏi được ghi nhận, mọi cam kết được theo dõi.",
    "reports.landing.down":
      "Văn bản chỉ đạo tới từng thôn, có xác nhận đã nhận và đã phổ biến tới người dân.",
    "reports.overview.title": "Tổng quan tỉnh {province}",
    "reports.overview.communes": "Xã, phường, đặc khu",
    "reports.overview.villages": "Thôn, bản, khu phố",
    "reports.overview.withHead": "{n} nơi đã có tên trưởng thôn",
    "reports.overview.agencies": "Cơ quan, đơn vị",
    "reports.overview.history": "Xã, phường trước sáp nhập",
    "reports.overview.historyHint": "Đơn vị cũ (trước 01/07/2025), vẫn được tính về đơn vị mới.",
    "reports.overview.villagesByType": "Thôn, bản, khu phố theo loại",
    "reports.overview.topCommunes": "{n} xã, phường có nhiều thôn, khu phố nhất",
    "reports.overview.accounts": "Tài khoản theo vai trò",
    "reports.overview.role": "Vai trò",
    "reports.overview.people": "Số người",
    "unitType.xa": "Xã",
    "unitType.phuong": "Phường",
    "unitType.dac_khu": "Đặc khu",
    "unitType.thon": "Thôn",
    "unitType.ban": "Bản",
    "unitType.khu_pho": "Khu phố",
    "unitType.to_dan_pho": "Tổ dân phố",
    "agencyKind.department": "Sở, ngành",
    "agencyKind.commune_committee": "UBND xã, phường",
    "agencyKind.vertical": "Cơ quan ngành dọc",
    "agencyKind.central": "Cơ quan Trung ương",
    "agencyKind.other": "Khác",
  },
  en: {
    "reports.nav.overview": "Overview",
    "reports.landing.what":
      "Cầu Nối carries residents' voices, through their village heads, to whoever must act — on time and in public.",
    "reports.landing.up":
      "Petitions from villages reach the responsible agency and are followed until answered.",
    "reports.landing.face":
      "Dialogue conferences of the province's leaders with village heads: every question heard, every commitment tracked.",
    "reports.landing.down":
      "Directives reach every village, with proof they were received and relayed to residents.",
    "reports.overview.title": "{province} province overview",
    "reports.overview.communes": "Communes and wards",
    "reports.overview.villages": "Villages",
    "reports.overview.withHead": "{n} with a named village head",
    "reports.overview.agencies": "Agencies",
    "reports.overview.history": "Communes before the merger",
    "reports.overview.historyHint": "Pre-1 July 2025 units, still counted under their successors.",
    "reports.overview.villagesByType": "Villages by type",
    "reports.overview.topCommunes": "The {n} communes with the most villages",
    "reports.overview.accounts": "Accounts by role",
    "reports.overview.role": "Role",
    "reports.overview.people": "People",
    "unitType.xa": "Commune",
    "unitType.phuong": "Ward",
    "unitType.dac_khu": "Special zone",
    "unitType.thon": "Village (thôn)",
    "unitType.ban": "Hamlet (bản)",
    "unitType.khu_pho": "Quarter (khu phố)",
    "unitType.to_dan_pho": "Residential group",
    "agencyKind.department": "Department",
    "agencyKind.commune_committee": "Commune People's Committee",
    "agencyKind.vertical": "Vertical agency",
    "agencyKind.central": "Central agency",
    "agencyKind.other": "Other",
  },
};
