// R24: the audit page's and CSV's filters from the URL; anything malformed is dropped, never refused (the
// query is scoped by company regardless).
import { auditActions, type AuditAction } from "@/lib/audit/audit-actions";
import type { AuditFilters } from "@/lib/audit/list-audit-events";
import { isRecordId } from "@/lib/validation/record-id";
import { isSafeSingleLineText } from "@/lib/validation/safe-text";

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

export function parseAuditSearchParams(params: SearchParams): { filters: AuditFilters; cursor: string | null } {
  const read = (name: string): string | undefined => {
    const value = params instanceof URLSearchParams ? params.get(name) : params[name];
    const first = Array.isArray(value) ? value[0] : value;
    return first?.trim() || undefined;
  };
  const action = read("action");
  const licenseId = read("license");
  const user = read("user")?.slice(0, 200);
  return {
    filters: {
      // A control character would reach PostgreSQL as an error.
      user: user && isSafeSingleLineText(user) ? user : undefined,
      licenseId: licenseId && isRecordId(licenseId) ? licenseId : undefined,
      action: action && (auditActions as readonly string[]).includes(action) ? (action as AuditAction) : undefined,
    },
    cursor: read("cursor") ?? null,
  };
}

export function auditSearchString(filters: AuditFilters, cursor?: string | null): string {
  const query = new URLSearchParams();
  if (filters.user) query.set("user", filters.user);
  if (filters.licenseId) query.set("license", filters.licenseId);
  if (filters.action) query.set("action", filters.action);
  if (cursor) query.set("cursor", cursor);
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** "license-group.created" → "licenseGroupCreated": the action's key in the "audit.actions" messages. */
export function auditActionMessageKey(action: AuditAction): string {
  return action.replace(/[.-](\w)/g, (_match, letter: string) => letter.toUpperCase());
}
