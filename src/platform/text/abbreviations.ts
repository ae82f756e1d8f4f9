/**
 * Abbreviations of Vietnamese administrative writing, as editable data, and the expander built from it.
 *
 * Matching is case- and diacritic-insensitive and on word boundaries: "UBND", "ubnd", "Ubnd" all expand;
 * "GCN QSDĐ", "GCN QSDD", "gcn-qsdđ" and "GCNQSDĐ" all give "giấy chứng nhận quyền sử dụng đất". A form
 * may span several words; the longest form wins. Words are runs of letters, so a number glued to an
 * abbreviation is kept apart ("QL18" → "quốc lộ 18").
 *
 * Only forms that are not also ordinary Vietnamese syllables belong here ("CA" for công an would also
 * match "cá"): expansion is case-insensitive by design, so that "ubnd" typed on a phone still matches.
 * Changing this dictionary changes the near-duplicate features: re-index after an edit.
 */

import { foldLower, foldLowerAligned, toNfc } from "./chars.ts";

export interface AbbreviationEntry {
  /** Written forms (any case, with or without diacritics); several words allowed: "GCN QSDĐ". */
  readonly forms: readonly string[];
  /** The full Vietnamese wording, with diacritics. */
  readonly expansion: string;
}

export const ABBREVIATIONS: readonly AbbreviationEntry[] = [
  // Government and organisations
  { forms: ["UBND"], expansion: "ủy ban nhân dân" },
  { forms: ["HĐND"], expansion: "hội đồng nhân dân" },
  { forms: ["UBMTTQ"], expansion: "ủy ban mặt trận tổ quốc" },
  { forms: ["MTTQ"], expansion: "mặt trận tổ quốc" },
  { forms: ["BCĐ"], expansion: "ban chỉ đạo" },
  { forms: ["BQL"], expansion: "ban quản lý" },
  { forms: ["HTX"], expansion: "hợp tác xã" },
  { forms: ["CBCC"], expansion: "cán bộ công chức" },
  { forms: ["CSGT"], expansion: "cảnh sát giao thông" },
  { forms: ["PCCC"], expansion: "phòng cháy chữa cháy" },
  { forms: ["NN&PTNT", "NNPTNT"], expansion: "nông nghiệp và phát triển nông thôn" },
  { forms: ["TN&MT", "TNMT"], expansion: "tài nguyên và môi trường" },
  { forms: ["NN&MT"], expansion: "nông nghiệp và môi trường" },
  { forms: ["GTVT"], expansion: "giao thông vận tải" },
  { forms: ["TT&TT", "TTTT"], expansion: "thông tin và truyền thông" },
  { forms: ["LĐTB&XH", "LĐTBXH"], expansion: "lao động thương binh và xã hội" },
  { forms: ["GD&ĐT", "GDĐT"], expansion: "giáo dục và đào tạo" },
  { forms: ["KH&CN", "KHCN"], expansion: "khoa học và công nghệ" },
  { forms: ["VH-TT&DL", "VHTTDL"], expansion: "văn hóa thể thao và du lịch" },
  // Places and roads
  { forms: ["TP"], expansion: "thành phố" },
  { forms: ["TX"], expansion: "thị xã" },
  { forms: ["TDP"], expansion: "tổ dân phố" },
  { forms: ["KCN"], expansion: "khu công nghiệp" },
  { forms: ["CCN"], expansion: "cụm công nghiệp" },
  { forms: ["KDC"], expansion: "khu dân cư" },
  { forms: ["KTĐC"], expansion: "khu tái định cư" },
  { forms: ["QL"], expansion: "quốc lộ" },
  { forms: ["TL"], expansion: "tỉnh lộ" },
  // Land
  { forms: ["GCN QSDĐ", "GCNQSDĐ", "GCN QSD đất"], expansion: "giấy chứng nhận quyền sử dụng đất" },
  { forms: ["GCN"], expansion: "giấy chứng nhận" },
  { forms: ["QSDĐ"], expansion: "quyền sử dụng đất" },
  { forms: ["QSD"], expansion: "quyền sử dụng" },
  { forms: ["GPMB"], expansion: "giải phóng mặt bằng" },
  { forms: ["TĐC"], expansion: "tái định cư" },
  { forms: ["BTHT", "BT-HT"], expansion: "bồi thường hỗ trợ" },
  { forms: ["GPXD"], expansion: "giấy phép xây dựng" },
  // Social insurance, health, education
  { forms: ["BHYT"], expansion: "bảo hiểm y tế" },
  { forms: ["BHXH"], expansion: "bảo hiểm xã hội" },
  { forms: ["BHTN"], expansion: "bảo hiểm thất nghiệp" },
  { forms: ["THCS"], expansion: "trung học cơ sở" },
  { forms: ["THPT"], expansion: "trung học phổ thông" },
  { forms: ["CCCD"], expansion: "căn cước công dân" },
  { forms: ["CMND"], expansion: "chứng minh nhân dân" },
  { forms: ["DTTS"], expansion: "dân tộc thiểu số" },
  { forms: ["ĐBKK"], expansion: "đặc biệt khó khăn" },
  // Programmes, environment, safety
  { forms: ["NTM"], expansion: "nông thôn mới" },
  { forms: ["ATGT"], expansion: "an toàn giao thông" },
  { forms: ["VSMT"], expansion: "vệ sinh môi trường" },
  { forms: ["VSATTP"], expansion: "vệ sinh an toàn thực phẩm" },
  { forms: ["BĐKH"], expansion: "biến đổi khí hậu" },
  { forms: ["ĐTM"], expansion: "đánh giá tác động môi trường" },
  { forms: ["KT-XH", "KTXH"], expansion: "kinh tế xã hội" },
  { forms: ["CNTT"], expansion: "công nghệ thông tin" },
  { forms: ["NSNN"], expansion: "ngân sách nhà nước" },
];

