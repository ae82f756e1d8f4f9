// Plausible demo villages (thôn, bản, khu phố, tổ dân phố) for a province's communes.
// Villages are in no official list; a real deployment imports the province's spreadsheet.
// Deterministic: everything comes from a seeded PRNG, never Math.random.

import type { CommuneType, LineageLink } from "./officialUnits.ts";
import { fold } from "./text.ts";
import { type VillageType, villageCode } from "./villageTypes.ts";

export interface DemoCommuneInput {
  readonly code: string;
  readonly type: CommuneType;
}

export interface DemoVillage {
  /** `${communeCode}-${nnn}`, e.g. "06652-007". */
  readonly code: string;
  readonly communeCode: string;
  readonly name: string;
  readonly type: VillageType;
  readonly headName: string;
  readonly headGender: "male" | "female";
  /** Vietnamese mobile number, 10 digits, e.g. "0912345678". */
  readonly phone: string;
}

/**
 * Quảng Ninh's highland communes with Tày, Nùng, Dao, Sán Chỉ villages (the old districts of
 * Bình Liêu, Ba Chẽ, Tiên Yên, Hải Hà, Đầm Hà, and Hải Sơn on the Móng Cái border): some of
 * their villages are called "Bản …".
 */
export const QUANG_NINH_HIGHLAND_COMMUNES: ReadonlySet<string> = new Set([
  "06838", // Bình Liêu
  "06841", // Hoành Mô
  "06856", // Lục Hồn
  "06862", // Tiên Yên
  "06874", // Điền Xá
  "06877", // Đông Ngũ
  "06886", // Hải Lạng
  "06895", // Đầm Hà
  "06913", // Quảng Tân
  "06931", // Quảng Đức
  "06946", // Đường Hoa
  "06978", // Ba Chẽ
  "06979", // Kỳ Thượng
  "06985", // Lương Minh
  "06724", // Hải Sơn
]);

/** Quảng Ninh's island units, which have fewer villages for their size. */
export const QUANG_NINH_ISLAND_COMMUNES: ReadonlySet<string> = new Set([
  "06994", // Đặc khu Vân Đồn
  "07192", // Đặc khu Cô Tô
  "06967", // Xã Cái Chiên
  "06706", // Phường Tuần Châu
]);

export interface DemoVillageOptions {
  readonly seed: number | string;
  /** Total number of villages; default 1,452 (Quảng Ninh). */
  readonly total?: number;
  /** Fewest villages per commune; default 5. */
  readonly minPerCommune?: number;
  /** Lineage, to size communes by how many old communes formed them (optional). */
  readonly lineage?: readonly LineageLink[];
  readonly highlandCommunes?: ReadonlySet<string>;
  readonly islandCommunes?: ReadonlySet<string>;
}

/**
 * Generates `total` villages spread across `communes` (every commune gets at least
 * `minPerCommune`; wards and large merged communes more, islands fewer). Same seed, same output.
 */
export function generateDemoVillages(
  communes: readonly DemoCommuneInput[],
  options: DemoVillageOptions,
): DemoVillage[] {
  const total = options.total ?? 1452;
  const min = options.minPerCommune ?? 5;
  const highland = options.highlandCommunes ?? QUANG_NINH_HIGHLAND_COMMUNES;
  const islands = options.islandCommunes ?? QUANG_NINH_ISLAND_COMMUNES;
  const sorted = [...communes].sort((a, b) => a.code.localeCompare(b.code));
  if (new Set(sorted.map((c) => c.code)).size !== sorted.length) {
    throw new RangeError("duplicate commune codes");
  }
  if (!Number.isInteger(total) || total < min * sorted.length) {
    throw new RangeError(`total ${total} is below ${min} villages for each of ${sorted.length} communes`);
  }
  if (sorted.length === 0) return [];

  const rng = createRng(options.seed);
  const predecessors = new Map<string, number>();
  for (const link of options.lineage ?? []) {
    predecessors.set(link.newCode, (predecessors.get(link.newCode) ?? 0) + 1);
  }

  const weights = sorted.map((c) => {
    const base = c.type === "phuong" ? 1.5 : c.type === "dac_khu" ? 1.1 : 1;
    const formedFrom = predecessors.get(c.code) ?? 2;
    const island = islands.has(c.code) ? 0.4 : 1;
    return base * formedFrom ** 0.8 * island * (0.75 + 0.5 * rng.next());
  });
  const counts = allocate(weights, total - min * sorted.length).map((n) => n + min);

  const phones = new Set<string>();
  const villages: DemoVillage[] = [];
  sorted.forEach((commune, i) => {
    const count = counts[i] ?? min;
    const names = villageNames(commune, count, highland.has(commune.code), rng);
    names.forEach(({ name, type }, j) => {
      const ethnic = type === "ban" || (highland.has(commune.code) && rng.next() < 0.35);
      const head = personName(rng, ethnic);
      villages.push({
        code: villageCode(commune.code, j + 1),
        communeCode: commune.code,
        name,
        type,
        headName: head.name,
        headGender: head.gender,
        phone: mobilePhone(rng, phones),
      });
    });
  });
  return villages;
}

