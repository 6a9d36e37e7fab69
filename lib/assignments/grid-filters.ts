// R13/R17: the grid's filters see the saved state, not pending ticks, so a row does not vanish from
// under the admin's pointer.
import type { GridUser } from "@/lib/assignments/license-group-grid";

export const assignmentFilters = ["all", "assigned", "unassigned", "invited"] as const;
export type AssignmentFilter = (typeof assignmentFilters)[number];

export function isAssignmentFilter(value: string): value is AssignmentFilter {
  return (assignmentFilters as readonly string[]).includes(value);
}

export function matchesAssignmentFilter(
  user: Pick<GridUser, "assignedLicenseIds" | "isRegistered" | "invitation">,
  filter: AssignmentFilter,
): boolean {
  switch (filter) {
    case "all":
      return true;
    case "assigned":
      return user.assignedLicenseIds.length > 0;
    case "unassigned":
      return user.assignedLicenseIds.length === 0;
    case "invited":
      // R17: people who have no account yet (they were, or will be, sent an invitation).
      return !user.isRegistered;
  }
}
