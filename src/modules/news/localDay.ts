const FMT = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day in Việt Nam (yyyy-mm-dd) of an instant: views are bucketed by the reader's local day. */
export function localDateOf(d: Date): string {
  return FMT.format(d);
}
