import type { Catalogs } from "../../platform/i18n/i18n.ts";

export const clusterMessages: Catalogs = {
  vi: {
    "clusters.similar.title": "Kiến nghị tương tự từ các thôn khác",
    "clusters.similar.none": "Chưa thấy kiến nghị nào tương tự.",
    "clusters.similar.score": "giống {pct}%",
    "clusters.link.join": "Gộp vào nhóm của kiến nghị này",
    "clusters.link.create": "Gộp thành nhóm trùng",
    "clusters.view": "Xem nhóm kiến nghị trùng",
    "clusters.memberNote":
      "Kiến nghị này cùng nội dung với kiến nghị của các thôn khác và được giải quyết chung: khi có trả lời, thôn sẽ nhận được và tự xác nhận.",
    "clusters.title": "Nhóm kiến nghị trùng ({villages} thôn)",
    "clusters.raisedBy": "Được {villages} thôn, {communes} xã cùng kiến nghị",
    "clusters.households": "{n} hộ liên quan",
    "clusters.leadState": "kiến nghị đại diện: {state}",
    "clusters.followsLead":
      "Các kiến nghị trong nhóm đi theo kiến nghị đại diện: khi kiến nghị đại diện được trả lời, mọi thôn trong nhóm nhận được trả lời và tự xác nhận.",
    "clusters.members": "Các kiến nghị trong nhóm",
    "clusters.select": "Chọn",
    "clusters.selectOne": "Chọn {code}",
    "clusters.lead": "Đại diện",
    "clusters.col.petition": "Kiến nghị",
    "clusters.col.village": "Thôn, xã",
    "clusters.col.state": "Trạng thái",
    "clusters.col.submitted": "Ngày gửi",
    "clusters.unlink": "Tách các kiến nghị đã chọn (xử lý riêng)",
    "clusters.split": "Tách thành nhóm mới",
    "clusters.mergeFrom": "Gộp nhóm khác vào nhóm này (số nhóm)",
    "clusters.merge": "Gộp nhóm",
    "clusters.done.linked": "Đã gộp kiến nghị vào nhóm.",
    "clusters.done.unlinked": "Đã tách kiến nghị khỏi nhóm.",
    "clusters.done.split": "Đã tách thành nhóm mới.",
    "clusters.done.merged": "Đã gộp hai nhóm.",
    "clusters.error.fromRequired": "Vui lòng nhập số của nhóm cần gộp.",
    // --- "Thôn tôi cũng vậy" (issue 4: the village head joins a similar petition; a person confirms) ---
    "petitions.join.button": "Thôn tôi cũng vậy",
    "petitions.join.hint":
      "Nếu thôn cũng gặp đúng vấn đề này, bấm «Thôn tôi cũng vậy»: kiến nghị của thôn được gửi kèm lời báo cùng vấn đề, điều phối viên xác nhận để gộp và thôn nhận được trả lời chung. Nếu khác, cứ gửi như thường.",
    "petitions.join.body": "Thôn cũng gặp vấn đề như kiến nghị {code}: «{title}».",
    "petitions.join.error.gone":
      "Không tìm thấy kiến nghị đã chọn. Vui lòng kiểm tra lại kiến nghị tương tự hoặc gửi như thường.",
    "petitions.join.heading": "Báo cùng vấn đề",
    "petitions.join.claimOfficer": "Thôn báo cùng vấn đề với {code}:",
    "petitions.join.claimHead":
      "Thôn đã báo cùng vấn đề với kiến nghị {code}. Điều phối viên sẽ xem và gộp để thôn nhận được trả lời chung.",
    "petitions.join.claimHeadLinked":
      "Thôn đã báo cùng vấn đề với kiến nghị {code} và đã được gộp vào nhóm: khi có trả lời, thôn sẽ nhận được.",
    "petitions.join.linked": "đã gộp vào nhóm",
    "petitions.join.waiting": "chờ xác nhận",
    "petitions.join.confirm": "Xác nhận, gộp vào nhóm của {code}",
    "petitions.join.joiners": "{n} thôn khác báo cùng vấn đề với kiến nghị này:",
    "petitions.join.claimedTag": "Thôn báo cùng vấn đề",
    "petitions.join.receiptHeading": "Kiến nghị tương tự đã có",
    "petitions.done.joined":
      "Đã gửi kiến nghị và báo cùng vấn đề. Điều phối viên sẽ xác nhận để thôn nhận được trả lời chung.",
    "action.join_claim": "Báo cùng vấn đề với kiến nghị khác",
  },
  en: {
    "clusters.similar.title": "Similar petitions from other villages",
    "clusters.similar.none": "No similar petition found.",
    "clusters.similar.score": "{pct}% alike",
    "clusters.link.join": "Join this petition's cluster",
    "clusters.link.create": "Make a cluster with it",
    "clusters.view": "View the cluster",
    "clusters.memberNote":
      "This petition raises the same issue as other villages' and is handled with them: when it is answered, your village gets the answer and confirms it.",
    "clusters.title": "Cluster of near-duplicate petitions ({villages} villages)",
    "clusters.raisedBy": "Raised by {villages} villages in {communes} communes",
    "clusters.households": "{n} households concerned",
    "clusters.leadState": "lead petition: {state}",
    "clusters.followsLead":
      "Members follow the lead: when the lead is answered, every village in the cluster gets the answer and confirms it.",
    "clusters.members": "Petitions in the cluster",
    "clusters.select": "Select",
    "clusters.selectOne": "Select {code}",
    "clusters.lead": "Lead",
    "clusters.col.petition": "Petition",
    "clusters.col.village": "Village, commune",
    "clusters.col.state": "State",
    "clusters.col.submitted": "Submitted",
    "clusters.unlink": "Take the selected out (handle separately)",
    "clusters.split": "Split into a new cluster",
    "clusters.mergeFrom": "Merge another cluster into this one (cluster number)",
    "clusters.merge": "Merge",
    "clusters.done.linked": "Petition added to the cluster.",
    "clusters.done.unlinked": "Taken out of the cluster.",
    "clusters.done.split": "Split into a new cluster.",
    "clusters.done.merged": "Clusters merged.",
    "clusters.error.fromRequired": "Please give the number of the cluster to merge.",
    // --- "Thôn tôi cũng vậy" (issue 4: the village head joins a similar petition; a person confirms) ---
    "petitions.join.button": "My village too",
    "petitions.join.hint":
      "If your village has exactly this problem, press «My village too»: your petition is sent saying it is the same issue, a coordinator confirms the merge and your village gets the shared answer. If it is different, just submit.",
    "petitions.join.body": "Our village has the same problem as petition {code}: «{title}».",
    "petitions.join.error.gone":
      "The chosen petition was not found. Please check the similar petitions again or just submit.",
    "petitions.join.heading": "Same issue",
    "petitions.join.claimOfficer": "The village reports the same issue as {code}:",
    "petitions.join.claimHead":
      "Your village reported the same issue as petition {code}. A coordinator will confirm it so that you get the shared answer.",
    "petitions.join.claimHeadLinked":
      "Your village reported the same issue as petition {code} and it was merged into its cluster: you will get the answer.",
    "petitions.join.linked": "merged into its cluster",
    "petitions.join.waiting": "awaiting confirmation",
    "petitions.join.confirm": "Confirm: merge into {code}'s cluster",
    "petitions.join.joiners": "{n} other villages report the same issue as this petition:",
    "petitions.join.claimedTag": "Village reports same issue",
    "petitions.join.receiptHeading": "Similar petitions already raised",
    "petitions.done.joined":
      "Petition sent as the same issue. A coordinator will confirm it so that your village gets the shared answer.",
    "action.join_claim": "Reported the same issue as another petition",
  },
};
