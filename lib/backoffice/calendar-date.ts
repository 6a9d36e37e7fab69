// Staff type validity as calendar dates, each meaning that whole day in the vendor's zone (app/i18n-request.ts).
import { z } from "zod";

export const BACKOFFICE_TIME_ZONE = "Europe/Amsterdam";

export const CalendarDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "invalid");

/** Milliseconds the zone is ahead of UTC at the given instant. */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the zone's wall clock shows `date` at `time` (hh:mm:ss.mmm). */
function zonedInstant(date: string, time: string, timeZone: string): Date {
  const wall = new Date(`${date}T${time}Z`);
  const first = new Date(wall.getTime() - zoneOffsetMs(wall, timeZone));
  // A second pass settles the offset on days when summer time starts or ends.
  return new Date(wall.getTime() - zoneOffsetMs(first, timeZone));
}

export function startOfCalendarDay(date: string, timeZone = BACKOFFICE_TIME_ZONE): Date {
  return zonedInstant(date, "00:00:00.000", timeZone);
}

export function endOfCalendarDay(date: string, timeZone = BACKOFFICE_TIME_ZONE): Date {
  return zonedInstant(date, "23:59:59.999", timeZone);
}

/** YYYY-MM-DD, for a date input's value. */
export function calendarDateOf(at: Date, timeZone = BACKOFFICE_TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
