// R24: the closed vocabulary of the audit trail, stored as text (no migration per action) but only these recorded.
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
  "invitation.resent",
  // Identity and company context: kept with the acting user; company switches with the company.
  "auth.signed-in",
  "auth.sign-in-failed",
  "auth.locked-out",
  "auth.password-changed",
  "auth.signed-out-everywhere",
  "account.registered",
  "account.verified",
  "company.switched",
  // Licensing service; refusals too, so admins see when people were turned away.
  "lease.acquired",
  "lease.refused",
  "lease.expired",
  "activation.refused",
  "trial.started",
  "launch.opened",
  "api.signed-in",
  "api.signed-out",
  "api.refresh-token-reused",
  // Shop and expiry reminders.
  "order.placed",
  "member.made-admin",
  "license.seats-added",
  "license.renewed",
  "license.expiry-reminded",
  "sales-lead.created",
  // Back office (R31).
  "license.seats-changed",
  "license.validity-changed",
  "license.ended",
  "order.handled",
  "order.invoice-paid",
  "sales-lead.handled",
  // Company verification and memberships (decision 016).
  "company.verified",
  "member.invited",
  "member.joined",
  "member.admin-removed",
  "member.ended",
] as const;

export type AuditAction = (typeof auditActions)[number];
