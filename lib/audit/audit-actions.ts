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
  "invitation.resent",
  // Identity and company context (issue 4): sign-ins, lockouts and credential changes are kept
  // with the acting user; company switches with the company switched into.
  "auth.signed-in",
  "auth.sign-in-failed",
  "auth.locked-out",
  "auth.password-changed",
  "auth.signed-out-everywhere",
  "account.registered",
  "account.verified",
  "company.switched",
  // Licensing service (issue 6): seats, activations, trials, launches and API sessions; refusals
  // are kept too, so admins see when people were turned away (usage history).
  "lease.acquired",
  "lease.refused",
  "lease.expired",
  "activation.refused",
  "trial.started",
  "launch.opened",
  "api.signed-in",
  "api.signed-out",
  "api.refresh-token-reused",
  // Shop and expiry (issue 7): orders, what they did to licenses, the buyer's role, sales leads
  // for Enterprise, and the 30-day reminder to the admins.
  "order.placed",
  "member.made-admin",
  "license.seats-added",
  "license.renewed",
  "license.expiry-reminded",
  "sales-lead.created",
  // Back office (issue 7, R31): staff change seats and validity, add admins, deal with orders and leads.
  "license.seats-changed",
  "license.validity-changed",
  "license.ended",
  "order.handled",
  "order.invoice-paid",
  "sales-lead.handled",
  // Issue 13: the vendor comes to know a company (decision 016); invitations to companies not yet
  // known, accepted by the person; admins give and take the admin role; staff end a membership.
  "company.verified",
  "member.invited",
  "member.joined",
  "member.admin-removed",
  "member.ended",
] as const;

export type AuditAction = (typeof auditActions)[number];
