"use server";

import { z } from "zod";
import { staffAction } from "@/app/action-client";
import { CalendarDate, endOfCalendarDay } from "@/lib/backoffice/calendar-date";
import { changeLicenseSeats, type ChangedSeats } from "@/lib/backoffice/change-license-seats";
import { MAX_LICENSE_SEATS } from "@/lib/backoffice/seat-rules";
import { changeLicenseValidity } from "@/lib/backoffice/change-license-validity";
import { isDomainError } from "@/lib/errors";
import { RecordId } from "@/lib/validation/record-id";

export type ChangeSeatsOutcome =
  | ({ status: "CHANGED" } & ChangedSeats)
  /** R25: below the usage without enough unassignments; the form asks whom else to unassign. */
  | { status: "SEATS_IN_USE"; seats: number; inUse: number; toUnassign: number };

/** R31, R25: change a license's seats; below the usage only with the people to unassign. */
export const changeLicenseSeatsAction = staffAction({
  input: z.object({
    licenseId: RecordId,
    seats: z.coerce.number().int().min(1).max(MAX_LICENSE_SEATS),
    unassignUserIds: z.array(RecordId).max(MAX_LICENSE_SEATS).default([]),
    expectedVersion: z.number().int().min(0),
  }),
  run: async ({ user, input }): Promise<ChangeSeatsOutcome> => {
    try {
      return { status: "CHANGED", ...(await changeLicenseSeats({ actor: user, ...input })) };
    } catch (error) {
      if (isDomainError(error, "SEATS_EXHAUSTED") && error.details.reason === "SEATS_IN_USE") {
        const { seats, inUse, toUnassign } = error.details;
        return { status: "SEATS_IN_USE", seats, inUse, toUnassign };
      }
      throw error;
    }
  },
  revalidate: [{ path: "/backoffice", type: "layout" }],
});

/** R31 renewals and expiry: a new end date (end of that day), or end the license now. */
export const changeLicenseValidityAction = staffAction({
  input: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("set-end"), licenseId: RecordId, validUntil: CalendarDate, expectedVersion: z.number().int().min(0) }),
    z.object({ kind: z.literal("end-now"), licenseId: RecordId, expectedVersion: z.number().int().min(0) }),
  ]),
  run: async ({ user, input }) => {
    const change = input.kind === "set-end" ? { kind: input.kind, validUntil: endOfCalendarDay(input.validUntil) } : { kind: input.kind };
    const changed = await changeLicenseValidity({
      actor: user,
      licenseId: input.licenseId,
      expectedVersion: input.expectedVersion,
      change,
    });
    return { validUntil: changed.validUntil.toISOString() };
  },
  revalidate: [{ path: "/backoffice", type: "layout" }],
});
