import { toLocalDate } from "../../platform/calendar/index.ts";
import { type CommandContext, runCommand } from "../../platform/commands.ts";
import { storeFile } from "../../platform/files/store.ts";
import { insertArticle } from "./commands/articleRows.ts";
import { demoCoverPng } from "./demoImage.ts";

type DemoArticle = {
  title: string;
  summary: string;
  body: string;
  category: string;
  tags: string[];
  caption: string;
  daysAgo: number;
  /** How many readers a day, roughly, for the demo's "most viewed". */
  popularity: number;
};

// Written for this demo: the places are real communes of Quảng Ninh, the events and people are invented.
const ARTICLES: DemoArticle[] = [
  {
    title:
      "Hội nghị đối thoại với 436 bí thư chi bộ, trưởng thôn: 52 kiến nghị được trả lời ngay tại hội trường",
    summary:
      "Lãnh đạo tỉnh và các sở, ngành nghe trực tiếp tiếng nói cơ sở; những việc chưa trả lời được giao hạn cụ thể.",
    body: `<p>Sáng nay, tại Trung tâm Hội nghị tỉnh, lãnh đạo tỉnh đã chủ trì hội nghị đối thoại với 436 đồng chí bí thư chi bộ kiêm trưởng thôn, bản, khu phố đến từ 54 xã, phường, đặc khu.</p>
<h2>Hỏi thẳng, trả lời thẳng</h2>
<p>Trong gần bốn giờ, các đại biểu nêu 87 ý kiến, tập trung vào đường giao thông nông thôn, đất đai, nước sạch và chế độ cho người làm công tác ở thôn. 52 ý kiến được giám đốc các sở trả lời ngay tại hội trường.</p>
<blockquote>Việc nào trả lời được hôm nay thì trả lời hôm nay; việc nào cần thời gian thì phải có hạn và có người chịu trách nhiệm.</blockquote>
<p>35 ý kiến còn lại được giao cho các cơ quan với thời hạn từ 15 đến 45 ngày làm việc; tiến độ được công khai trên trang <a href="/cong-khai">Công khai</a> của Cầu Nối.</p>`,
    category: "doi-thoai",
    tags: ["đối thoại", "trưởng thôn"],
    caption: "Toàn cảnh hội nghị đối thoại (ảnh minh hoạ)",
    daysAgo: 2,
    popularity: 40,
  },
  {
    title: "Bản Khe Lạc có đường bê tông sau ba năm kiến nghị",
    summary: "Tuyến đường 3,2 km nối bản với trung tâm xã hoàn thành, học sinh không còn lội bùn đến trường.",
    body: `<p>Sau ba năm được trưởng bản nêu ở các kỳ họp, tuyến đường từ bản Khe Lạc ra trung tâm xã Tiên Yên đã được bê tông hoá toàn bộ 3,2 km.</p>
<p>Kinh phí gồm vốn của tỉnh và gần 400 ngày công do bà con trong bản góp. Trước đây, mỗi mùa mưa, xe máy không đi được, học sinh phải đi bộ vòng qua đồi.</p>
<ul><li>Chiều dài: 3,2 km, mặt đường rộng 3,5 m</li><li>Thời gian thi công: 5 tháng</li><li>Hộ được hưởng lợi: 126 hộ</li></ul>`,
    category: "ha-tang",
    tags: ["giao thông", "nông thôn mới"],
    caption: "Tuyến đường mới vào bản (ảnh minh hoạ)",
    daysAgo: 5,
    popularity: 55,
  },
  {
    title: "Sở Nông nghiệp và Môi trường trả lời kiến nghị về nước tưới vụ đông",
    summary: "Hai trạm bơm được sửa trước ngày 15 tháng 12; 14 thôn cùng nêu một vấn đề được trả lời chung.",
    body: `<p>Kiến nghị về thiếu nước tưới vụ đông do 14 thôn của ba xã cùng nêu đã được gộp thành một nhóm và giao Sở Nông nghiệp và Môi trường trả lời.</p>
<p>Theo văn bản trả lời, hai trạm bơm hư hỏng sẽ được sửa xong trước ngày 15/12; trong thời gian chờ, công ty thuỷ lợi điều tiết nước luân phiên theo lịch gửi về từng thôn.</p>
<p>Trưởng các thôn đã xác nhận nhận được trả lời và sẽ báo lại ý kiến của bà con sau khi trạm bơm hoạt động.</p>`,
    category: "kien-nghi",
    tags: ["thuỷ lợi", "trả lời kiến nghị"],
    caption: "Kênh tưới nội đồng (ảnh minh hoạ)",
    daysAgo: 8,
    popularity: 25,
  },
  {
    title: "Tập huấn kỹ năng cho 120 trưởng thôn mới: ghi nhận kiến nghị ngay trên điện thoại",
    summary:
      "Lớp học hai ngày hướng dẫn ghi kiến nghị, chụp ảnh hiện trường và theo dõi trả lời trên Cầu Nối.",
    body: `<p>120 trưởng thôn, bản, khu phố mới được bầu đã tham gia lớp tập huấn hai ngày về công tác dân vận và cách dùng Cầu Nối.</p>
<h3>Học bằng việc thật</h3>
<p>Mỗi học viên tự ghi một kiến nghị mẫu trên điện thoại của mình, kể cả khi tắt mạng, rồi gửi lại khi có sóng. Giảng viên hướng dẫn cách ghi rõ số hộ, địa điểm và ảnh chụp để cơ quan giải quyết nhanh hơn.</p>
<p>Cuối khoá, 114 học viên đạt yêu cầu bài kiểm tra; những người chưa đạt được học lại vào tháng sau.</p>`,
    category: "tap-huan",
    tags: ["tập huấn", "trưởng thôn"],
    caption: "Học viên thực hành trên điện thoại (ảnh minh hoạ)",
    daysAgo: 11,
    popularity: 18,
  },
  {
    title: "Chỉ đạo của tỉnh về phòng chống rét cho gia súc đã đến 100% thôn, bản vùng cao",
    summary:
      "Trưởng thôn báo cáo đã phổ biến qua họp thôn, loa truyền thanh và nhóm Zalo; hơn 9.000 hộ được thông tin.",
    body: `<p>Chỉ năm ngày sau khi văn bản được ban hành, tất cả các thôn, bản vùng cao đã xác nhận nhận được hướng dẫn phòng chống rét cho trâu, bò.</p>
<p>Các trưởng thôn báo lại cách phổ biến: họp thôn, loa truyền thanh, nhóm Zalo của thôn. Tổng cộng hơn 9.000 hộ được thông tin; nhiều nơi đề nghị hỗ trợ bạt che chuồng, đề nghị này đã được chuyển thành kiến nghị để xem xét.</p>`,
    category: "chi-dao",
    tags: ["chăn nuôi", "phổ biến"],
    caption: "Chuồng trại được che chắn trước đợt rét (ảnh minh hoạ)",
    daysAgo: 14,
    popularity: 12,
  },
  {
    title: "Khu phố 3 tự quản vệ sinh môi trường: mỗi tuần một buổi sáng chung tay",
    summary: "Sáng kiến của khu phố được nhân rộng ra sáu khu phố khác của phường.",
    body: `<p>Từ đầu năm, khu phố 3 duy trì buổi tổng vệ sinh vào sáng Chủ nhật đầu tiên của mỗi tháng, sau đó tăng lên mỗi tuần một buổi theo đề nghị của chính người dân.</p>
<p>Rác được phân loại tại nhà; tiền bán phế liệu dùng để mua cây xanh trồng dọc ngõ. Mô hình đã được phường nhân rộng ra sáu khu phố khác.</p>`,
    category: "doi-song",
    tags: ["môi trường", "tự quản"],
    caption: "Người dân khu phố trồng cây dọc ngõ (ảnh minh hoạ)",
    daysAgo: 17,
    popularity: 9,
  },
  {
    title: "Công khai tiến độ 35 cam kết sau hội nghị đối thoại",
    summary: "Người dân theo dõi từng việc đã giao: ai làm, hạn nào, đã làm đến đâu.",
    body: `<p>Sau hội nghị đối thoại, 35 việc chưa trả lời được tại hội trường đã trở thành cam kết có người chịu trách nhiệm và thời hạn.</p>
<p>Đến nay 12 việc đã xong, 19 việc đang làm đúng hạn, 4 việc chậm và đã được nhắc. Mọi người có thể xem tiến độ tại mục <strong>Cam kết sau đối thoại</strong> của trang Công khai.</p>`,
    category: "doi-thoai",
    tags: ["cam kết", "công khai"],
    caption: "Bảng theo dõi cam kết (ảnh minh hoạ)",
    daysAgo: 20,
    popularity: 20,
  },
  {
    title: "Trường mầm non thôn Đồng Cầu có thêm hai phòng học",
    summary: "Kiến nghị của thôn về lớp học tạm được giải quyết trước năm học mới.",
    body: `<p>Hai phòng học kiên cố thay cho lớp học tạm bằng tôn đã được bàn giao cho điểm trường mầm non thôn Đồng Cầu.</p>
<p>Đây là kiến nghị trưởng thôn nêu từ hội nghị thôn đầu năm. Công trình hoàn thành trước khai giảng, 46 cháu đã vào học ở phòng mới.</p>`,
    category: "ha-tang",
    tags: ["giáo dục", "trường học"],
    caption: "Phòng học mới của điểm trường (ảnh minh hoạ)",
    daysAgo: 24,
    popularity: 15,
  },
  {
    title: "Giải đáp về cấp giấy chứng nhận quyền sử dụng đất cho hộ ở đất giáp ranh",
    summary: "Nhiều thôn cùng hỏi; cơ quan chuyên môn hướng dẫn hồ sơ và thời gian giải quyết.",
    body: `<p>Câu hỏi về cấp giấy chứng nhận cho các hộ ở đất giáp ranh giữa hai xã cũ được 23 thôn cùng nêu sau khi sắp xếp đơn vị hành chính.</p>
<h3>Cần chuẩn bị gì</h3>
<ol><li>Đơn đề nghị theo mẫu</li><li>Giấy tờ về nguồn gốc đất (nếu có)</li><li>Xác nhận của trưởng thôn về thời gian sử dụng ổn định</li></ol>
<p>Hồ sơ nộp tại bộ phận một cửa của xã; thời hạn giải quyết theo quy định hiện hành.</p>`,
    category: "kien-nghi",
    tags: ["đất đai", "hướng dẫn"],
    caption: "Bộ phận một cửa của xã (ảnh minh hoạ)",
    daysAgo: 28,
    popularity: 30,
  },
  {
    title: "Phụ cấp cho người hoạt động không chuyên trách ở thôn: tỉnh trả lời kiến nghị",
    summary: "Mức hỗ trợ mới áp dụng từ quý tới; kiến nghị vượt thẩm quyền đã được tổng hợp gửi Trung ương.",
    body: `<p>Kiến nghị về mức phụ cấp cho người hoạt động không chuyên trách ở thôn được nhiều đại biểu nêu tại hội nghị đối thoại.</p>
<p>Tỉnh đã điều chỉnh phần hỗ trợ thuộc thẩm quyền của tỉnh, áp dụng từ quý tới. Nội dung thuộc thẩm quyền của Trung ương đã được đưa vào báo cáo tổng hợp kiến nghị gửi các bộ, ngành.</p>`,
    category: "kien-nghi",
    tags: ["chế độ chính sách", "trưởng thôn"],
    caption: "Đại biểu phát biểu tại hội nghị (ảnh minh hoạ)",
    daysAgo: 33,
    popularity: 22,
  },
  {
    title: "Lớp bồi dưỡng về hoà giải ở cơ sở cho trưởng thôn hai xã biên giới",
    summary: "Tình huống thực tế, đóng vai và chia sẻ kinh nghiệm giữa các trưởng thôn lâu năm và người mới.",
    body: `<p>Hơn 60 trưởng thôn, bản của hai xã biên giới đã dự lớp bồi dưỡng một ngày về hoà giải ở cơ sở.</p>
<p>Học viên được thực hành qua các tình huống tranh chấp ranh đất, lối đi chung và mâu thuẫn trong gia đình. Những trưởng thôn nhiều năm kinh nghiệm chia sẻ cách giữ hoà khí mà vẫn đúng pháp luật.</p>`,
    category: "tap-huan",
    tags: ["hoà giải", "biên giới"],
    caption: "Học viên đóng vai xử lý tình huống (ảnh minh hoạ)",
    daysAgo: 38,
    popularity: 7,
  },
  {
    title: "Thôn Nà Làng đón nước sạch về từng nhà",
    summary:
      "Công trình cấp nước tập trung phục vụ 210 hộ, đúng như cam kết tại hội nghị đối thoại năm trước.",
    body: `<p>Công trình cấp nước sinh hoạt tập trung của thôn Nà Làng đã đưa nước sạch về 210 hộ dân.</p>
<p>Tại hội nghị đối thoại năm trước, trưởng thôn nêu việc bà con phải dùng nước giếng bị nhiễm phèn; công trình được đưa vào danh mục cam kết và hoàn thành sớm hơn hạn một tháng.</p>
<p>Tổ quản lý do thôn bầu sẽ thu phí vận hành theo mức bà con đã thống nhất tại họp thôn.</p>`,
    category: "ha-tang",
    tags: ["nước sạch", "cam kết"],
    caption: "Bể chứa của công trình cấp nước (ảnh minh hoạ)",
    daysAgo: 45,
    popularity: 11,
  },
];