/** Largest-remainder split of `amount` proportionally to `weights`. */
function allocate(weights: readonly number[], amount: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (amount * w) / sum);
  const counts = exact.map((x) => Math.floor(x));
  let left = amount - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Names

const PLACE_FIRST = [
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Tân",
  "Yên",
  "Hồng",
  "Hải",
  "Quang",
  "Minh",
  "Bình",
  "Thành",
  "Hòa",
  "Vĩnh",
  "Phú",
  "An",
  "Đồng",
  "Cao",
  "Hạ",
  "Thượng",
  "Trung",
  "Long",
  "Xuân",
  "Thanh",
  "Kim",
  "Mỹ",
  "Đức",
  "Hợp",
];
const PLACE_SECOND = [
  "Mai",
  "Tiến",
  "Phong",
  "Hải",
  "Sơn",
  "Lâm",
  "Hưng",
  "Thịnh",
  "Lợi",
  "Thắng",
  "Lạc",
  "An",
  "Bình",
  "Hòa",
  "Xuân",
  "Long",
  "Tân",
  "Trung",
  "Thành",
  "Minh",
  "Quang",
  "Vinh",
  "Yên",
  "Khê",
  "Lộc",
  "Phúc",
  "Nhất",
  "Tiền",
];
const RURAL_FIRST = [
  "Đồng",
  "Khe",
  "Bãi",
  "Làng",
  "Trại",
  "Cống",
  "Đầm",
  "Bến",
  "Gốc",
  "Cầu",
  "Yên",
  "Tân",
  "Thượng",
  "Hạ",
  "Trung",
  "Đông",
  "Tây",
  "Nam",
  "An",
  "Phú",
  "Vĩnh",
  "Hợp",
  "Đình",
  "Xuân",
];
const RURAL_SECOND = [
  "Cao",
  "Mới",
  "Cát",
  "Thị",
  "Ngọc",
  "Mai",
  "Tâm",
  "Sen",
  "Dừa",
  "Gạo",
  "Đá",
  "Vàng",
  "Trong",
  "Ngoài",
  "Tiến",
  "Thành",
  "Hòa",
  "Lộc",
  "Bình",
  "Sơn",
  "Lâm",
  "Hải",
  "Thắng",
  "Đồn",
  "Chanh",
  "Tre",
];
/** Names of the kind found in Tày, Nùng and Dao villages of Quảng Ninh's uplands. */
const BAN_NAMED = ["Khe Tâm", "Nà Làng", "Khe Mạ", "Lục Ngù", "Nà Sìn", "Pắc Pò", "Phai Làu", "Ngàn Chi"];
const BAN_FIRST = ["Nà", "Khe", "Pắc", "Pò", "Lục", "Phai", "Ngàn", "Cốc", "Khuổi", "Pạc", "Tầm"];
const BAN_SECOND = [
  "Làng",
  "Tâm",
  "Sìn",
  "Mạ",
  "Ngù",
  "Moc",
  "Héo",
  "Văn",
  "Chi",
  "Lầu",
  "Áng",
  "Ngái",
  "Pá",
  "Vàng",
  "Hăn",
  "Lạn",
  "Sài",
  "Mằn",
  "Cáy",
  "Dạ",
  "Tẩu",
  "Sú",
  "Luông",
  "Liềng",
  "Phìn",
  "Ké",
];

