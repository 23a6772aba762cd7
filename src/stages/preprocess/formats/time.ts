// Timestamp pieces shared by the format parsers: month names, UTC epoch milliseconds, and the
// year inference for syslog lines that carry no year (a December→January wrap moves to the next year).

const MONTHS: Readonly<Record<string, number>> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

export function monthIndex(name: string): number {
  return MONTHS[name.slice(0, 1).toUpperCase() + name.slice(1, 3).toLowerCase()] ?? -1;
}

export function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms = 0): number | null {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  return Date.UTC(year, month, day, hour, minute, second, ms);
}

/** ISO-8601-like text (2026-11-23T10:15:01.123Z, 2026-11-23 10:15:01,123 +0100, 2026/11/23 10:15:01) to epoch ms. */
export function parseIsoLike(text: string): number | null {
  const match = /^(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*(Z|[+-]\d{2}:?\d{2})?/.exec(text);
  if (!match) return null;
  const ms = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
  const base = utc(+match[1], +match[2] - 1, +match[3], +match[4], +match[5], +match[6], ms);
  if (base === null || !match[8] || match[8] === 'Z') return base;
  const sign = match[8][0] === '-' ? -1 : 1;
  const digits = match[8].replace(':', '');
  return base - sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60000;
}

/** Epoch seconds or milliseconds (by magnitude) to epoch ms. */
export function parseEpoch(value: number): number {
  return value < 1e11 ? value * 1000 : value;
}

/** Tracks the year of yearless timestamps within one file. */
export class YearTracker {
  private lastMonth = -1;

  constructor(private year: number) {}

  yearFor(month: number): number {
    // A jump back of more than half a year (Dec → Jan) is the next year, not a step back in time.
    if (this.lastMonth >= 0 && month < this.lastMonth && this.lastMonth - month > 6) this.year++;
    this.lastMonth = month;
    return this.year;
  }
}
