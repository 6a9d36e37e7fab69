// R24: the closed vocabulary of the audit trail. Stored as text so adding an action needs no
// migration, but code can only record actions listed here, and the audit view can translate each.
export const auditActions = [
  "company.created",
  "member.added",
  "license-group.created",
  "license.created",
  "assignment.granted",
  "assignment.revoked",
  "activation.created",
  "activation.deactivated",
  "lease.released",
] as const;

export type AuditAction = (typeof auditActions)[number];