interface NamedVillage {
  name: string;
  type: VillageType;
}

function villageNames(commune: DemoCommuneInput, count: number, highland: boolean, rng: Rng): NamedVillage[] {
  const used = new Set<string>();
  const out: NamedVillage[] = [];
  const push = (name: string, type: VillageType): boolean => {
    const key = fold(name);
    if (used.has(key)) return false;
    used.add(key);
    out.push({ name, type });
    return true;
  };
  // Named prefixes: "Khu Đồng Mai", "Thôn Khe Cát", "Bản Nà Làng". Falls back to numbers when
  // the random draws keep colliding (cannot loop forever).
  const named = (prefix: string, first: readonly string[], second: readonly string[], type: VillageType) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const a = rng.pick(first);
      const b = rng.pick(second);
      if (a === b) continue;
      if (push(`${prefix} ${a} ${b}`, type)) return;
    }
    for (let n = 1; ; n++) if (push(`${prefix} ${n}`, type)) return;
  };
  const counters = new Map<string, number>();
  const numbered = (prefix: string, type: VillageType) => {
    for (let n = (counters.get(prefix) ?? 0) + 1; ; n++) {
      if (push(`${prefix} ${n}`, type)) {
        counters.set(prefix, n);
        return;
      }
    }
  };

  const style = rng.next();
  // A highland commune uses a few of the well-known upland names, then combines syllables.
  const fixedBan = rng.shuffle(BAN_NAMED).slice(0, 3);
  for (let i = 0; i < count; i++) {
    if (commune.type === "phuong") {
      if (style < 0.45) numbered("Tổ dân phố", "to_dan_pho");
      else if (style < 0.75) numbered("Khu phố", "khu_pho");
      else named("Khu", PLACE_FIRST, PLACE_SECOND, "khu_pho");
    } else if (commune.type === "dac_khu") {
      if (rng.next() < 0.25) numbered("Khu", "khu_pho");
      else named("Thôn", RURAL_FIRST, RURAL_SECOND, "thon");
    } else if (highland && rng.next() < 0.45) {
      const fixed = fixedBan.shift();
      if (fixed === undefined || !push(`Bản ${fixed}`, "ban")) named("Bản", BAN_FIRST, BAN_SECOND, "ban");
    } else if (style < 0.3) {
      numbered("Thôn", "thon");
    } else {
      named("Thôn", RURAL_FIRST, RURAL_SECOND, "thon");
    }
  }
  return out;
}

