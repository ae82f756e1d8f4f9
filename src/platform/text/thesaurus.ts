/**
 * Petition vocabulary: groups of words and phrases that name the same thing in grassroots petitions
 * (colloquial and official wording, part and whole), as editable data. When a petition uses any term of a
 * group it gets the group's concept as an extra feature, so "sổ đỏ" meets "giấy chứng nhận quyền sử dụng
 * đất", "phủ sóng 4G" meets "sóng điện thoại di động" and "đền bù" meets "bồi thường".
 *
 * Groups are deliberately narrow (one issue, not one sector): "road" or "storm" would pull unrelated
 * petitions together. Terms are matched after folding (no diacritics, lower case) on word boundaries,
 * so a term must stay unambiguous without its diacritics: "trường" alone is also "trưởng" (trưởng thôn)
 * and "sóng" alone is also "sông", "sống"; such words only appear inside longer phrases.
 * Changing this list changes the near-duplicate features: re-index after an edit.
 */

export interface ConceptGroup {
  /** Stable identifier (becomes a feature: keep it when editing the terms). */
  readonly concept: string;
  readonly terms: readonly string[];
}

export const THESAURUS: readonly ConceptGroup[] = [
  // Land
  {
    concept: "land-certificate",
    terms: [
      "sổ đỏ",
      "sổ hồng",
      "bìa đỏ",
      "giấy chứng nhận quyền sử dụng đất",
      "giấy chứng nhận quyền sở hữu",
      "cấp giấy chứng nhận",
      "cấp sổ",
      "làm sổ",
    ],
  },
  {
    concept: "land-compensation",
    terms: [
      "bồi thường",
      "đền bù",
      "giải phóng mặt bằng",
      "thu hồi đất",
      "tái định cư",
      "khu tái định cư",
      "giá đất",
    ],
  },
  { concept: "land-dispute", terms: ["tranh chấp đất", "lấn chiếm", "tranh chấp ranh giới", "mốc giới"] },
  // Roads, bridges, transport
  {
    concept: "landslide",
    terms: [
      "sạt lở",
      "sạt taluy",
      "sạt trượt",
      "sụt lún",
      "sạt lún",
      "sụt lở",
      "lở đất",
      "trượt lở",
      "đất đá tràn",
      "đá lăn",
      "lở núi",
      "bị sạt",
    ],
  },
  {
    concept: "road-damage",
    terms: [
      "ổ gà",
      "ổ voi",
      "lầy lội",
      "mặt đường hư hỏng",
      "hư hỏng mặt đường",
      "mặt đường xuống cấp",
      "đường xuống cấp",
      "bong tróc",
      "nứt vỡ mặt đường",
    ],
  },
  {
    concept: "overloaded-trucks",
    terms: ["xe quá tải", "quá tải trọng", "tải trọng lớn", "xe trọng tải lớn", "xe siêu trọng", "xe ben"],
  },
  {
    concept: "bridge",
    terms: ["cầu treo", "cầu tạm", "cầu dân sinh", "cầu tràn", "ngầm tràn", "bến đò", "đò ngang", "cầu gỗ"],
  },
  {
    concept: "traffic-safety",
    terms: [
      "an toàn giao thông",
      "tai nạn giao thông",
      "gờ giảm tốc",
      "gờ giảm chấn",
      "biển báo",
      "đèn tín hiệu",
      "đèn giao thông",
    ],
  },
  { concept: "bus", terms: ["xe buýt", "tuyến xe buýt", "xe khách"] },
  // Utilities
  {
    concept: "domestic-water",
    terms: [
      "nước sinh hoạt",
      "nước sạch",
      "cấp nước",
      "nước tự chảy",
      "thiếu nước",
      "nước máy",
      "giếng nước",
      "bể nước",
      "nguồn nước",
      "công trình nước",
      "ống dẫn nước",
      "đường ống nước",
      "nhà máy nước",
    ],
  },
  {
    concept: "power-supply",
    terms: [
      "mất điện",
      "cắt điện",
      "điện lưới",
      "lưới điện",
      "cột điện",
      "đường dây điện",
      "dây điện",
      "trạm biến áp",
      "điện yếu",
      "điện áp",
      "điện sinh hoạt",
      "cấp điện",
      "kéo điện",
    ],
  },
  {
    concept: "power-bill",
    terms: ["giá điện", "tiền điện", "hóa đơn điện", "hóa đơn tiền điện", "công tơ điện"],
  },
  {
    concept: "street-lighting",
    terms: ["đèn chiếu sáng", "đèn đường", "chiếu sáng", "điện chiếu sáng", "bóng đèn", "đèn điện"],
  },
  {
    concept: "mobile-signal",
    terms: [
      "sóng điện thoại",
      "sóng di động",
      "điện thoại di động",
      "di động",
      "phủ sóng",
      "phát sóng",
      "trạm phát sóng",
      "trạm BTS",
      "mất sóng",
      "lõm sóng",
      "vùng lõm",
      "sóng yếu",
      "sóng 3G",
      "sóng 4G",
      "sóng 5G",
      "3G",
      "4G",
      "5G",
      "internet",
      "nhà mạng",
      "viễn thông",
      "mất liên lạc",
      "cáp quang",
      "wifi",
    ],
  },
  {
    concept: "drainage-flooding",
    terms: [
      "ngập úng",
      "ngập lụt",
      "ngập nước",
      "bị ngập",
      "thoát nước",
      "rãnh thoát nước",
      "cống thoát nước",
      "mương thoát nước",
      "tắc cống",
    ],
  },
  {
    concept: "irrigation",
    terms: ["kênh mương", "mương nội đồng", "thủy lợi", "tưới tiêu", "nước tưới", "trạm bơm", "hồ chứa nước"],
  },
  { concept: "dyke", terms: ["đê kè", "đê điều", "kè chắn sóng", "bờ kè", "sạt lở bờ sông"] },
  // Environment
  {
    concept: "waste",
    terms: ["rác", "rác thải", "bãi rác", "thu gom rác", "điểm tập kết rác", "xử lý rác", "đổ trộm rác"],
  },
  { concept: "dust", terms: ["bụi", "bụi than", "khói bụi", "bụi bẩn", "bụi mù", "cát bụi"] },
  { concept: "wastewater", terms: ["nước thải", "xả thải", "chất thải", "ô nhiễm nguồn nước"] },
  { concept: "odour", terms: ["mùi hôi", "hôi thối", "bốc mùi", "mùi khó chịu"] },
  { concept: "noise", terms: ["tiếng ồn", "ồn ào", "gây ồn", "karaoke", "loa kẹo kéo", "loa công suất lớn"] },
  {
    concept: "mining",
    terms: [
      "khai thác cát",
      "hút cát",
      "cát sỏi",
      "khai thác khoáng sản",
      "khai thác trái phép",
      "bãi tập kết cát",
    ],
  },
  // Agriculture, fisheries, forests, disasters
  {
    concept: "aquaculture",
    terms: [
      "nuôi trồng thủy sản",
      "thủy sản",
      "lồng bè",
      "nuôi cá",
      "cá lồng",
      "nuôi hàu",
      "nuôi tôm",
      "nuôi ngao",
      "nuôi sá sùng",
      "đầm nuôi",
      "ao nuôi",
      "nuôi biển",
    ],
  },
  { concept: "fishing", terms: ["đánh bắt", "tàu cá", "khai thác hải sản", "ngư dân", "ngư trường"] },
  {
    concept: "livestock-disease",
    terms: ["dịch bệnh gia súc", "dịch tả lợn", "lở mồm long móng", "cúm gia cầm", "viêm da nổi cục"],
  },
  { concept: "forest", terms: ["trồng rừng", "cháy rừng", "bảo vệ rừng", "rừng sản xuất", "rừng phòng hộ"] },
  { concept: "seed-support", terms: ["giống cây", "cây giống", "con giống", "hỗ trợ giống", "phân bón"] },
  {
    concept: "stray-dogs",
    terms: ["chó thả rông", "chó dại", "chó cắn", "bệnh dại", "tiêm phòng dại", "nuôi chó", "rọ mõm"],
  },
  { concept: "wild-animals", terms: ["khỉ phá hoại", "voi rừng", "lợn rừng phá"] },
  // Education, health, social
  {
    concept: "school-building",
    terms: [
      "điểm trường",
      "trường học",
      "phòng học",
      "lớp học",
      "trường mầm non",
      "trường tiểu học",
      "trường lẻ",
      "nhà trường",
      "phòng học tạm",
      "lớp ghép",
    ],
  },
  { concept: "school-fees", terms: ["học phí", "khoản thu", "khoản đóng góp", "thu chi trong trường"] },
  {
    concept: "school-transport",
    terms: ["đưa đón học sinh", "xe đưa đón", "nhà bán trú", "bán trú", "nội trú"],
  },
  {
    concept: "health-insurance",
    terms: ["bảo hiểm y tế", "thẻ bảo hiểm y tế", "thẻ bảo hiểm", "khám chữa bệnh bảo hiểm"],
  },
  {
    concept: "social-insurance",
    terms: ["bảo hiểm xã hội", "lương hưu", "sổ bảo hiểm", "bảo hiểm xã hội tự nguyện", "rút bảo hiểm"],
  },
  { concept: "health-station", terms: ["trạm y tế", "bác sĩ", "y sĩ", "khám chữa bệnh", "thuốc chữa bệnh"] },
  {
    concept: "poverty",
    terms: ["hộ nghèo", "cận nghèo", "thoát nghèo", "giảm nghèo", "rà soát hộ nghèo", "nhà đại đoàn kết"],
  },
  {
    concept: "ethnic-minority-policy",
    terms: [
      "dân tộc thiểu số",
      "vùng đặc biệt khó khăn",
      "đặc biệt khó khăn",
      "vùng khó khăn",
      "khu vực iii",
    ],
  },
  {
    concept: "social-allowance",
    terms: ["trợ cấp xã hội", "bảo trợ xã hội"],
  },
  { concept: "veterans", terms: ["người có công", "thương binh", "liệt sĩ", "chất độc da cam"] },
  {
    concept: "cultural-house",
    terms: ["nhà văn hóa", "nhà sinh hoạt cộng đồng", "hội trường", "sân thể thao", "thiết chế văn hóa"],
  },
  // Public order
  { concept: "theft", terms: ["trộm cắp", "mất trộm", "trộm", "kẻ gian", "camera an ninh"] },
  { concept: "drugs", terms: ["ma túy", "tệ nạn", "tệ nạn xã hội", "nghiện hút", "con nghiện"] },
  { concept: "child-marriage", terms: ["tảo hôn", "hôn nhân cận huyết", "chưa đủ tuổi kết hôn"] },
  { concept: "gambling", terms: ["cờ bạc", "đánh bạc", "lô đề"] },
  // Village officials, administration
  {
    concept: "village-head",
    terms: [
      "trưởng thôn",
      "trưởng bản",
      "trưởng khu",
      "trưởng khu phố",
      "tổ trưởng tổ dân phố",
      "bí thư chi bộ",
      "chuyên trách",
    ],
  },
  { concept: "allowance", terms: ["phụ cấp", "thù lao", "mức khoán", "mức phụ cấp", "tiền bồi dưỡng"] },
  {
    concept: "admin-procedure",
    terms: [
      "thủ tục hành chính",
      "trả kết quả",
      "hành chính công",
      "dịch vụ công",
      "phiền hà",
      "hẹn lại nhiều lần",
    ],
  },
  { concept: "identity-papers", terms: ["căn cước", "căn cước công dân", "định danh", "vneid", "khai sinh"] },
  { concept: "merger", terms: ["sáp nhập", "sắp xếp đơn vị hành chính", "đổi tên"] },
];
