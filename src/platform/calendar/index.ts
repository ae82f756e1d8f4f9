/** Working-day calendar for Asia/Ho_Chi_Minh: civil dates, the lunar calendar, holidays and deadlines. Pure, no I/O. */
export {
  buildCalendar,
  CALENDAR_ENTRY_KINDS,
  type Calendar,
  type CalendarEntry,
  type CalendarEntryInput,
  type CalendarEntryKind,
  type CalendarIssue,
  type CalendarIssueCode,
  type DayStatus,
  dayStatus,
  entriesOn,
  validateEntries,
} from "./calendar.ts";
export { defaultHolidays } from "./holidays.ts";
export {
  addDays,
  daysBetween,
  isLocalDate,
  isWeekend,
  type LocalDate,
  localDate,
  localDateTimeToInstant,
  parseLocalDate,
  toLocalDate,
  VN_UTC_OFFSET_MINUTES,
  type Weekday,
  weekday,
} from "./localDate.ts";
export {
  type LunarDate,
  lunarMonthLength,
  lunarNewYear,
  lunarToSolar,
  MAX_LUNAR_YEAR,
  MIN_LUNAR_YEAR,
  solarToLunar,
} from "./lunar.ts";
export {
  addWorkingDays,
  addWorkingHours,
  type DeadlineRule,
  type DeadlineUnit,
  deadlineFor,
  END_OF_WORKING_DAY,
  isWorkingDay,
  nextWorkingDay,
  OFFICE_HOURS,
  workingDayOnOrAfter,
  workingDaysBetween,
  workingHoursBetween,
} from "./workingDays.ts";