/** Expands abbreviations in a text. */
export interface Expander {
  /** Abbreviations replaced by their expansion (lower case); everything else unchanged. */
  expand(text: string): string;
  /** `foldLower(expand(text))`, faster: unaccented, lower case, abbreviations expanded. */
  expandFolded(text: string): string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  expansion: string | undefined;
}

// A word for matching: a run of letters (with their combining marks). Digits and punctuation separate.
const LETTER_RUN_RE = /[\p{L}\p{M}]+/gu;
const ALNUM_RE = /[\p{L}\p{M}\p{N}]/u;

/** The matching key of a word: folded, lower case. */
function key(word: string): string {
  return foldLower(word);
}

function formKeys(form: string): string[] {
  return Array.from(toNfc(form).matchAll(LETTER_RUN_RE), (m) => key(m[0]));
}

/**
 * Builds an expander from a dictionary (the built-in one or an administrator's edited copy).
 * Throws on a form with no letters or on two entries claiming the same form with different expansions.
 */
export function buildExpander(entries: readonly AbbreviationEntry[]): Expander {
  const root: TrieNode = { next: new Map(), expansion: undefined };
  for (const entry of entries) {
    const expansion = toNfc(entry.expansion).trim().toLowerCase();
    for (const form of entry.forms) {
      const keys = formKeys(form);
      if (keys.length === 0) throw new Error(`abbreviation form without letters: ${JSON.stringify(form)}`);
      let node = root;
      for (const k of keys) {
        let child = node.next.get(k);
        if (child === undefined) {
          child = { next: new Map(), expansion: undefined };
          node.next.set(k, child);
        }
        node = child;
      }
      if (node.expansion !== undefined && node.expansion !== expansion) {
        throw new Error(`abbreviation ${JSON.stringify(form)} has two expansions`);
      }
      node.expansion = expansion;
    }
  }

  interface Word {
    start: number;
    end: number;
    key: string;
  }
  interface Hit {
    first: Word;
    last: Word;
    expansion: string;
    folded: string;
  }
  const foldedExpansions = new Map<string, string>();
  const foldedExpansion = (e: string): string => {
    let f = foldedExpansions.get(e);
    if (f === undefined) {
      f = foldLower(e);
      foldedExpansions.set(e, f);
    }
    return f;
  };

  // Longest matches, left to right. Words of a form may be separated by anything but a digit.
  const findHits = (text: string, folded: string | null): Hit[] => {
    const words: Word[] = [];
    for (const m of (folded ?? text).matchAll(LETTER_RUN_RE)) {
      words.push({ start: m.index, end: m.index + m[0].length, key: folded === null ? key(m[0]) : m[0] });
    }
    const hits: Hit[] = [];
    let i = 0;
    while (i < words.length) {
      let node: TrieNode | undefined = root.next.get((words[i] as Word).key);
      let best = -1;
      let bestExpansion = "";
      for (let j = i; node !== undefined; ) {
        if (node.expansion !== undefined) {
          best = j;
          bestExpansion = node.expansion;
        }
        j++;
        const w = words[j];
        if (w === undefined || /\p{N}/u.test(text.slice((words[j - 1] as Word).end, w.start))) break;
        node = node.next.get(w.key);
      }
      if (best < 0) {
        i++;
        continue;
      }
      hits.push({
        first: words[i] as Word,
        last: words[best] as Word,
        expansion: bestExpansion,
        folded: foldedExpansion(bestExpansion),
      });
      i = best + 1;
    }
    return hits;
  };

  // Splices the hits into `base` (the text or its aligned folded form), spacing them off glued words.
  const splice = (text: string, base: string, hits: readonly Hit[], pick: (h: Hit) => string): string => {
    let out = "";
    let copied = 0;
    for (const h of hits) {
      const before = text[h.first.start - 1];
      const after = text[h.last.end];
      out += base.slice(copied, h.first.start);
      out += before !== undefined && ALNUM_RE.test(before) ? " " : "";
      out += pick(h);
      out += after !== undefined && ALNUM_RE.test(after) ? " " : "";
      copied = h.last.end;
    }
    return out + base.slice(copied);
  };

  return {
    expand(text) {
      const hits = findHits(text, foldLowerAligned(text));
      return hits.length === 0 ? text : splice(text, text, hits, (h) => h.expansion);
    },
    expandFolded(text) {
      const folded = foldLowerAligned(text);
      if (folded === null) return foldLower(this.expand(text));
      const hits = findHits(text, folded);
      return hits.length === 0 ? folded : splice(text, folded, hits, (h) => h.folded);
    },
  };
}

export const DEFAULT_EXPANDER: Expander = buildExpander(ABBREVIATIONS);
