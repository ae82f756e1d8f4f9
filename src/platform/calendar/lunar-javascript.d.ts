/**
 * Minimal typings for the parts of lunar-javascript 1.7.7 used here (the package ships none).
 *
 * ShouXingUtil is the library's astronomy (寿星天文历): times are in days from J2000.0 (TT) and
 * angles in radians. Its Chinese-calendar classes (Solar, Lunar) reckon days at UTC+08:00, which
 * is why lunar.ts only borrows the astronomy; tests use Solar/Lunar as a cross-check.
 */
declare module "lunar-javascript" {
  interface ShouXingUtil {
    /** Time (Julian centuries from J2000.0, TT) when the Moon–Sun elongation reaches `w` radians (2πk = k-th new moon). */
    msaLonT(w: number): number;
    /** Time (Julian centuries from J2000.0, TT) when the Sun's apparent longitude reaches `w` radians. */
    saLonT(w: number): number;
    /** ΔT (TT − UT) in days at `t` days from J2000.0. */
    dtT(t: number): number;
  }

  interface SolarDate {
    toYmd(): string;
    getLunar(): LunarDate;
  }

  interface LunarDate {
    getYear(): number;
    /** Negative for a leap month. */
    getMonth(): number;
    getDay(): number;
    getSolar(): SolarDate;
  }

  interface LunarJs {
    ShouXingUtil: ShouXingUtil;
    Solar: { fromYmd(year: number, month: number, day: number): SolarDate };
    Lunar: { fromYmd(lunarYear: number, lunarMonth: number, lunarDay: number): LunarDate };
  }

  const lunarJs: LunarJs;
  export = lunarJs;
}