const KINH_FAMILY: readonly (readonly [string, number])[] = [
  ["Nguyễn", 31],
  ["Trần", 11],
  ["Lê", 9],
  ["Phạm", 7],
  ["Hoàng", 5],
  ["Vũ", 5],
  ["Phan", 3],
  ["Đỗ", 4],
  ["Bùi", 4],
  ["Đặng", 3],
  ["Ngô", 2],
  ["Dương", 2],
  ["Đinh", 2],
  ["Lương", 1],
  ["Lý", 1],
  ["Mai", 1],
  ["Tô", 1],
  ["Đào", 1],
  ["Vương", 1],
  ["Trịnh", 1],
];
const UPLAND_FAMILY: readonly (readonly [string, number])[] = [
  ["Hoàng", 5],
  ["Nông", 4],
  ["Lục", 3],
  ["Chíu", 2],
  ["Bàn", 3],
  ["Triệu", 3],
  ["Lý", 3],
  ["Đặng", 2],
  ["Vi", 2],
  ["Sằm", 1],
  ["La", 1],
  ["Tằng", 1],
  ["Voòng", 1],
  ["Lỷ", 1],
  ["Dương", 2],
];
const MALE_MIDDLE: readonly (readonly [string, number])[] = [
  ["Văn", 14],
  ["Đức", 3],
  ["Minh", 3],
  ["Quang", 2],
  ["Hữu", 2],
  ["Xuân", 2],
  ["Thanh", 2],
  ["Công", 2],
  ["Đình", 2],
  ["Ngọc", 1],
  ["Tiến", 1],
];
const FEMALE_MIDDLE: readonly (readonly [string, number])[] = [
  ["Thị", 14],
  ["Thu", 2],
  ["Ngọc", 2],
  ["Thanh", 2],
  ["Minh", 1],
  ["Hồng", 2],
  ["Kim", 1],
  ["Phương", 1],
];
const MALE_GIVEN = [
  "Hùng",
  "Dũng",
  "Tuấn",
  "Minh",
  "Hải",
  "Nam",
  "Thắng",
  "Long",
  "Sơn",
  "Bình",
  "Cường",
  "Hưng",
  "Quân",
  "Toàn",
  "Tùng",
  "Thành",
  "Trung",
  "Đông",
  "Khánh",
  "Phúc",
  "Lâm",
  "Huy",
  "Vinh",
  "Lợi",
  "Hòa",
  "Tiến",
  "Kiên",
  "Chiến",
  "Thịnh",
  "Định",
  "Quyết",
  "Mạnh",
];
const UPLAND_MALE_GIVEN = ["Vần", "Sáng", "Quý", "Sinh", "Pẩu", "Seo", "Lềnh", "Sài"];
const FEMALE_GIVEN = [
  "Lan",
  "Hương",
  "Hoa",
  "Mai",
  "Hằng",
  "Thủy",
  "Nga",
  "Huyền",
  "Trang",
  "Liên",
  "Hạnh",
  "Yến",
  "Oanh",
  "Thảo",
  "Dung",
  "Nhung",
  "Loan",
  "Phương",
  "Hà",
  "Linh",
];

function personName(rng: Rng, upland: boolean): { name: string; gender: "male" | "female" } {
  // Most village heads are men; a sizeable minority are women.
  const gender = rng.next() < 0.78 ? "male" : "female";
  const family = rng.weighted(upland && rng.next() < 0.8 ? UPLAND_FAMILY : KINH_FAMILY);
  const middle = rng.weighted(gender === "male" ? MALE_MIDDLE : FEMALE_MIDDLE);
  let given = middle;
  while (given === middle) {
    given =
      gender === "female"
        ? rng.pick(FEMALE_GIVEN)
        : upland && rng.next() < 0.2
          ? rng.pick(UPLAND_MALE_GIVEN)
          : rng.pick(MALE_GIVEN);
  }
  return { name: `${family} ${middle} ${given}`, gender };
}

/** Mobile prefixes in use (Viettel, VinaPhone, MobiFone, Vietnamobile, Gmobile). */
const MOBILE_PREFIXES = [
  "032",
  "033",
  "034",
  "035",
  "036",
  "037",
  "038",
  "039",
  "086",
  "096",
  "097",
  "098",
  "081",
  "082",
  "083",
  "084",
  "085",
  "088",
  "091",
  "094",
  "070",
  "076",
  "077",
  "078",
  "079",
  "089",
  "090",
  "093",
  "052",
  "056",
  "058",
  "092",
  "059",
  "099",
];

function mobilePhone(rng: Rng, used: Set<string>): string {
  for (;;) {
    let phone = rng.pick(MOBILE_PREFIXES);
    for (let i = 0; i < 7; i++) phone += String(rng.int(10));
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32 seeded through FNV-1a of the seed's text)

interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

function createRng(seed: number | string): Rng {
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  let state = h >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)];
      if (item === undefined) throw new RangeError("pick from an empty list");
      return item;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const sum = items.reduce((a, [, w]) => a + w, 0);
      let r = next() * sum;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new RangeError("weighted pick from an empty list");
      return last[0];
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const a = out[i] as T;
        out[i] = out[j] as T;
        out[j] = a;
      }
      return out;
    },
  };
}
