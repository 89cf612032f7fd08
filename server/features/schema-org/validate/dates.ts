/**
 * ISO 8601 checks for schema.org Date, DateTime, Time and Duration values. Regexes alone accept
 * `2026-02-30`, so every match is followed by a calendar check (month length, leap years).
 */

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const DURATION =
  /^P(?!$)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?W)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ISO 8601 calendar date, reduced precision allowed). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

/** `hh:mm[:ss[.fff]][Z|±hh[:mm]]`; 24:00 and out-of-range offsets are rejected. */
export function isIsoTime(value: string): boolean {
  const m = TIME.exec(value);
  if (!m) return false;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  // 60 is allowed for leap seconds.
  if (hour > 23 || minute > 59 || second > 60) return false;
  const zone = m[4];
  if (zone && zone !== "Z") {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetMinutes = zone.length > 3 ? Number(zone.slice(-2)) : 0;
    if (offsetHours > 14 || offsetMinutes > 59) return false;
  }
  return true;
}

/** `YYYY-MM-DDThh:mm[:ss[.fff]][zone]`: a full date, `T`, then a valid time. */
export function isIsoDateTime(value: string): boolean {
  const t = value.indexOf("T");
  if (t !== 10) return false;
  const date = value.slice(0, 10);
  return isIsoDate(date) && isIsoTime(value.slice(11));
}

/** ISO 8601 duration such as `PT1H30M`, `P3D`, `P1Y2M`; `P` and `PT` alone are rejected. */
export function isIsoDuration(value: string): boolean {
  return DURATION.test(value) && !value.endsWith("T");
}