const PALETTE: Record<string, [[number, number, number], [number, number, number]]> = {
  "doi-thoai": [
    [90, 140, 200],
    [60, 120, 70],
  ],
  "ha-tang": [
    [120, 170, 220],
    [80, 140, 60],
  ],
  "kien-nghi": [
    [150, 170, 200],
    [70, 110, 90],
  ],
  "tap-huan": [
    [200, 170, 120],
    [90, 130, 80],
  ],
  "chi-dao": [
    [170, 180, 200],
    [60, 100, 60],
  ],
  "doi-song": [
    [130, 190, 210],
    [100, 150, 70],
  ],
};

const FEEDBACK: { article: number; name: string; text: string; email: string | null }[] = [
  {
    article: 1,
    name: "Hoàng Văn Thắng",
    text: "Mong hội nghị được tổ chức đều đặn mỗi năm, để ý kiến của thôn vùng cao được nghe trực tiếp.",
    email: null,
  },
  {
    article: 1,
    name: "Chị Mai (Đầm Hà)",
    text: "Việc công khai tiến độ từng cam kết là rất tốt, bà con tôi theo dõi được.",
    email: null,
  },
  {
    article: 2,
    name: "Lý A Sáng",
    text: "Cảm ơn tỉnh. Con đường này bà con mong từ lâu, giờ xe chở hàng vào được bản rồi.",
    email: null,
  },
  {
    article: 3,
    name: "Nguyễn Thị Hoa",
    text: "Thôn tôi cũng thiếu nước như vậy, mong được đưa vào lịch điều tiết.",
    email: "hoa.demo@example.vn",
  },
];

