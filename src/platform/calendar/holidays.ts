/**
 * Vietnam's statutory public holidays (Labour Code 2019, Art. 112), used to seed the admin-edited
 * `calendar_entries` table. They are defaults only: each year the government also announces the
 * exact Tết days, the day adjacent to Quốc khánh and any swaps, which admins enter as entries.
 */
import type { CalendarEntry } from "./calendar.ts";
import { addDays, isWeekend, type LocalDate, localDate } from "./localDate.ts";
import { lunarNewYear, lunarToSolar, solarToLunar } from "./lunar.ts";

interface Holiday {
  date: LocalDate;
  nameVi: string;
  nameEn: string;
  /** Tết days are arranged by the government each year and get no automatic day in lieu. */
  compensable: boolean;
}

/**
 * The default holidays of Gregorian year `year` (1900–2199), sorted by date:
 *
 * - Tết Dương lịch, 1/1;
 * - Tết Nguyên đán, 5 days: the last day of the lunar year (the 29th or 30th of month 12,
 *   whichever the month has) and days 1–4 of month 1 — by default, the government may shift them;
 * - Giỗ Tổ Hùng Vương, 10/3 of the lunar calendar;
 * - Ngày Chiến thắng 30/4 and Ngày Quốc tế Lao động 1/5;
 * - Quốc khánh 2/9 and one adjacent day, by default 1/9.
 *
 * A holiday other than Tết that falls on a Saturday or Sunday gets a `compensatory` day off on the
 * next weekday that is not already a holiday or a day in lieu (Art. 112(3)); e.g. 30/4 on a
 * Saturday and 1/5 on a Sunday give Monday 2/5 and Tuesday 3/5.
 */
export function defaultHolidays(year: number): CalendarEntry[] {
  const tet = lunarNewYear(year);
  const eve = addDays(tet, -1);
  // 29 or 30: the last day of month 12 (or of a leap month 12, which then ends the year).
  const eveDay = solarToLunar(eve).day;

  const holidays: Holiday[] = [
    { date: localDate(year, 1, 1), nameVi: "Tết Dương lịch", nameEn: "New Year's Day", compensable: true },
    {
      date: eve,
      nameVi: `Tết Nguyên đán (${eveDay} tháng Chạp)`,
      nameEn: "Lunar New Year (Tết): New Year's Eve",
      compensable: false,
    },
    ...[1, 2, 3, 4].map((n) => ({
      date: addDays(tet, n - 1),
      nameVi: `Tết Nguyên đán (mùng ${n} tháng Giêng)`,
      nameEn: `Lunar New Year (Tết): day ${n}`,
      compensable: false,
    })),
    {
      date: lunarToSolar(year, 3, 10),
      nameVi: "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
      nameEn: "Hung Kings' Commemoration Day (10th day of the 3rd lunar month)",
      compensable: true,
    },
    {
      date: localDate(year, 4, 30),
      nameVi: "Ngày Chiến thắng (30/4)",
      nameEn: "Reunification Day (30 April)",
      compensable: true,
    },
    {
      date: localDate(year, 5, 1),
      nameVi: "Ngày Quốc tế Lao động (1/5)",
      nameEn: "International Labour Day (1 May)",
      compensable: true,
    },
    {
      date: localDate(year, 9, 1),
      nameVi: "Quốc khánh (ngày liền kề 1/9)",
      nameEn: "National Day holiday (1 September)",
      compensable: true,
    },
    {
      date: localDate(year, 9, 2),
      nameVi: "Quốc khánh (2/9)",
      nameEn: "National Day (2 September)",
      compensable: true,
    },
  ];
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const taken = new Set<LocalDate>(holidays.map((h) => h.date));
  const entries: CalendarEntry[] = holidays.map(({ date, nameVi, nameEn }) => ({
    date,
    kind: "holiday",
    nameVi,
    nameEn,
  }));
  for (const h of holidays) {
    if (!h.compensable || !isWeekend(h.date)) continue;
    let day = addDays(h.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    entries.push({
      date: day,
      kind: "compensatory",
      nameVi: `Nghỉ bù ${h.nameVi}`,
      nameEn: `Compensatory day off for ${h.nameEn}`,
    });
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return entries;
}
