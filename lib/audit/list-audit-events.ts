// R24: a company's audit trail for its admins, newest first, filtered, paged by keyset (createdAt, id).
import "server-only";
import { Prisma, type LicenseType } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { licenseColumnsOfCompany } from "@/lib/assignments/grid-columns";
import { auditActions, type AuditAction } from "@/lib/audit/audit-actions";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import { isRecordId } from "@/lib/validation/record-id";

export type AuditFilters = {
  /** Part of a name or email address of the person who acted or whom the event is about. */
  user?: string;
  licenseId?: string;
  action?: AuditAction;
};

type Person = { id: string; name: string; email: string };

export type AuditEntry = {
  id: string;
  at: string;
  action: AuditAction;
  actor: Person | null;
  subject: Person | null;
  license: { id: string; productName: string; type: LicenseType } | null;
  data: Record<string, unknown>;
  ipAddress: string | null;
};

export type AuditPage = { events: AuditEntry[]; nextCursor: string | null };

export const AUDIT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1_000;

type AuditRow = {
  id: string;
  createdAt: Date;
  action: AuditAction;
  data: Prisma.JsonValue;
  ipAddress: string | null;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  subjectId: string | null;
  subjectName: string | null;
  subjectEmail: string | null;
  licenseId: string | null;
  productName: string | null;
  licenseType: LicenseType | null;
};

export async function listAuditEvents(options: {
  actor: Actor;
  companyId: string;
  filters?: AuditFilters;
  /** From the previous page's nextCursor. */
  cursor?: string | null;
  limit?: number;
  db?: DbClient;
}): Promise<AuditPage> {
  const client = options.db ?? processDb();
  if (!isRecordId(options.companyId)) throw notFound("Company");
  // R28: the company's own admins only; a stranger is told the company does not exist.
  await requireCompanyAdmin({ actor: options.actor, companyId: options.companyId, db: client, resource: "Company" });
  return selectAuditEvents({ ...options, db: client });
}

/** Without the access check, for callers that authorised the reader themselves (the back office). */
export async function selectAuditEvents(options: {
  companyId: string;
  filters?: AuditFilters;
  cursor?: string | null;
  limit?: number;
  db: DbClient;
}): Promise<AuditPage> {
  const client = options.db;
  const limit = Math.min(Math.max(1, options.limit ?? AUDIT_PAGE_SIZE), MAX_PAGE_SIZE);
  const { user, licenseId, action } = normaliseFilters(options.filters ?? {});
  const after = decodeCursor(options.cursor);
  const userPattern = user ? `%${user.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : null;

  const rows = await client.$queryRaw<AuditRow[]>`
    SELECT e."id"::text AS "id", e."createdAt", e."action", e."data", e."ipAddress",
      a."id"::text AS "actorId", trim(a."firstName" || ' ' || a."lastName") AS "actorName", a."email" AS "actorEmail",
      s."id"::text AS "subjectId", trim(s."firstName" || ' ' || s."lastName") AS "subjectName", s."email" AS "subjectEmail",
      l."id"::text AS "licenseId", p."name" AS "productName", l."type"::text AS "licenseType"
    FROM "AuditEvent" e
    LEFT JOIN "User" a ON a."id" = e."actorId"
    LEFT JOIN "User" s ON s."id" = e."subjectUserId"
    LEFT JOIN "License" l ON l."id" = e."licenseId"
    LEFT JOIN "Product" p ON p."id" = l."productId"
    WHERE e."companyId" = ${options.companyId}::uuid
      AND (${action}::text IS NULL OR e."action" = ${action}::text)
      ${licenseId ? licenseColumnFilter(options.companyId, licenseId) : Prisma.empty}
      AND (${userPattern}::text IS NULL
        OR a."email" ILIKE ${userPattern} OR (a."firstName" || ' ' || a."lastName") ILIKE ${userPattern}
        OR s."email" ILIKE ${userPattern} OR (s."firstName" || ' ' || s."lastName") ILIKE ${userPattern})
      ${after ? Prisma.sql`AND (e."createdAt", e."id") < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY e."createdAt" DESC, e."id" DESC
    LIMIT ${limit + 1}`;

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { events: page.map(toEntry), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/** The license filter names a grid column (decision 020): events of every license of it. */
function licenseColumnFilter(companyId: string, licenseId: string): Prisma.Sql {
  return Prisma.sql`AND e."licenseId" IN (
    SELECT c."id" FROM (${licenseColumnsOfCompany(companyId)}) c
    WHERE c."columnId" = (SELECT k."columnId" FROM (${licenseColumnsOfCompany(companyId)}) k WHERE k."id" = ${licenseId}::uuid))`;
}

/** Unknown actions and malformed license ids are INVALID, not a silent "everything". */
function normaliseFilters(filters: AuditFilters): { user: string | null; licenseId: string | null; action: AuditAction | null } {
  if (filters.action !== undefined && !(auditActions as readonly string[]).includes(filters.action))
    throw new DomainError("INVALID", "Unknown audit action", { fields: { action: "invalid" } });
  if (filters.licenseId !== undefined && !isRecordId(filters.licenseId))
    throw new DomainError("INVALID", "Unknown license", { fields: { licenseId: "invalid" } });
  const user = filters.user?.trim().slice(0, 200) || null;
  return { user, licenseId: filters.licenseId ?? null, action: filters.action ?? null };
}

function toEntry(row: AuditRow): AuditEntry {
  const person = (id: string | null, name: string | null, email: string | null): Person | null =>
    id && email ? { id, name: name || email, email } : null;
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    action: row.action,
    actor: person(row.actorId, row.actorName, row.actorEmail),
    subject: person(row.subjectId, row.subjectName, row.subjectEmail),
    license:
      row.licenseId && row.productName && row.licenseType
        ? { id: row.licenseId, productName: row.productName, type: row.licenseType }
        : null,
    data: row.data && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {},
    ipAddress: row.ipAddress,
  };
}

function encodeCursor(row: AuditRow): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, "utf8").toString("base64url");
}

/** A cursor is opaque to the client; anything that does not decode starts from the newest. */
function decodeCursor(cursor: string | null | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || !isRecordId(id) || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
}
