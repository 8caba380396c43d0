/**
 * Dates between Sheets and Excel. A Sheets date is an instant whose wall clock is in the
 * spreadsheet's time zone, while an Excel date is a bare wall clock (exceljs hands it over
 * as a Date whose UTC fields are that wall clock). So a date is written as its wall clock in
 * the spreadsheet's zone and read back as the instant of that wall clock in the zone,
 * whatever the machine's zone.
 */
import { wallTime, zoneOffsetMinutes } from '../../domain/dates';

/** The instant as a Date whose UTC fields are its wall clock in `timeZone` (what Excel stores). */
export function toExcelDate(instant: Date, timeZone: string): Date {
  const w = wallTime(instant, timeZone);
  return new Date(
    Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, instant.getUTCMilliseconds()),
  );
}

/** The instant whose wall clock in `timeZone` is the UTC fields of `excel`. */
export function fromExcelDate(excel: Date, timeZone: string): Date {
  const guess = excel.getTime();
  // Excel keeps milliseconds only as a float of days: round to the second like Sheets shows.
  const rounded = Math.round(guess / 1000) * 1000;
  let t = rounded - zoneOffsetMinutes(new Date(rounded), timeZone) * 60_000;
  t = rounded - zoneOffsetMinutes(new Date(t), timeZone) * 60_000;
  return new Date(t);
}
