/**
 * Plausible Vietnamese petitions for the scale benchmarks: about 60 problem templates over the 25 categories,
 * each with several wordings of its title and of its problem sentence, a named object and a detail, the
 * petitioner's own village in the opening, and common impact and request sentences. Petitions of one template
 * share a topic (as real ones do: "đường sạt lở" is raised by hundreds of villages); a near-duplicate group is
 * one concrete issue (same template, same object, same detail) raised by several villages in their own words.
 * Deterministic: the same seed gives the same corpus.
 */

/** Mulberry32: a small deterministic generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

export type Template = {
  /** Category code (pakn_categories_proposed.csv). */
  cat: string;
  /** Title wordings. */
  t: string[];
  /** Problem sentences: {o} the named object, {d} the detail. */
  p: string[];
  /** Named objects. */
  o: string[];
  /** Details. */
  d: string[];
  /** Request sentences of this template (a common one is used too). */
  a: string[];
};

const KM = ["km 3", "km 7+200", "km 12", "km 18+500", "km 24", "km 31"];
const MONTHS = ["tháng 6", "tháng 7", "tháng 8", "tháng 9", "tháng 10", "tháng 11"];
const STREAMS = [
  "suối Khe Mạ",
  "suối Nà Pá",
  "khe Cốc",
  "suối Đồng Mỏ",
  "sông Tiên Yên",
  "sông Ba Chẽ",
  "khe Lạc",
];
const ROADS = [
  "đường tỉnh 342",
  "đường tỉnh 18C",
  "quốc lộ 4B",
  "đường liên xã Đồn Đạc",
  "tuyến đường Khe Tre",
  "đường trục thôn",
  "đường ra khu sản xuất",
  "đường liên thôn",
];
const BRIDGES = [
  "cầu treo Khe Mạ",
  "cầu tràn Nà Pá",
  "ngầm tràn Đồng Mỏ",
  "cầu Khe Lạc",
  "cầu tạm bằng tre",
  "cống qua đường",
];
const SCHOOLS = [
  "trường mầm non",
  "điểm trường tiểu học",
  "trường THCS",
  "điểm trường lẻ",
  "trường tiểu học và THCS",
];
const AMOUNTS = ["2 km", "800 m", "1,5 km", "500 m", "3 km", "1,2 km"];
const YEARS = ["năm 2019", "năm 2020", "năm 2021", "năm 2022", "năm 2023"];
const PROJECTS = [
  "dự án khu công nghiệp",
  "dự án đường cao tốc",
  "dự án hồ chứa nước",
  "dự án khu đô thị mới",
  "dự án mở rộng quốc lộ",
  "dự án nhà máy điện gió",
];
const FACTORIES = [
  "nhà máy chế biến gỗ",
  "xưởng sản xuất gạch",
  "bãi tập kết than",
  "trại chăn nuôi lợn",
  "cơ sở chế biến hải sản",
  "mỏ đá",
];

