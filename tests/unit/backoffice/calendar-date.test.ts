import { describe, expect, it } from "vitest";
import { calendarDateOf, CalendarDate, endOfCalendarDay, startOfCalendarDay } from "@/lib/backoffice/calendar-date";
import { searchPatterns } from "@/lib/backoffice/search-text";

describe("calendar dates in the vendor's zone (Europe/Amsterdam)", () => {
  it("a date means that whole day there, in winter and in summer time", () => {
    expect(endOfCalendarDay("2027-12-31").toISOString()).toBe("2027-12-31T22:59:59.999Z");
    expect(startOfCalendarDay("2027-07-01").toISOString()).toBe("2027-06-30T22:00:00.000Z");
    // The day summer time starts has 23 hours.
    expect(endOfCalendarDay("2026-03-29").toISOString()).toBe("2026-03-29T21:59:59.999Z");
  });

  it("turns an instant back into the date a date input shows", () => {
    expect(calendarDateOf(new Date("2027-12-31T22:59:59.999Z"))).toBe("2027-12-31");
    expect(calendarDateOf(new Date("2027-12-31T23:00:00.000Z"))).toBe("2028-01-01");
  });

  it("accepts only real dates written YYYY-MM-DD", () => {
    expect(CalendarDate.safeParse("2027-02-28").success).toBe(true);
    for (const value of ["2027-2-28", "28-02-2027", "2027-13-01", ""]) expect(CalendarDate.safeParse(value).success, value).toBe(false);
  });
});

describe("back-office search words", () => {
  it("are folded like the group page's search and escaped for LIKE", () => {
    expect(searchPatterns("  JOSÉ  Çelik ")).toEqual(["%jose%", "%celik%"]);
    expect(searchPatterns("100%_off")).toEqual(["%100\\%\\_off%"]);
    expect(searchPatterns("")).toEqual([]);
  });
});
