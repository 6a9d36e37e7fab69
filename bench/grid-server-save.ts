// The reference of bench/grid-server.ts's save: what saveAssignments (lib/assignments/) reads and
// writes for a change set — locks, seat counts, revocations with their activations and leases,
// grants, audit events, the outbox mails and the invitation tokens, the version bump — as plain SQL
// through one pg transaction, with every row set sent as arrays through unnest.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type pg from "pg";
import type { AssignmentChange } from "@/lib/assignments/assignment-change";

const BASE_URL = "http://localhost:3000";
const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type ReferenceLicense = {
  id: string;
  type: string;
  seats: number;
  productCode: string;
  productName: string;
  productKind: string;
  downloadUrl: string | null;
  activationKey: string | null;
};
type Recipient = { id: string; email: string; firstName: string; language: string; isRegistered: boolean };
type Mail = { template: string; to: string; locale: string; userId: string; payload: Record<string, unknown> };

/** The writes of saveAssignments in one pg transaction. */
export async function referenceSave(
  pool: pg.Pool,
  options: { groupId: string; actorId: string; expectedVersion: number; changes: AssignmentChange[] },
): Promise<{ granted: number; revoked: number }> {
  const { groupId, actorId, changes } = options;
  const licenseIds = [...new Set(changes.map((change) => change.licenseId))];
  const userIds = [...new Set(changes.map((change) => change.userId))];
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const {
      rows: [group],
    } = await client.query(`SELECT "companyId", "version" FROM "LicenseGroup" WHERE "id" = $1::uuid FOR NO KEY UPDATE`, [groupId]);
    const { rows: actor } = await client.query(`SELECT "role" FROM "Membership" WHERE "userId" = $1 AND "companyId" = $2`, [
      actorId,
      group.companyId,
    ]);
    if (actor[0]?.role !== "ADMIN" || group.version !== options.expectedVersion) throw new Error("reference: not allowed or stale");
    const { rows: licenses } = await client.query(
      `SELECT l."id"::text AS "id", l."type"::text AS "type", l."seats" FROM "License" l JOIN "Product" p ON p."id" = l."productId"
       WHERE l."id" = ANY($1::uuid[]) AND l."groupId" = $2::uuid ORDER BY l."id" FOR NO KEY UPDATE OF l`,
      [licenseIds, groupId],
    );
    if (licenses.length !== licenseIds.length) throw new Error("reference: unknown license");
    const { rows: members } = await client.query(
      `SELECT count(*)::int AS n FROM "Membership" WHERE "companyId" = $1 AND "userId" = ANY($2::uuid[])`,
      [group.companyId, userIds],
    );
    if (members[0].n !== userIds.length) throw new Error("reference: unknown user");
    const { rows: active } = await client.query(
      `SELECT "id"::text AS "id", "licenseId"::text AS "licenseId", "userId"::text AS "userId" FROM "Assignment"
       WHERE "licenseId" = ANY($1::uuid[]) AND "userId" = ANY($2::uuid[]) AND "revokedAt" IS NULL`,
      [licenseIds, userIds],
    );
    const activeByPair = new Map(active.map((row) => [`${row.licenseId}:${row.userId}`, row.id as string]));
    const toRevoke = changes.filter((change) => !change.assigned && activeByPair.has(`${change.licenseId}:${change.userId}`));
    const toGrant = changes.filter((change) => change.assigned && !activeByPair.has(`${change.licenseId}:${change.userId}`));
    const now = new Date();
    const audit: { action: string; licenseId: string; userId: string }[] = [];
    if (toRevoke.length > 0) {
      await client.query(`UPDATE "Assignment" SET "revokedAt" = $2, "revokedById" = $3 WHERE "id" = ANY($1::uuid[])`, [
        toRevoke.map((change) => activeByPair.get(`${change.licenseId}:${change.userId}`)),
        now,
        actorId,
      ]);
      for (const change of toRevoke) audit.push({ action: "assignment.revoked", licenseId: change.licenseId, userId: change.userId });
      const pairs = [toRevoke.map((change) => change.licenseId), toRevoke.map((change) => change.userId)];
      const { rows: deactivated } = await client.query(
        `UPDATE "Activation" SET "deactivatedAt" = $3, "deactivatedById" = $4, "deactivationReason" = 'license revoked'
         WHERE "deactivatedAt" IS NULL AND ("licenseId", "userId") IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
         RETURNING "licenseId"::text AS "licenseId", "userId"::text AS "userId"`,
        [...pairs, now, actorId],
      );
      for (const row of deactivated) audit.push({ action: "activation.deactivated", licenseId: row.licenseId, userId: row.userId });
      const { rows: released } = await client.query(
        `UPDATE "FloatingLease" SET "releasedAt" = $3, "releaseReason" = 'license revoked'
         WHERE "releasedAt" IS NULL AND ("licenseId", "userId") IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
         RETURNING "licenseId"::text AS "licenseId", "userId"::text AS "userId"`,
        [...pairs, now],
      );
      for (const row of released) audit.push({ action: "lease.released", licenseId: row.licenseId, userId: row.userId });
    }
    if (toGrant.length > 0) {
      const counted = licenses.filter((license) => license.type !== "FLOATING");
      const { rows: counts } = await client.query(
        `SELECT "licenseId"::text AS "licenseId", count(*)::int AS n FROM "Assignment" WHERE "licenseId" = ANY($1::uuid[]) AND "revokedAt" IS NULL GROUP BY "licenseId"`,
        [counted.map((license) => license.id)],
      );
      for (const license of counted) {
        const requested = toGrant.filter((change) => change.licenseId === license.id).length;
        const assigned = counts.find((row) => row.licenseId === license.id)?.n ?? 0;
        if (requested > 0 && assigned + requested > license.seats) throw new Error("reference: seats exhausted");
      }
      await client.query(
        `INSERT INTO "Assignment" ("licenseId", "userId", "assignedById", "assignedAt") SELECT l, u, $3::uuid, $4 FROM unnest($1::uuid[], $2::uuid[]) AS t(l, u)`,
        [toGrant.map((change) => change.licenseId), toGrant.map((change) => change.userId), actorId, now],
      );
      for (const change of toGrant) audit.push({ action: "assignment.granted", licenseId: change.licenseId, userId: change.userId });
    }
    await writeMails(client, { companyId: group.companyId, actorId, granted: toGrant, licenses, now });
    await client.query(`UPDATE "LicenseGroup" SET "version" = "version" + 1, "updatedAt" = $2 WHERE "id" = $1::uuid RETURNING "version"`, [
      groupId,
      now,
    ]);
    await client.query(
      `INSERT INTO "AuditEvent" ("action", "companyId", "actorId", "subjectUserId", "licenseId", "data", "createdAt")
       SELECT a, $4::uuid, $5::uuid, u, l, jsonb_build_object('groupId', $6::text), $7 FROM unnest($1::text[], $2::uuid[], $3::uuid[]) AS t(a, u, l)`,
      [
        audit.map((event) => event.action),
        audit.map((event) => event.userId),
        audit.map((event) => event.licenseId),
        group.companyId,
        actorId,
        groupId,
        now,
      ],
    );
    await client.query("COMMIT");
    return { granted: toGrant.length, revoked: toRevoke.length };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/** R17, R21: a license mail per grant to a registered user, one invitation with a fresh token per invitee. */
async function writeMails(
  client: pg.PoolClient,
  options: { companyId: string; actorId: string; granted: AssignmentChange[]; licenses: ReferenceLicense[]; now: Date },
): Promise<void> {
  const { companyId, granted, now } = options;
  if (granted.length === 0) return;
  const {
    rows: [admin],
  } = await client.query(`SELECT "firstName", "lastName", "email" FROM "User" WHERE "id" = $1::uuid`, [options.actorId]);
  const {
    rows: [company],
  } = await client.query(`SELECT "name" FROM "Company" WHERE "id" = $1::uuid`, [companyId]);
  const sender = { adminName: `${admin.firstName} ${admin.lastName}`.trim() || admin.email, companyName: company.name as string };
  const { rows: recipients } = await client.query<Recipient>(
    `SELECT "id"::text AS "id", "email", "firstName", "language"::text AS "language",
       ("passwordHash" IS NOT NULL AND "emailVerifiedAt" IS NOT NULL) AS "isRegistered"
     FROM "User" WHERE "id" = ANY($1::uuid[])`,
    [[...new Set(granted.map((grant) => grant.userId))]],
  );
  const recipientById = new Map(recipients.map((recipient) => [recipient.id, recipient]));
  const licenseById = new Map(options.licenses.map((license) => [license.id, license]));
  const mails: Mail[] = [];
  const invited = new Map<string, ReferenceLicense[]>();
  for (const grant of granted) {
    const recipient = recipientById.get(grant.userId)!;
    const license = licenseById.get(grant.licenseId)!;
    if (!recipient.isRegistered) {
      const products = invited.get(recipient.id) ?? [];
      if (!products.some((product) => product.productCode === license.productCode)) products.push(license);
      invited.set(recipient.id, products);
      continue;
    }
    const names = { firstName: recipient.firstName, productName: license.productName, ...sender };
    mails.push(
      license.productKind === "WEB"
        ? {
            template: "license-assigned-web",
            to: recipient.email,
            locale: recipient.language,
            userId: recipient.id,
            payload: { ...names, startUrl: `${BASE_URL}/launch/${license.productCode.toLowerCase()}` },
          }
        : {
            template: "license-assigned-desktop",
            to: recipient.email,
            locale: recipient.language,
            userId: recipient.id,
            payload: { ...names, downloadUrl: license.downloadUrl, activationKey: license.activationKey ?? "" },
          },
    );
  }
  const invitees = [...invited].map(([userId, products]) => ({
    recipient: recipientById.get(userId)!,
    products: products.toSorted((a, b) => a.productName.localeCompare(b.productName)),
  }));
  if (invitees.length > 0) {
    const tokens = invitees.map(() => randomBytes(32).toString("base64url"));
    await client.query(`DELETE FROM "Token" WHERE "userId" = ANY($1::uuid[]) AND "purpose" = 'INVITATION' AND "usedAt" IS NULL`, [
      invitees.map(({ recipient }) => recipient.id),
    ]);
    await client.query(
      `INSERT INTO "Token" ("purpose", "tokenHash", "userId", "expiresAt", "data")
       SELECT 'INVITATION', h, u, $3, d FROM unnest($1::text[], $2::uuid[], $4::jsonb[]) AS t(h, u, d)`,
      [
        tokens.map((token) => createHash("sha256").update(token).digest("hex")),
        invitees.map(({ recipient }) => recipient.id),
        new Date(now.getTime() + INVITATION_TTL_MS),
        invitees.map(({ products }) =>
          JSON.stringify({ companyId, productCodes: products.map((product) => product.productCode), continueTo: products[0]!.productCode }),
        ),
      ],
    );
    invitees.forEach(({ recipient, products }, index) => {
      const registerUrl = `${BASE_URL}/register?${new URLSearchParams({ email: recipient.email, invitation: tokens[index]!, product: products[0]!.productCode })}`;
      mails.push({
        template: "invitation",
        to: recipient.email,
        locale: recipient.language,
        userId: recipient.id,
        payload: { firstName: recipient.firstName, productNames: products.map((product) => product.productName), ...sender, registerUrl },
      });
    });
  }
  await client.query(
    `INSERT INTO "EmailMessage" ("messageId", "template", "toAddress", "locale", "payload", "userId", "companyId", "nextAttemptAt")
     SELECT m, t, a, l::"Locale", p, u, $7::uuid, $8 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::uuid[]) AS x(m, t, a, l, p, u)`,
    [
      mails.map(() => `<${randomUUID()}@localhost>`),
      mails.map((mail) => mail.template),
      mails.map((mail) => mail.to.toLowerCase()),
      mails.map((mail) => mail.locale),
      mails.map((mail) => JSON.stringify(mail.payload)),
      mails.map((mail) => mail.userId),
      companyId,
      now,
    ],
  );
}