/** A dozen articles written for the demo, with covers, a month of views and a little readers' feedback. */
export async function seedNewsDemo(ctx: CommandContext): Promise<number> {
  const { rows } = await ctx.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM news_articles");
  if ((rows[0]?.n ?? 0) > 0) return 0;
  const editor = await ctx.pool.query<{ id: number }>(
    "SELECT id::int FROM users WHERE username = 'demo-editor'",
  );
  const authorId = editor.rows[0]?.id ?? null;
  const now = ctx.clock.now();
  return runCommand(ctx, "demo.seed_news", async (client) => {
    const ids: number[] = [];
    for (const a of ARTICLES) {
      const [sky, hill] = PALETTE[a.category] ?? [
        [120, 160, 210],
        [80, 130, 70],
      ];
      const cover = await storeFile(client, demoCoverPng(sky, hill), ["photo"]);
      await client.query(
        "INSERT INTO news_images (key, mime, uploaded_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        [cover.key, cover.mime, authorId],
      );
      const published = new Date(now.getTime() - a.daysAgo * 86_400_000 - 3 * 3_600_000);
      const { id } = await insertArticle(
        client,
        {
          title: a.title,
          summary: a.summary,
          bodyHtml: a.body,
          category: a.category,
          tags: a.tags,
          coverKey: cover.key,
          coverCaption: a.caption,
          dialogueId: null,
          directiveId: null,
          clusterId: null,
        },
        authorId,
        published,
      );
      await client.query("UPDATE news_articles SET state = 'published', published_at = $2 WHERE id = $1", [
        id,
        published,
      ]);
      ids.push(id);
      // a month of readers, fading after publication; the last week is kept quiet so that a handful of
      // readers of a new article visibly put it first (what the demo and the browser journey show)
      const days: string[] = [];
      const counts: number[] = [];
      for (let d = 0; d <= Math.min(a.daysAgo, 40); d++) {
        const n =
          d < 7 ? (d % 3 === 1 ? 1 : 0) : Math.round((a.popularity * 6) / (1 + (a.daysAgo - d) * 0.4));
        if (n > 0) {
          days.push(toLocalDate(new Date(now.getTime() - d * 86_400_000)));
          counts.push(n);
        }
      }
      await client.query(
        `INSERT INTO news_view_days (article_id, day, count) SELECT $1, * FROM unnest($2::date[], $3::int[])
         ON CONFLICT (article_id, day) DO UPDATE SET count = news_view_days.count + EXCLUDED.count`,
        [id, days, counts],
      );
    }
    for (const [i, f] of FEEDBACK.entries())
      await client.query(
        `INSERT INTO news_feedback (article_id, name, email, body_text, state, submission_key, ip_hash, created_at, moderated_at)
         VALUES ($1, $2, $3, $4, 'approved', $5, 'demo', $6, $6)`,
        [ids[f.article - 1], f.name, f.email, f.text, `demo-${i}`, now],
      );
    return {
      result: ids.length,
      subjectType: "news_article",
      subjectId: null,
      after: { demoArticles: ids.length },
    };
  });
}