export const TEMPLATES: Template[] = [
  // Transport
  {
    cat: "giao_thong",
    t: [
      "Đề nghị sửa chữa {o} bị sạt lở",
      "Khắc phục sạt lở {o}",
      "Sạt lở {o} gây nguy hiểm cho người đi đường",
    ],
    p: [
      "Đoạn {o} tại {d} bị sạt lở taluy sau mưa lớn, đất đá tràn xuống mặt đường",
      "Sau đợt mưa bão, {o} đoạn {d} bị sụt lún, sạt một bên, xe máy không đi qua được",
      "Taluy dương {o} khu vực {d} bị sạt trượt, đá lăn xuống lòng đường",
    ],
    o: ROADS,
    d: KM,
    a: ["Đề nghị sớm khắc phục, gia cố taluy", "Kiến nghị bố trí kinh phí sửa chữa trước mùa mưa"],
  },
  {
    cat: "giao_thong",
    t: ["Đường xuống cấp, nhiều ổ gà", "Đề nghị nâng cấp {o}", "Mặt đường {o} hư hỏng nặng"],
    p: [
      "{o} đoạn qua thôn dài khoảng {d} xuống cấp, nhiều ổ gà, ổ voi, mùa mưa lầy lội",
      "Mặt đường {o} bong tróc, nứt vỡ khoảng {d}, xe chở nông sản đi lại khó khăn",
      "{o} được làm từ lâu nay đã hư hỏng mặt đường, đoạn {d} đọng nước",
    ],
    o: ROADS,
    d: AMOUNTS,
    a: ["Đề nghị đưa vào kế hoạch cứng hóa, nâng cấp", "Kiến nghị thảm lại mặt đường"],
  },
  {
    cat: "giao_thong",
    t: ["Đề nghị xây cầu qua {o}", "Mùa mưa không qua được {o}", "Xin hỗ trợ làm cầu qua {o}"],
    p: [
      "Người dân phải lội qua {o}, mùa mưa nước dâng cao {d} không qua được",
      "Ngầm tràn qua {o} thường xuyên bị ngập, học sinh phải nghỉ học mỗi khi lũ về, có lúc ngập sâu {d}",
      "Chưa có cầu qua {o}, bà con đi lại rất nguy hiểm khi nước lên khoảng {d}",
    ],
    o: STREAMS,
    d: ["1 m", "1,5 m", "80 cm", "2 m"],
    a: ["Đề nghị đầu tư xây dựng cầu kiên cố", "Kiến nghị hỗ trợ kinh phí làm cầu dân sinh"],
  },
  {
    cat: "giao_thong",
    t: ["{o} xuống cấp nguy hiểm", "Đề nghị sửa chữa {o}", "Cầu hư hỏng cần sửa gấp"],
    p: [
      "{o} bị hư hỏng, mặt cầu mục nát, lan can gãy từ {d}",
      "{o} xây dựng đã lâu, nay trụ cầu bị xói lở sau lũ {d}",
      "Dây cáp {o} bị chùng, ván mặt cầu hỏng nhiều chỗ từ {d}",
    ],
    o: BRIDGES,
    d: MONTHS,
    a: ["Đề nghị kiểm định và sửa chữa sớm", "Kiến nghị cắm biển cảnh báo và sửa chữa"],
  },
  {
    cat: "giao_thong",
    t: [
      "Đề nghị lắp biển báo, gờ giảm tốc",
      "Nút giao nguy hiểm thường xảy ra tai nạn",
      "Tai nạn giao thông tại {o}",
    ],
    p: [
      "Tại {o} đoạn {d} thường xuyên xảy ra tai nạn giao thông do xe chạy tốc độ cao",
      "Nút giao giữa {o} và đường vào thôn tại {d} không có biển báo, gương cầu lồi",
      "Đoạn cua gấp trên {o} tại {d} tầm nhìn bị che khuất, đã nhiều vụ va chạm",
    ],
    o: ROADS,
    d: KM,
    a: [
      "Đề nghị lắp biển báo, gờ giảm tốc, gương cầu lồi",
      "Kiến nghị cơ quan chức năng khảo sát, tổ chức lại giao thông",
    ],
  },
  {
    cat: "giao_thong",
    t: ["Đề nghị mở tuyến xe buýt", "Thiếu phương tiện công cộng", "Xin bố trí xe buýt về xã"],
    p: [
      "Chưa có tuyến xe buýt về trung tâm xã, người dân phải đi xe ôm {d} để ra {o}",
      "Tuyến xe khách đi qua {o} đã ngừng chạy từ {d}",
      "Học sinh và người già phải đi bộ {d} ra {o} để bắt xe",
    ],
    o: ["quốc lộ 4B", "thị trấn Tiên Yên", "trung tâm huyện", "bến xe"],
    d: AMOUNTS,
    a: ["Đề nghị mở tuyến xe buýt", "Kiến nghị bố trí xe đưa đón"],
  },
  // Land
  {
    cat: "dat_dai",
    t: [
      "Chậm cấp giấy chứng nhận quyền sử dụng đất",
      "Đề nghị cấp sổ đỏ cho các hộ",
      "Làm sổ đỏ kéo dài nhiều năm",
    ],
    p: [
      "Nhiều hộ dân đã nộp hồ sơ từ {d} nhưng đến nay chưa được cấp giấy chứng nhận quyền sử dụng đất cho {o}",
      "Các hộ đã kê khai, đo đạc {o} từ {d} nhưng chưa được cấp sổ đỏ",
      "Hồ sơ cấp sổ cho {o} bị trả lại nhiều lần, kéo dài từ {d}",
    ],
    o: ["đất ở", "đất vườn", "đất rừng sản xuất", "đất nông nghiệp"],
    d: YEARS,
    a: ["Đề nghị cơ quan chức năng giải quyết dứt điểm", "Kiến nghị đẩy nhanh tiến độ cấp giấy chứng nhận"],
  },
  {
    cat: "dat_dai",
    t: [
      "Kiến nghị về giá bồi thường đất",
      "Đền bù giải phóng mặt bằng chưa thỏa đáng",
      "Chậm chi trả tiền bồi thường {o}",
    ],
    p: [
      "Giá bồi thường đất nông nghiệp của {o} thấp hơn nhiều so với giá thị trường, thu hồi từ {d}",
      "Các hộ bị thu hồi đất cho {o} từ {d} đến nay chưa nhận đủ tiền đền bù",
      "Phương án bồi thường, hỗ trợ tái định cư của {o} chưa được công khai, người dân bức xúc từ {d}",
    ],
    o: PROJECTS,
    d: YEARS,
    a: ["Đề nghị xem xét lại đơn giá bồi thường", "Kiến nghị chi trả dứt điểm tiền bồi thường"],
  },
  {
    cat: "dat_dai",
    t: ["Tranh chấp đất giữa các hộ", "Đề nghị giải quyết tranh chấp ranh giới đất", "Lấn chiếm đất công"],
    p: [
      "Có hộ lấn chiếm {o} để xây tường rào, làm ảnh hưởng lối đi chung từ {d}",
      "Tranh chấp ranh giới {o} giữa hai hộ kéo dài từ {d}, hòa giải ở thôn không thành",
      "Một số hộ lấn chiếm {o} trồng cây, dựng lán từ {d}",
    ],
    o: ["đất hành lang đường", "đất công của thôn", "đất rừng phòng hộ", "đất bãi bồi ven sông"],
    d: YEARS,
    a: ["Đề nghị xã kiểm tra, xử lý", "Kiến nghị đo đạc lại, cắm mốc giới"],
  },
  {
    cat: "dat_dai",
    t: [
      "Xin giao đất tái định cư",
      "Khu tái định cư chưa có hạ tầng",
      "Đề nghị bố trí tái định cư cho các hộ",
    ],
    p: [
      "Các hộ phải di dời do {o} từ {d} nhưng khu tái định cư chưa có điện, nước, đường",
      "Đã bàn giao mặt bằng cho {o} từ {d} mà chưa được bố trí đất tái định cư",
      "Khu tái định cư của {o} bị sụt lún, nứt nhà sau {d}",
    ],
    o: PROJECTS,
    d: YEARS,
    a: ["Đề nghị hoàn thiện hạ tầng khu tái định cư", "Kiến nghị sớm giao đất tái định cư"],
  },
  // Environment
  {
    cat: "moi_truong",
    t: ["Ô nhiễm môi trường từ {o}", "Đề nghị xử lý ô nhiễm do {o}", "{o} gây ô nhiễm"],
    p: [
      "{o} gần khu dân cư xả nước thải chưa qua xử lý ra suối, bốc mùi hôi thối từ {d}",
      "Khói bụi và mùi hôi từ {o} ảnh hưởng sức khỏe người dân từ {d}",
      "Nước thải của {o} chảy ra ruộng, lúa bị chết, cá chết từ {d}",
    ],
    o: FACTORIES,
    d: MONTHS,
    a: ["Đề nghị kiểm tra, xử lý nghiêm", "Kiến nghị đình chỉ hoạt động cho đến khi khắc phục"],
  },
  {
    cat: "moi_truong",
    t: ["Rác thải không được thu gom", "Đề nghị bố trí điểm tập kết rác", "Bãi rác tự phát gây ô nhiễm"],
    p: [
      "Rác thải sinh hoạt không được thu gom {d}, người dân phải đổ ra {o}",
      "Bãi rác tự phát ở {o} bốc mùi, ruồi muỗi nhiều, đã tồn tại {d}",
      "Xe thu gom rác không vào thôn, rác tồn đọng ven {o} {d}",
    ],
    o: ["ven đường", "bờ suối", "đầu thôn", "bãi đất trống gần trường học"],
    d: ["nhiều tháng nay", "đã 2 tháng", "từ đầu năm", "hơn một năm"],
    a: ["Đề nghị bố trí xe thu gom rác định kỳ", "Kiến nghị xây dựng điểm tập kết rác đúng quy định"],
  },
  {
    cat: "moi_truong",
    t: [
      "Khai thác cát trái phép trên {o}",
      "Đề nghị xử lý khai thác khoáng sản trái phép",
      "Khai thác cát gây sạt lở bờ {o}",
    ],
    p: [
      "Tình trạng khai thác cát trái phép trên {o} diễn ra vào ban đêm từ {d} làm sạt lở bờ",
      "Tàu hút cát hoạt động trên {o} gây sạt lở đất canh tác từ {d}",
      "Xe chở cát từ {o} chạy qua thôn làm hỏng đường, bụi từ {d}",
    ],
    o: STREAMS,
    d: MONTHS,
    a: ["Đề nghị lực lượng chức năng kiểm tra, xử lý", "Kiến nghị chấm dứt tình trạng khai thác trái phép"],
  },
  {
    cat: "moi_truong",
    t: ["Bụi và tiếng ồn từ xe chở than", "Ô nhiễm do vận chuyển than", "Đề nghị xử lý bụi than"],
    p: [
      "Xe chở than chạy qua {o} gây bụi, tiếng ồn suốt đêm từ {d}",
      "Bụi than từ {o} bám vào nhà cửa, ảnh hưởng sức khỏe từ {d}",
      "Than rơi vãi trên {o}, trời mưa trơn trượt, từ {d}",
    ],
    o: ROADS,
    d: MONTHS,
    a: ["Đề nghị yêu cầu doanh nghiệp che chắn, tưới nước", "Kiến nghị phân luồng xe chở than"],
  },
  // Agriculture, disasters
  {
    cat: "nong_lam_thuy_san",
    t: ["Kênh mương bị hư hỏng", "Đề nghị kiên cố hóa kênh mương", "Thiếu nước tưới cho đồng ruộng"],
    p: [
      "Tuyến kênh mương dẫn nước từ {o} dài {d} bị bồi lấp, vỡ nhiều đoạn",
      "Đập dâng trên {o} bị hỏng, {d} ruộng không có nước tưới",
      "Kênh đất từ {o} bị sạt, nước không về được khoảng {d} ruộng",
    ],
    o: STREAMS,
    d: AMOUNTS,
    a: ["Đề nghị hỗ trợ kinh phí kiên cố hóa kênh mương", "Kiến nghị sửa chữa đập dâng trước vụ xuân"],
  },
  {
    cat: "nong_lam_thuy_san",
    t: [
      "Dịch tả lợn châu Phi",
      "Đề nghị hỗ trợ thiệt hại do dịch bệnh gia súc",
      "Xin hỗ trợ vắc xin cho đàn {o}",
    ],
    p: [
      "Dịch bệnh bùng phát trên đàn {o} từ {d}, nhiều hộ bị thiệt hại nặng",
      "Đàn {o} của các hộ bị chết hàng loạt từ {d}, chưa được hỗ trợ",
      "Người dân chưa được tiêm phòng cho đàn {o}, dịch đang lan từ {d}",
    ],
    o: ["lợn", "trâu bò", "gà", "vịt"],
    d: MONTHS,
    a: ["Đề nghị hỗ trợ thiệt hại và cung cấp vắc xin", "Kiến nghị cử cán bộ thú y xuống kiểm tra"],
  },
  {
    cat: "nong_lam_thuy_san",
    t: [
      "Hỗ trợ khắc phục hậu quả bão lũ",
      "Thiệt hại do mưa lũ chưa được hỗ trợ",
      "Đề nghị hỗ trợ cây giống sau bão",
    ],
    p: [
      "Cơn bão {d} làm đổ {o} của nhiều hộ, đến nay chưa được hỗ trợ",
      "Mưa lũ {d} làm ngập úng, mất trắng {o}",
      "Sau lũ {d}, {o} bị vùi lấp, người dân không có vốn tái sản xuất",
    ],
    o: ["rừng keo", "diện tích lúa", "ao nuôi cá", "vườn cây ăn quả", "lồng bè nuôi hàu"],
    d: MONTHS,
    a: ["Đề nghị sớm hỗ trợ theo quy định", "Kiến nghị hỗ trợ giống, vốn tái sản xuất"],
  },
  {
    cat: "nong_lam_thuy_san",
    t: ["Giống cây trồng kém chất lượng", "Cây giống được cấp bị chết", "Đề nghị kiểm tra chất lượng giống"],
    p: [
      "Giống {o} được cấp theo chương trình hỗ trợ {d} bị chết nhiều, tỷ lệ sống thấp",
      "Cây giống {o} cấp {d} kém chất lượng, sinh trưởng chậm",
      "Phân bón và giống {o} được hỗ trợ {d} về muộn, lỡ thời vụ",
    ],
    o: ["keo", "quế", "hồi", "lúa lai", "ngô"],
    d: YEARS,
    a: ["Đề nghị kiểm tra đơn vị cung ứng giống", "Kiến nghị cấp bù giống"],
  },
  {
    cat: "nong_lam_thuy_san",
    t: ["Đề nghị hỗ trợ ngư dân", "Neo đậu tàu thuyền tránh trú bão", "Khu neo đậu bị bồi lắng"],
    p: [
      "Khu neo đậu tàu thuyền tại {o} bị bồi lắng, tàu không vào được khi có bão từ {d}",
      "Ngư dân đánh bắt gần bờ tại {o} gặp khó khăn, chưa được hỗ trợ nhiên liệu {d}",
      "Luồng lạch ra {o} bị cạn, tàu cá mắc cạn từ {d}",
    ],
    o: ["cảng cá Cái Rồng", "bến Đài Xuyên", "vịnh Bái Tử Long", "cửa sông Ba Chẽ"],
    d: MONTHS,
    a: ["Đề nghị nạo vét khu neo đậu", "Kiến nghị chính sách hỗ trợ ngư dân"],
  },
  // Construction, planning
  {
    cat: "xay_dung_quy_hoach",
    t: ["Xây dựng không phép", "Đề nghị xử lý công trình xây dựng trái phép", "Công trình xây dựng sai phép"],
    p: [
      "Có hộ xây dựng {o} không phép trên đất nông nghiệp từ {d}",
      "{o} xây dựng vượt phép, lấn ra hành lang an toàn từ {d}",
      "Công trình {o} xây trái phép gây ảnh hưởng các hộ liền kề từ {d}",
    ],
    o: ["nhà xưởng", "nhà ở kiên cố", "kho chứa hàng", "tường rào"],
    d: MONTHS,
    a: ["Đề nghị kiểm tra, xử lý theo quy định", "Kiến nghị cưỡng chế công trình vi phạm"],
  },
  {
    cat: "xay_dung_quy_hoach",
    t: ["Quy hoạch treo nhiều năm", "Đề nghị công khai quy hoạch", "Điều chỉnh quy hoạch khu dân cư"],
    p: [
      "Khu vực {o} bị quy hoạch treo từ {d}, người dân không được xây dựng, sửa chữa nhà",
      "Quy hoạch {o} chưa được công khai, người dân không biết ranh giới từ {d}",
      "Đất của các hộ nằm trong quy hoạch {o} từ {d} nhưng chưa triển khai",
    ],
    o: PROJECTS,
    d: YEARS,
    a: [
      "Đề nghị công bố, điều chỉnh hoặc hủy bỏ quy hoạch",
      "Kiến nghị cho người dân được cấp phép sửa chữa",
    ],
  },
  {
    cat: "xay_dung_quy_hoach",
    t: ["Nhà bị nứt do thi công công trình", "Đề nghị bồi thường nhà nứt", "Thi công {o} làm nứt nhà dân"],
    p: [
      "Quá trình thi công {o} làm nhiều nhà dân bị nứt tường, lún nền từ {d}",
      "Nổ mìn thi công {o} làm nứt nhà, vỡ bể nước từ {d}",
      "Xe lu rung thi công {o} làm nứt nhà dọc tuyến từ {d}",
    ],
    o: PROJECTS,
    d: MONTHS,
    a: ["Đề nghị chủ đầu tư kiểm định, bồi thường", "Kiến nghị dừng thi công cho đến khi có phương án"],
  },
  // Urban, utilities
  {
    cat: "do_thi_ha_tang",
    t: ["Đề nghị lắp đèn chiếu sáng", "Đường tối không có đèn", "Hệ thống đèn đường hỏng"],
    p: [
      "{o} dài {d} không có đèn chiếu sáng, ban đêm đi lại nguy hiểm",
      "Đèn chiếu sáng trên {o} hỏng nhiều bóng, đoạn {d} tối om",
      "Người dân đóng góp làm đèn đường {o} nhưng đoạn {d} chưa có điện",
    ],
    o: ROADS,
    d: AMOUNTS,
    a: ["Đề nghị lắp đặt hệ thống đèn chiếu sáng", "Kiến nghị sửa chữa, thay bóng đèn"],
  },
  {
    cat: "do_thi_ha_tang",
    t: ["Ngập úng khi mưa lớn", "Hệ thống thoát nước kém", "Đề nghị nạo vét cống thoát nước"],
    p: [
      "Mỗi khi mưa lớn, khu vực {o} bị ngập sâu {d}, nước tràn vào nhà",
      "Cống thoát nước tại {o} bị tắc, nước đọng {d}",
      "Rãnh thoát nước dọc {o} bị lấp, ngập {d} sau mỗi trận mưa",
    ],
    o: ["chợ xã", "khu dân cư mới", "đường trục thôn", "ngã ba trung tâm"],
    d: ["50 cm", "30 cm", "gần 1 m", "nhiều ngày"],
    a: ["Đề nghị nạo vét, cải tạo hệ thống thoát nước", "Kiến nghị làm thêm cống thoát nước"],
  },
  {
    cat: "do_thi_ha_tang",
    t: ["Lấn chiếm vỉa hè", "Đề nghị xử lý lấn chiếm lòng đường", "Họp chợ lấn chiếm lòng đường"],
    p: [
      "Các hộ kinh doanh lấn chiếm vỉa hè {o}, người đi bộ phải xuống lòng đường từ {d}",
      "Chợ tạm họp ngay trên {o} gây ùn tắc từ {d}",
      "Vật liệu xây dựng đổ trên {o} lấn chiếm lòng đường từ {d}",
    ],
    o: ROADS,
    d: MONTHS,
    a: ["Đề nghị lập lại trật tự", "Kiến nghị bố trí chợ đúng nơi quy định"],
  },
  // Electricity, water
  {
    cat: "dien_nuoc",
    t: ["Mất điện thường xuyên", "Điện yếu không đủ dùng", "Đề nghị nâng cấp lưới điện"],
    p: [
      "Thôn thường xuyên mất điện, điện áp yếu, {o} không hoạt động được từ {d}",
      "Trạm biến áp {o} quá tải, điện chập chờn từ {d}",
      "Đường dây điện {o} cũ, hay chập cháy từ {d}",
    ],
    o: ["máy bơm nước", "trạm biến áp thôn", "đường dây hạ thế", "tủ lạnh và quạt"],
    d: MONTHS,
    a: ["Đề nghị ngành điện nâng cấp trạm biến áp", "Kiến nghị cải tạo lưới điện hạ thế"],
  },
  {
    cat: "dien_nuoc",
    t: ["Chưa có điện lưới quốc gia", "Xin kéo điện lưới về thôn", "Các hộ chưa có điện"],
    p: [
      "Còn {d} hộ ở {o} chưa có điện lưới quốc gia",
      "{o} chưa được kéo điện, {d} hộ phải dùng máy phát",
      "Các hộ ở {o} (khoảng {d} hộ) phải câu nhờ điện rất xa",
    ],
    o: ["khu sản xuất", "xóm trong", "đảo", "bản vùng cao"],
    d: ["12", "25", "40", "18"],
    a: ["Đề nghị đầu tư kéo điện lưới", "Kiến nghị đưa vào chương trình cấp điện nông thôn"],
  },
  {
    cat: "dien_nuoc",
    t: ["Thiếu nước sinh hoạt", "Đề nghị cấp nước sạch", "Nước sinh hoạt không đảm bảo"],
    p: [
      "Mùa khô các hộ thiếu nước sinh hoạt, giếng cạn, phải đi lấy nước ở {o} cách {d}",
      "Công trình cấp nước tự chảy từ {o} bị hỏng, người dân thiếu nước {d}",
      "Nước máy từ {o} bị đục, có mùi, không đảm bảo vệ sinh {d}",
    ],
    o: STREAMS,
    d: ["1 km", "2 km", "nhiều tháng", "từ đầu năm"],
    a: ["Đề nghị đầu tư công trình nước sạch", "Kiến nghị sửa chữa công trình cấp nước"],
  },
  {
    cat: "dien_nuoc",
    t: ["Hóa đơn tiền điện tăng bất thường", "Giá điện cao bất thường", "Đề nghị kiểm tra công tơ điện"],
    p: [
      "Tiền điện {d} của nhiều hộ tăng gấp đôi dù sử dụng như cũ, nghi {o} chạy sai",
      "Các hộ phản ánh {o} ghi chỉ số không chính xác {d}",
      "Hóa đơn tiền điện {d} tăng bất thường, {o} chưa được kiểm định",
    ],
    o: ["công tơ điện", "công tơ điện tử", "nhân viên ghi điện"],
    d: MONTHS,
    a: ["Đề nghị ngành điện kiểm tra, giải thích", "Kiến nghị kiểm định lại công tơ"],
  },
  // Trade, food
  {
    cat: "cong_thuong_thi_truong",
    t: ["Chợ xuống cấp", "Đề nghị nâng cấp chợ", "Xin xây dựng chợ nông thôn"],
    p: [
      "{o} xuống cấp, mái tôn thủng, mưa dột từ {d}",
      "Chưa có {o}, người dân họp chợ tạm ven đường từ {d}",
      "{o} chật hẹp, không có nhà vệ sinh, rác thải từ {d}",
    ],
    o: ["chợ xã", "chợ trung tâm", "chợ phiên", "chợ nông thôn"],
    d: YEARS,
    a: ["Đề nghị đầu tư nâng cấp chợ", "Kiến nghị quy hoạch chợ mới"],
  },
  {
    cat: "cong_thuong_thi_truong",
    t: ["Hàng giả, hàng kém chất lượng", "Đề nghị kiểm tra hàng giả", "Phân bón giả bán tại địa phương"],
    p: [
      "Một số cửa hàng bán {o} giả, kém chất lượng cho người dân từ {d}",
      "Người dân mua phải {o} không rõ nguồn gốc, cây trồng bị chết {d}",
      "Xe bán hàng lưu động bán {o} giả mạo nhãn hiệu {d}",
    ],
    o: ["phân bón", "thuốc bảo vệ thực vật", "thức ăn chăn nuôi", "thuốc thú y"],
    d: MONTHS,
    a: ["Đề nghị quản lý thị trường kiểm tra", "Kiến nghị xử lý nghiêm cơ sở vi phạm"],
  },
  {
    cat: "an_toan_thuc_pham",
    t: ["Ngộ độc thực phẩm", "Đề nghị kiểm tra an toàn thực phẩm", "Bếp ăn không đảm bảo vệ sinh"],
    p: [
      "Nhiều học sinh bị đau bụng sau khi ăn tại {o} {d}",
      "{o} không đảm bảo vệ sinh an toàn thực phẩm {d}",
      "Cơ sở giết mổ gần {o} không qua kiểm dịch {d}",
    ],
    o: ["bếp ăn bán trú", "căng tin trường học", "quán ăn ven đường", "chợ xã"],
    d: MONTHS,
    a: ["Đề nghị kiểm tra, xử lý", "Kiến nghị tăng cường kiểm tra an toàn thực phẩm"],
  },
  // Health
  {
    cat: "y_te",
    t: ["Trạm y tế thiếu bác sĩ", "Đề nghị bổ sung y bác sĩ cho trạm y tế", "Trạm y tế xuống cấp"],
    p: [
      "{o} thiếu bác sĩ, thiếu thuốc, người dân phải đi xa khám bệnh từ {d}",
      "{o} xuống cấp, mưa dột, trang thiết bị hỏng từ {d}",
      "{o} không có bác sĩ trực đêm từ {d}",
    ],
    o: ["Trạm y tế xã", "Trạm y tế", "Phòng khám đa khoa khu vực"],
    d: YEARS,
    a: ["Đề nghị bổ sung bác sĩ, trang thiết bị", "Kiến nghị đầu tư sửa chữa trạm y tế"],
  },
  {
    cat: "y_te",
    t: [
      "Khó khăn khi khám chữa bệnh bằng bảo hiểm y tế",
      "Thẻ bảo hiểm y tế bị sai thông tin",
      "Đề nghị cấp thẻ BHYT",
    ],
    p: [
      "Nhiều người dân chưa được cấp thẻ bảo hiểm y tế theo {o} từ {d}",
      "Thẻ BHYT của người dân bị sai thông tin, đi khám không được thanh toán {d}",
      "Thuốc cấp theo BHYT tại {o} thiếu, người dân phải mua ngoài {d}",
    ],
    o: ["chính sách vùng khó khăn", "đối tượng hộ cận nghèo", "trạm y tế xã"],
    d: YEARS,
    a: ["Đề nghị cơ quan BHXH xem xét giải quyết", "Kiến nghị cấp lại thẻ BHYT đúng thông tin"],
  },
  {
    cat: "y_te",
    t: ["Dịch sốt xuất huyết", "Đề nghị phun thuốc diệt muỗi", "Muỗi nhiều, nguy cơ dịch bệnh"],
    p: [
      "Trong thôn đã có {d} ca sốt xuất huyết, muỗi nhiều ở {o}",
      "Nước đọng ở {o} làm muỗi sinh sôi, đã có {d} ca bệnh",
      "Dịch sốt xuất huyết xuất hiện tại {o} với {d} ca mắc",
    ],
    o: ["khu dân cư", "ven suối", "khu chợ", "xóm trong"],
    d: ["3", "5", "nhiều", "8"],
    a: ["Đề nghị phun thuốc diệt muỗi", "Kiến nghị y tế dự phòng vào cuộc"],
  },
  // Education
  {
    cat: "giao_duc",
    t: ["Phòng học xuống cấp", "Đề nghị xây thêm phòng học", "Trường học thiếu phòng học"],
    p: [
      "{o} có phòng học xuống cấp, tường nứt, mái dột từ {d}",
      "{o} thiếu phòng học, học sinh phải học nhờ nhà văn hóa từ {d}",
      "Nhà vệ sinh của {o} hỏng, không có nước từ {d}",
    ],
    o: SCHOOLS,
    d: YEARS,
    a: ["Đề nghị đầu tư sửa chữa, xây mới phòng học", "Kiến nghị bố trí kinh phí cho nhà trường"],
  },
  {
    cat: "giao_duc",
    t: ["Thiếu giáo viên", "Đề nghị bổ sung giáo viên", "Học sinh không có giáo viên tiếng Anh"],
    p: [
      "{o} thiếu giáo viên {d}, nhiều lớp phải ghép",
      "{o} không có giáo viên dạy {d} từ đầu năm học",
      "Giáo viên {d} của {o} phải dạy nhiều điểm trường",
    ],
    o: SCHOOLS,
    d: ["tiếng Anh", "tin học", "âm nhạc", "mầm non"],
    a: ["Đề nghị bổ sung giáo viên", "Kiến nghị điều động giáo viên"],
  },
  {
    cat: "giao_duc",
    t: [
      "Đề nghị hỗ trợ học sinh bán trú",
      "Chậm chi trả chế độ cho học sinh",
      "Tiền ăn bán trú chưa được cấp",
    ],
    p: [
      "Học sinh {o} chưa nhận được tiền hỗ trợ bán trú {d}",
      "Chế độ gạo hỗ trợ học sinh {o} về chậm {d}",
      "Học sinh dân tộc ở {o} chưa được hưởng chính sách hỗ trợ {d}",
    ],
    o: SCHOOLS,
    d: ["học kỳ I", "năm học này", "học kỳ II", "cả năm học trước"],
    a: ["Đề nghị chi trả kịp thời", "Kiến nghị giải quyết chế độ cho học sinh"],
  },
  {
    cat: "giao_duc",
    t: ["Sáp nhập điểm trường xa nhà", "Đề nghị giữ lại điểm trường", "Học sinh phải đi học xa"],
    p: [
      "Sau khi sáp nhập {o}, học sinh phải đi học xa {d}",
      "Việc dồn {o} về trung tâm khiến trẻ nhỏ phải đi {d}",
      "Điểm trường lẻ bị xóa, học sinh {o} phải đi bộ {d}",
    ],
    o: SCHOOLS,
    d: AMOUNTS,
    a: ["Đề nghị xem xét giữ lại điểm trường", "Kiến nghị bố trí xe đưa đón học sinh"],
  },
  // Labour, social
  {
    cat: "lao_dong_chinh_sach",
    t: [
      "Chế độ người có công chưa được giải quyết",
      "Đề nghị xác nhận người có công",
      "Hồ sơ liệt sĩ kéo dài",
    ],
    p: [
      "Hồ sơ đề nghị hưởng chế độ {o} nộp từ {d} đến nay chưa có kết quả",
      "Gia đình {o} chưa được hưởng trợ cấp từ {d}",
      "Việc xác nhận {o} bị kéo dài từ {d}",
    ],
    o: ["thương binh", "người nhiễm chất độc hóa học", "thân nhân liệt sĩ", "người có công với cách mạng"],
    d: YEARS,
    a: ["Đề nghị xem xét, giải quyết", "Kiến nghị đẩy nhanh hồ sơ"],
  },
  {
    cat: "lao_dong_chinh_sach",
    t: ["Đề nghị hỗ trợ việc làm", "Thiếu việc làm cho thanh niên", "Xin mở lớp dạy nghề"],
    p: [
      "Thanh niên trong thôn thiếu việc làm, nhiều người phải đi làm xa ở {o} từ {d}",
      "Lao động nông thôn chưa được học nghề {o} {d}",
      "Người lao động bị {o} nợ lương từ {d}",
    ],
    o: ["khu công nghiệp", "công ty may", "nghề may công nghiệp", "nghề sửa chữa máy nông nghiệp"],
    d: ["đầu năm", "năm nay", "nhiều năm", "tháng 3"],
    a: ["Đề nghị mở lớp đào tạo nghề", "Kiến nghị hỗ trợ giới thiệu việc làm"],
  },
  {
    cat: "an_sinh_xa_hoi",
    t: [
      "Bình xét hộ nghèo chưa chính xác",
      "Đề nghị rà soát hộ nghèo",
      "Hộ khó khăn không được công nhận hộ nghèo",
    ],
    p: [
      "Việc bình xét hộ nghèo {d} chưa công khai, một số {o} không được đưa vào danh sách",
      "Có {o} thực sự khó khăn nhưng không được công nhận hộ cận nghèo {d}",
      "Danh sách hộ nghèo {d} có {o} khá giả vẫn được hưởng",
    ],
    o: ["hộ già neo đơn", "hộ có người khuyết tật", "hộ", "gia đình"],
    d: ["năm nay", "năm 2024", "năm 2025", "đợt này"],
    a: ["Đề nghị rà soát lại danh sách", "Kiến nghị công khai kết quả bình xét"],
  },
  {
    cat: "an_sinh_xa_hoi",
    t: [
      "Chậm chi trả trợ cấp xã hội",
      "Đề nghị giải quyết trợ cấp cho người cao tuổi",
      "Trợ cấp người khuyết tật chưa được hưởng",
    ],
    p: [
      "{o} chưa nhận được trợ cấp xã hội {d}",
      "Hồ sơ trợ cấp cho {o} nộp từ {d} chưa được duyệt",
      "Tiền trợ cấp của {o} bị chậm {d}",
    ],
    o: ["người cao tuổi trên 80", "người khuyết tật nặng", "trẻ mồ côi", "người đơn thân nuôi con"],
    d: ["3 tháng nay", "từ đầu năm", "nhiều tháng", "quý này"],
    a: ["Đề nghị chi trả đầy đủ, kịp thời", "Kiến nghị xem xét giải quyết hồ sơ"],
  },
  {
    cat: "an_sinh_xa_hoi",
    t: ["Hỗ trợ xóa nhà tạm", "Đề nghị hỗ trợ làm nhà cho hộ nghèo", "Nhà dột nát cần hỗ trợ"],
    p: [
      "Còn {d} hộ đang ở {o} dột nát, chưa được hỗ trợ",
      "{o} của {d} hộ nghèo xuống cấp nghiêm trọng",
      "Chương trình xóa {o} chưa đến với {d} hộ",
    ],
    o: ["nhà tạm", "nhà tranh tre", "nhà gỗ", "nhà tạm bợ"],
    d: ["5", "7", "10", "3"],
    a: ["Đề nghị hỗ trợ kinh phí làm nhà", "Kiến nghị đưa vào chương trình xóa nhà tạm"],
  },
  {
    cat: "bao_hiem_xa_hoi",
    t: ["Chậm giải quyết bảo hiểm xã hội một lần", "Sổ BHXH bị gộp sai", "Doanh nghiệp nợ bảo hiểm xã hội"],
    p: [
      "Người lao động làm cho {o} bị nợ đóng BHXH từ {d}, không chốt được sổ",
      "Hồ sơ hưởng BHXH một lần nộp từ {d} chưa được giải quyết, do {o} chưa đóng đủ",
      "Quá trình đóng BHXH tại {o} bị ghi sai từ {d}",
    ],
    o: ["công ty than", "công ty may", "doanh nghiệp xây dựng", "công ty khai thác đá"],
    d: YEARS,
    a: ["Đề nghị cơ quan BHXH giải quyết", "Kiến nghị xử lý doanh nghiệp nợ bảo hiểm"],
  },
  {
    cat: "bao_hiem_xa_hoi",
    t: ["Lương hưu chậm điều chỉnh", "Đề nghị điều chỉnh lương hưu", "Chưa nhận được lương hưu"],
    p: [
      "Lương hưu của {o} chưa được điều chỉnh theo quy định từ {d}",
      "{o} chưa được nhận lương hưu tại bưu điện {d}",
      "Chế độ tử tuất của {o} chưa được giải quyết từ {d}",
    ],
    o: ["cán bộ xã nghỉ hưu", "người lao động nghỉ hưu", "cựu công nhân mỏ"],
    d: MONTHS,
    a: ["Đề nghị xem xét giải quyết", "Kiến nghị điều chỉnh kịp thời"],
  },
  // Finance
  {
    cat: "tai_chinh_thue_dau_tu",
    t: ["Thu các khoản đóng góp không đúng quy định", "Đề nghị công khai các khoản thu", "Lạm thu tại thôn"],
    p: [
      "Thôn thu {o} của các hộ {d} mà không công khai",
      "Người dân phải đóng {o} quá nhiều {d}",
      "Các khoản thu {o} {d} chưa được công khai chi tiêu",
    ],
    o: ["quỹ xây dựng đường", "quỹ an ninh", "tiền vệ sinh môi trường", "quỹ khuyến học"],
    d: ["năm nay", "năm 2024", "đầu năm", "đợt vừa qua"],
    a: ["Đề nghị công khai thu chi", "Kiến nghị kiểm tra việc thu các khoản đóng góp"],
  },
  {
    cat: "tai_chinh_thue_dau_tu",
    t: ["Công trình đầu tư công chậm tiến độ", "Đề nghị đẩy nhanh thi công", "Công trình bỏ dở nhiều năm"],
    p: [
      "{o} khởi công từ {d} đến nay vẫn dở dang",
      "Nhà thầu thi công {o} bỏ dở từ {d}",
      "{o} chậm tiến độ từ {d}, ảnh hưởng đi lại",
    ],
    o: ["nhà văn hóa thôn", "tuyến kè chống sạt lở", "công trình nước sạch", "trường mầm non"],
    d: YEARS,
    a: ["Đề nghị đẩy nhanh tiến độ", "Kiến nghị kiểm tra trách nhiệm nhà thầu"],
  },
  {
    cat: "tai_chinh_thue_dau_tu",
    t: ["Thuế đất tăng cao", "Đề nghị miễn giảm thuế sử dụng đất", "Tiền sử dụng đất quá cao"],
    p: [
      "Thuế sử dụng {o} {d} tăng cao so với trước",
      "Tiền sử dụng đất khi chuyển mục đích {o} {d} quá cao, người dân không đủ khả năng",
      "Thông báo thuế {o} {d} không rõ căn cứ",
    ],
    o: ["đất ở", "đất phi nông nghiệp", "đất vườn"],
    d: ["năm nay", "năm 2025", "theo bảng giá mới"],
    a: ["Đề nghị xem xét miễn giảm", "Kiến nghị giải thích căn cứ tính thuế"],
  },
  // Justice
  {
    cat: "tu_phap_ho_tich",
    t: [
      "Khó khăn khi làm khai sinh",
      "Đề nghị hướng dẫn đăng ký hộ tịch",
      "Sai thông tin trên giấy khai sinh",
    ],
    p: [
      "Người dân gặp khó khăn khi đăng ký {o} qua mạng từ {d}",
      "Thông tin trên {o} bị sai, sửa mất nhiều thời gian {d}",
      "Cán bộ tư pháp yêu cầu nhiều giấy tờ khi làm {o} {d}",
    ],
    o: ["khai sinh", "kết hôn", "khai tử", "chứng thực"],
    d: ["tháng này", "từ đầu năm", "nhiều lần", "năm nay"],
    a: ["Đề nghị hướng dẫn cụ thể", "Kiến nghị đơn giản hóa thủ tục"],
  },
  {
    cat: "tu_phap_ho_tich",
    t: ["Đề nghị hỗ trợ pháp lý", "Hòa giải ở cơ sở chưa hiệu quả", "Xin trợ giúp pháp lý miễn phí"],
    p: [
      "Người dân cần {o} nhưng không biết liên hệ ở đâu {d}",
      "Tổ hòa giải thôn chưa được tập huấn về {o} {d}",
      "Các hộ nghèo cần được {o} miễn phí {d}",
    ],
    o: ["trợ giúp pháp lý", "tư vấn pháp luật", "hòa giải tranh chấp"],
    d: ["năm nay", "từ lâu", "nhiều năm"],
    a: ["Đề nghị tổ chức trợ giúp pháp lý lưu động", "Kiến nghị tập huấn cho tổ hòa giải"],
  },
  // Security
  {
    cat: "an_ninh_trat_tu",
    t: ["Trộm cắp tài sản", "Tình hình trộm cắp gia tăng", "Đề nghị tăng cường tuần tra"],
    p: [
      "Thời gian gần đây xảy ra nhiều vụ trộm {o} vào ban đêm từ {d}",
      "Kẻ gian trộm {o} của người dân {d}",
      "Tình trạng mất trộm {o} diễn ra thường xuyên {d}",
    ],
    o: ["trâu bò", "xe máy", "gia cầm", "dây điện"],
    d: MONTHS,
    a: ["Đề nghị công an tăng cường tuần tra", "Kiến nghị điều tra, xử lý đối tượng"],
  },
  {
    cat: "an_ninh_trat_tu",
    t: ["Tệ nạn ma túy", "Đề nghị xử lý tụ điểm ma túy", "Cờ bạc, ma túy gần khu dân cư"],
    p: [
      "Có tụ điểm {o} tại khu vực gần {d}",
      "Đối tượng nghiện tụ tập tại {d}, gây mất an ninh, liên quan {o}",
      "Thanh niên tụ tập {o} gần {d} vào ban đêm",
    ],
    o: ["sử dụng ma túy", "cờ bạc", "đua xe", "đánh bạc"],
    d: ["nhà văn hóa thôn", "bãi sông", "khu rừng keo", "trường học"],
    a: ["Đề nghị công an triệt phá", "Kiến nghị tăng cường quản lý địa bàn"],
  },
  {
    cat: "an_ninh_trat_tu",
    t: ["Chậm cấp căn cước", "Đề nghị làm căn cước lưu động", "Khó khăn khi đăng ký cư trú"],
    p: [
      "Người già, trẻ em ở thôn đi làm {o} rất xa {d}",
      "Nhiều người đã làm {o} từ {d} chưa nhận được",
      "Thủ tục {o} qua mạng khó khăn với người dân {d}",
    ],
    o: ["căn cước", "định danh điện tử", "đăng ký thường trú", "đăng ký tạm trú"],
    d: ["tháng 4", "đầu năm", "nhiều tháng", "năm nay"],
    a: ["Đề nghị tổ chức làm căn cước lưu động", "Kiến nghị hỗ trợ người dân làm thủ tục"],
  },
  {
    cat: "an_ninh_trat_tu",
    t: ["Nguy cơ cháy rừng", "Đề nghị trang bị phương tiện chữa cháy", "Cháy nhà do chập điện"],
    p: [
      "Khu vực {o} thường xuyên xảy ra cháy vào mùa khô {d}",
      "Thôn chưa có phương tiện chữa cháy, {o} cháy {d} không dập kịp",
      "Vụ cháy {o} {d} thiệt hại lớn",
    ],
    o: ["rừng thông", "rừng keo", "nhà sàn", "kho chứa"],
    d: ["năm nay", "tháng 3", "năm ngoái", "mùa khô này"],
    a: ["Đề nghị trang bị phương tiện phòng cháy", "Kiến nghị hỗ trợ thiệt hại"],
  },
  // Culture
  {
    cat: "van_hoa_the_thao_du_lich",
    t: ["Nhà văn hóa thôn xuống cấp", "Đề nghị xây mới nhà văn hóa", "Thiếu sân thể thao"],
    p: [
      "{o} xây từ {d} nay xuống cấp, mái dột, không đủ chỗ họp",
      "Thôn chưa có {o}, sinh hoạt cộng đồng phải mượn nhà dân từ {d}",
      "{o} không có trang thiết bị từ {d}",
    ],
    o: ["Nhà văn hóa thôn", "sân thể thao", "khu vui chơi trẻ em", "nhà sinh hoạt cộng đồng"],
    d: YEARS,
    a: ["Đề nghị hỗ trợ kinh phí xây mới", "Kiến nghị sửa chữa, bổ sung trang thiết bị"],
  },
  {
    cat: "van_hoa_the_thao_du_lich",
    t: ["Di tích xuống cấp", "Đề nghị trùng tu di tích", "Bảo tồn lễ hội truyền thống"],
    p: [
      "{o} của xã bị xuống cấp, chưa được trùng tu từ {d}",
      "{o} bị lấn chiếm khuôn viên từ {d}",
      "Kinh phí tổ chức {o} chưa được hỗ trợ {d}",
    ],
    o: ["Đình làng", "Chùa cổ", "Miếu thờ", "Lễ hội truyền thống"],
    d: YEARS,
    a: ["Đề nghị trùng tu, tôn tạo", "Kiến nghị hỗ trợ bảo tồn"],
  },
  // Telecom
  {
    cat: "khcn_chuyen_doi_so",
    t: ["Sóng điện thoại yếu", "Đề nghị phủ sóng di động", "Không có sóng 4G"],
    p: [
      "Thôn chưa có sóng điện thoại di động ổn định, {o} không dùng được từ {d}",
      "Sóng 4G ở {o} rất yếu, học sinh không học trực tuyến được {d}",
      "Mất sóng điện thoại thường xuyên ở {o} {d}",
    ],
    o: ["khu sản xuất", "xóm trong", "điểm trường", "cả thôn"],
    d: ["năm nay", "nhiều năm", "từ lâu", "mùa mưa"],
    a: ["Đề nghị nhà mạng lắp trạm phát sóng", "Kiến nghị phủ sóng di động"],
  },
  {
    cat: "khcn_chuyen_doi_so",
    t: [
      "Khó khăn khi làm dịch vụ công trực tuyến",
      "Đề nghị hỗ trợ người dân chuyển đổi số",
      "Thiếu internet cáp quang",
    ],
    p: [
      "Người dân chưa biết sử dụng {o}, cần được hướng dẫn {d}",
      "Thôn chưa có {o}, hộ gia đình không lắp được {d}",
      "Cài đặt {o} gặp lỗi, không đăng nhập được {d}",
    ],
    o: ["dịch vụ công trực tuyến", "internet cáp quang", "ứng dụng VNeID", "thanh toán không dùng tiền mặt"],
    d: ["năm nay", "tháng này", "nhiều lần"],
    a: ["Đề nghị tổ công nghệ số cộng đồng hướng dẫn", "Kiến nghị kéo cáp quang về thôn"],
  },
  // Ethnic, religion
  {
    cat: "dan_toc_ton_giao",
    t: [
      "Chính sách hỗ trợ đồng bào dân tộc",
      "Đề nghị hỗ trợ theo chương trình dân tộc thiểu số",
      "Chậm triển khai chương trình mục tiêu quốc gia",
    ],
    p: [
      "Các hộ đồng bào dân tộc thiểu số chưa được hỗ trợ {o} theo chương trình {d}",
      "Dự án hỗ trợ {o} cho đồng bào chưa triển khai {d}",
      "Thôn thuộc vùng đặc biệt khó khăn nhưng chưa được hưởng hỗ trợ {o} {d}",
    ],
    o: ["đất sản xuất", "nước sinh hoạt phân tán", "nhà ở", "chuyển đổi nghề"],
    d: ["năm 2024", "năm 2025", "giai đoạn này"],
    a: ["Đề nghị sớm triển khai", "Kiến nghị xem xét đưa vào danh sách hỗ trợ"],
  },
  // Home affairs
  {
    cat: "noi_vu_bo_may",
    t: [
      "Phụ cấp cán bộ thôn thấp",
      "Đề nghị tăng phụ cấp người hoạt động không chuyên trách",
      "Sáp nhập thôn gây khó khăn",
    ],
    p: [
      "Phụ cấp của {o} quá thấp so với khối lượng công việc {d}",
      "Sau sáp nhập, {o} quá rộng, khó quản lý {d}",
      "Chế độ của {o} sau sắp xếp chưa được giải quyết {d}",
    ],
    o: ["trưởng thôn", "công an viên", "người hoạt động không chuyên trách", "thôn mới"],
    d: ["năm nay", "từ năm 2025", "hiện nay"],
    a: ["Đề nghị xem xét nâng mức phụ cấp", "Kiến nghị giải quyết chế độ"],
  },
  // Border
  {
    cat: "bien_gioi_doi_ngoai",
    t: ["Đề nghị hỗ trợ cư dân biên giới", "Đường tuần tra biên giới xuống cấp", "Buôn bán qua biên giới"],
    p: [
      "Cư dân sống gần {o} chưa được hỗ trợ theo chính sách {d}",
      "Đường ra {o} xuống cấp, đi lại khó khăn {d}",
      "Tình trạng vận chuyển hàng lậu qua {o} {d}",
    ],
    o: ["cửa khẩu Bắc Phong Sinh", "mốc biên giới", "đường biên", "cửa khẩu Hoành Mô"],
    d: ["năm nay", "gần đây", "nhiều năm"],
    a: ["Đề nghị xem xét hỗ trợ", "Kiến nghị tăng cường kiểm soát"],
  },
  // Administrative procedures
  {
    cat: "thu_tuc_hanh_chinh",
    t: ["Cán bộ gây phiền hà", "Thủ tục hành chính chậm trễ", "Đề nghị chấn chỉnh thái độ cán bộ"],
    p: [
      "Cán bộ {o} hẹn nhiều lần, gây phiền hà cho người dân {d}",
      "Hồ sơ nộp tại {o} bị trễ hẹn {d}",
      "Thái độ tiếp dân của cán bộ {o} chưa đúng mực {d}",
    ],
    o: ["bộ phận một cửa xã", "địa chính xã", "tư pháp xã"],
    d: ["tháng này", "nhiều lần", "gần đây"],
    a: ["Đề nghị chấn chỉnh", "Kiến nghị kiểm tra, xử lý cán bộ"],
  },
  {
    cat: "khieu_nai_to_cao",
    t: ["Khiếu nại quyết định thu hồi đất", "Tố cáo cán bộ thôn", "Đơn khiếu nại kéo dài"],
    p: [
      "Người dân khiếu nại quyết định liên quan {o} từ {d} chưa được giải quyết",
      "Tố cáo việc {o} có dấu hiệu sai phạm {d}",
      "Đơn khiếu nại về {o} gửi từ {d} chưa có trả lời",
    ],
    o: ["thu hồi đất", "chi quỹ thôn", "bình xét hộ nghèo", "cấp đất tái định cư"],
    d: YEARS,
    a: ["Đề nghị giải quyết theo quy định", "Kiến nghị xem xét khách quan"],
  },
  {
    cat: "khac",
    t: ["Kiến nghị khác của cử tri", "Đề nghị quan tâm đến đời sống nhân dân", "Ý kiến của nhân dân thôn"],
    p: [
      "Nhân dân mong muốn được quan tâm hơn về {o} {d}",
      "Cử tri đề nghị cải thiện {o} {d}",
      "Người dân phản ánh về {o} {d}",
    ],
    o: [
      "đời sống văn hóa",
      "công tác tiếp dân",
      "việc thông tin tuyên truyền",
      "hoạt động của loa truyền thanh",
    ],
    d: ["năm nay", "thời gian tới", "hiện nay"],
    a: ["Đề nghị các cấp quan tâm", "Kiến nghị xem xét"],
  },
];

