/**
 * Conformance: Utilities.formatDate, which formats with Java SimpleDateFormat patterns
 * (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 * — "format: a format per the SimpleDateFormat specification";
 * https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html).
 */
import { describe, expect, it } from 'vitest';
import { run, workbook } from './fixture';

const U = () => run(workbook().google).g.Utilities;
const at = new Date('2026-03-15T06:30:05.042Z'); // Sunday; 14:30 in Shanghai, 02:30 in New York (EDT)

describe('Utilities.formatDate', () => {
  it("'yyyy-MM-dd HH:mm' in Asia/Shanghai and America/New_York", () => {
    expect(U().formatDate(at, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm')).toBe('2026-03-15 14:30');
    expect(U().formatDate(at, 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe('2026-03-15 02:30');
    expect(U().formatDate(at, 'Asia/Shanghai', 'yy/M/d H:m:s.SSS')).toBe('26/3/15 14:30:5.042');
  });

  // SimpleDateFormat: E = day name (3 letters or fewer: short form), MMM = short month, MMMM
  // = full month, d = day without padding, h/a = 12-hour clock.
  it("'EEE, d MMM yyyy', 'EEEE d MMMM' and the 12-hour clock", () => {
    const u = U();
    expect(u.formatDate(at, 'Asia/Shanghai', 'EEE, d MMM yyyy')).toBe('Sun, 15 Mar 2026');
    expect(u.formatDate(at, 'Asia/Shanghai', 'EEEE d MMMM')).toBe('Sunday 15 March');
    expect(u.formatDate(at, 'Asia/Shanghai', 'h:mm a')).toBe('2:30 PM');
    expect(u.formatDate(at, 'America/New_York', 'hh:mm a')).toBe('02:30 AM');
  });

  // Z = RFC 822 offset (+0800), XXX = ISO 8601 offset (+08:00, and Z for UTC).
  it("'Z' and 'XXX' give the zone offset", () => {
    const u = U();
    expect(u.formatDate(at, 'Asia/Shanghai', 'Z')).toBe('+0800');
    expect(u.formatDate(at, 'Asia/Shanghai', 'XXX')).toBe('+08:00');
    expect(u.formatDate(at, 'America/New_York', 'Z XXX')).toBe('-0400 -04:00');
    expect(u.formatDate(at, 'UTC', 'Z XXX')).toBe('+0000 Z');
  });

  // America/New_York moves from EST (-05:00) to EDT (-04:00) at 02:00 on 8 March 2026: one
  // minute apart in UTC, an hour and a minute apart on the wall clock.
  it('follows a daylight-saving change in America/New_York', () => {
    const u = U();
    const before = new Date('2026-03-08T06:59:00Z');
    const after = new Date('2026-03-08T07:00:00Z');
    expect(u.formatDate(before, 'America/New_York', 'yyyy-MM-dd HH:mm Z z')).toBe(
      '2026-03-08 01:59 -0500 EST',
    );
    expect(u.formatDate(after, 'America/New_York', 'yyyy-MM-dd HH:mm Z z')).toBe(
      '2026-03-08 03:00 -0400 EDT',
    );
    // Shanghai has no daylight saving: the same instants are 14:59 and 15:00.
    expect(u.formatDate(before, 'Asia/Shanghai', 'HH:mm z')).toBe('14:59 CST');
    expect(u.formatDate(after, 'Asia/Shanghai', 'HH:mm')).toBe('15:00');
  });

  // Text in single quotes is copied; '' is one apostrophe, inside quotes too.
  it('quoted text and doubled apostrophes', () => {
    const u = U();
    expect(u.formatDate(at, 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2026-03-15T06:30:05Z');
    expect(u.formatDate(at, 'Asia/Shanghai', "h 'o''clock' a")).toBe("2 o'clock PM");
    expect(u.formatDate(at, 'Asia/Shanghai', "d''MM")).toBe("15'03");
    expect(u.formatDate(at, 'Asia/Shanghai', "'Week of' yyyy")).toBe('Week of 2026');
  });

  // Java time zone IDs include custom offsets ("GMT+8"); an ID Java does not know is GMT
  // (https://docs.oracle.com/javase/8/docs/api/java/util/TimeZone.html#getTimeZone-java.lang.String-).
  it('accepts GMT+8 style zones and falls back to GMT for unknown ones', () => {
    const u = U();
    expect(u.formatDate(at, 'GMT+8', 'HH:mm XXX')).toBe('14:30 +08:00');
    expect(u.formatDate(at, 'GMT-05:30', 'HH:mm Z')).toBe('01:00 -0530');
    expect(u.formatDate(at, 'Not/AZone', 'HH:mm Z')).toBe('06:30 +0000');
  });
});