const OPENINGS = [
  "Nhân dân thôn {v} phản ánh:",
  "Cử tri thôn {v} kiến nghị:",
  "Thay mặt bà con thôn {v}, tôi xin phản ánh:",
  "Tại cuộc họp thôn {v}, nhiều hộ dân ý kiến:",
  "Thôn {v} xin báo cáo:",
  "",
  "",
];
const IMPACTS = [
  "Ảnh hưởng lớn đến sản xuất và đời sống của nhân dân.",
  "Người dân rất bức xúc.",
  "Học sinh đi học gặp nhiều khó khăn.",
  "Đã nhiều lần phản ánh nhưng chưa được giải quyết.",
  "Tình trạng này kéo dài, gây mất an toàn.",
  "Bà con mong được quan tâm sớm.",
  "Các hộ dân đã tự khắc phục tạm thời nhưng không hiệu quả.",
  "",
];
const ASKS = [
  "Đề nghị UBND xã và các cơ quan chức năng xem xét giải quyết.",
  "Kính đề nghị cấp trên quan tâm.",
  "Rất mong các cấp có thẩm quyền sớm giải quyết.",
  "",
];

const fill = (s: string, o: string, d: string, v: string) =>
  s.replaceAll("{o}", o).replaceAll("{d}", d).replaceAll("{v}", v);

const capitalise = (s: string) => (s ? (s[0] as string).toUpperCase() + s.slice(1) : s);

/** One concrete issue: a template with its object and detail. */
export type Issue = { template: number; o: string; d: string };

export function randomIssue(r: () => number, template?: number): Issue {
  const ti = template ?? Math.floor(r() * TEMPLATES.length);
  const t = TEMPLATES[ti] as Template;
  return { template: ti, o: pick(r, t.o), d: pick(r, t.d) };
}

/** A petition about `issue`, written by a village in its own words. */
export function writePetition(
  r: () => number,
  issue: Issue,
  village: string,
): { title: string; body: string } {
  const t = TEMPLATES[issue.template] as Template;
  const title = capitalise(fill(pick(r, t.t), issue.o, issue.d, village));
  const parts = [
    fill(pick(r, OPENINGS), issue.o, issue.d, village),
    `${capitalise(fill(pick(r, t.p), issue.o, issue.d, village))}.`,
    pick(r, IMPACTS),
    r() < 0.5 ? `${fill(pick(r, t.a), issue.o, issue.d, village)}.` : "",
    pick(r, ASKS),
  ].filter(Boolean);
  return { title: title.slice(0, 200), body: parts.join(" ") };
}
