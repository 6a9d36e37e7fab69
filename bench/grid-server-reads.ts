// The READ half of bench/grid-server.ts (decision 008): the group page's data as the page reads it
// — the head (group, admin check, licenses with seat counts, seat holders, member count) and the
// users in keyset pages — each against the same statements as plain SQL through a pg pool.
//   first screen   head + the first page of FIRST_USER_PAGE_SIZE users: what the page awaits
//   full stream    head + every page, each read when the one before it arrived, as the page does
import pg from "pg";
import { getLicenseGroupGridHead } from "@/lib/assignments/get-license-group-grid";
import type { GridUserPage } from "@/lib/assignments/license-group-grid";
import { listLicenseGroupUserPage } from "@/lib/assignments/list-license-group-user-page";
import { FIRST_USER_PAGE_SIZE, NEXT_USER_PAGE_SIZE, streamLicenseGroupUserPages } from "@/lib/assignments/stream-license-group-user-pages";

export type Timing = { app: number; reference: number };
export type ReadResult = { firstScreen: Timing; stream: Timing; users: number; pages: number; firstScreenKiB: number; streamMiB: number };
type Counts = { users: number; licenses: number; assigned: number; seatHolders: number; pages: number };
type Cursor = { sortName: string; email: string; id: string } | null;

export async function measureReads(options: {
  pool: pg.Pool;
  groupId: string;
  adminId: string;
  runs: number;
  time: (work: () => Promise<unknown>) => Promise<number>;
  median: (values: number[]) => number;
  log: (line: string) => void;
}): Promise<ReadResult> {
  const { pool, groupId, adminId, runs, time, median, log } = options;
  const actor = { id: adminId };
  const appFirstScreen = async () => {
    const head = await getLicenseGroupGridHead({ actor, groupId });
    return { head, page: await listLicenseGroupUserPage({ actor, groupId, limit: FIRST_USER_PAGE_SIZE }) };
  };
  const appStream = async () => {
    const head = await getLicenseGroupGridHead({ actor, groupId });
    const pages: GridUserPage[] = [];
    for (
      let page: GridUserPage | null = await streamLicenseGroupUserPages({ actor, groupId });
      page;
      page = page.next ? await page.next : null
    )
      pages.push(page);
    return { head, pages };
  };
  const referenceFirstScreen = async () => {
    const head = await referenceHead(pool, groupId, adminId);
    return { head, page: await referencePage(pool, groupId, adminId, null, FIRST_USER_PAGE_SIZE) };
  };
  const referenceStream = async (): Promise<Counts> => {
    const head = await referenceHead(pool, groupId, adminId);
    let users = 0;
    let assigned = 0;
    let pages = 0;
    let after: Cursor = null;
    do {
      const page = await referencePage(pool, groupId, adminId, after, pages === 0 ? FIRST_USER_PAGE_SIZE : NEXT_USER_PAGE_SIZE);
      users += page.users;
      assigned += page.assigned;
      pages += 1;
      after = page.next;
    } while (after);
    return { users, licenses: head.licenses, assigned, seatHolders: head.seatHolders, pages };
  };

  // Warm-up, and the app and the reference must read the same rows.
  const streamed = await appStream();
  await appFirstScreen();
  const users = streamed.pages.flatMap((page) => page.users);
  const actual: Counts = {
    users: users.length,
    licenses: streamed.head.licenses.length,
    assigned: users.reduce((sum, user) => sum + user.assignedLicenseIds.length, 0),
    seatHolders: streamed.head.licenses.reduce((sum, license) => sum + license.seatHolders.length, 0),
    pages: streamed.pages.length,
  };
  const expected = await referenceStream();
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`read counts differ: app ${JSON.stringify(actual)}, reference ${JSON.stringify(expected)}`);
  if (actual.users !== streamed.head.userCount)
    throw new Error(`head counts ${streamed.head.userCount} members, the pages ${actual.users}`);
  await referenceFirstScreen();

  const times = { appFirst: [] as number[], referenceFirst: [] as number[], appStream: [] as number[], referenceStream: [] as number[] };
  for (let run = 0; run < runs; run++) {
    // Interleaved, so background load hits both sides alike.
    times.appFirst.push(await time(appFirstScreen));
    times.referenceFirst.push(await time(referenceFirstScreen));
    times.appStream.push(await time(appStream));
    times.referenceStream.push(await time(referenceStream));
  }
  const fmt = (values: number[]) => values.map((value) => value.toFixed(0)).join("/") + " ms";
  log(`read ${actual.users}: ${JSON.stringify(actual)}; first screen app ${fmt(times.appFirst)}, reference ${fmt(times.referenceFirst)}`);
  log(`read ${actual.users}: full stream app ${fmt(times.appStream)}, reference ${fmt(times.referenceStream)}`);
  // What crosses to the browser: the head with the first page, then the later pages (decision 008).
  const headAndFirst = { ...streamed.head, users: streamed.pages[0]!.users };
  return {
    firstScreen: { app: median(times.appFirst), reference: median(times.referenceFirst) },
    stream: { app: median(times.appStream), reference: median(times.referenceStream) },
    users: actual.users,
    pages: actual.pages,
    firstScreenKiB: Buffer.byteLength(JSON.stringify(headAndFirst)) / 2 ** 10,
    streamMiB:
      (Buffer.byteLength(JSON.stringify(streamed.head)) +
        streamed.pages.reduce((sum, page) => sum + Buffer.byteLength(JSON.stringify(page.users)), 0)) /
      2 ** 20,
  };
}

/** The statements of getLicenseGroupGridHead, verbatim in effect, through pg. */
async function referenceHead(
  pool: pg.Pool,
  groupId: string,
  actorId: string,
): Promise<{ licenses: number; seatHolders: number; userCount: number }> {
  const now = new Date();
  const group = await referenceGroupForAdmin(pool, groupId, actorId);
  const { rows: licenses } = await pool.query(
    `SELECT l."id"::text AS "id", p."code" AS "productCode", p."name" AS "productName", p."kind"::text AS "productKind",
      l."type"::text AS "type", l."edition"::text AS "edition", l."seats", l."validFrom", l."validUntil",
      (SELECT count(*)::int FROM "Assignment" a WHERE a."licenseId" = l."id" AND a."revokedAt" IS NULL) AS "assignedCount"
     FROM "License" l JOIN "Product" p ON p."id" = l."productId"
     WHERE l."groupId" = $1::uuid
     ORDER BY p."name", l."type", l."validUntil", l."id"`,
    [groupId],
  );
  const floatingIds = licenses.filter((license) => license.type === "FLOATING").map((license) => license.id as string);
  const [seatHolders, count] = await Promise.all([
    floatingIds.length === 0
      ? Promise.resolve({ rows: [] })
      : pool.query(
          `SELECT "licenseId"::text AS "licenseId", "userId"::text AS "userId", "expiresAt", ("deviceId" IS NOT NULL) AS "isDevice"
           FROM "FloatingLease" WHERE "licenseId" = ANY($1::uuid[]) AND "releasedAt" IS NULL AND "expiresAt" > $2
           ORDER BY "licenseId", "expiresAt"`,
          [floatingIds, now],
        ),
    pool.query(`SELECT count(*)::int AS "count" FROM "Membership" WHERE "companyId" = $1::uuid`, [group.companyId]),
  ]);
  return { licenses: licenses.length, seatHolders: seatHolders.rows.length, userCount: count.rows[0].count as number };
}

/** The statements of listLicenseGroupUserPage: the group, the admin check, the page in one statement. */
async function referencePage(
  pool: pg.Pool,
  groupId: string,
  actorId: string,
  after: Cursor,
  limit: number,
): Promise<{ users: number; assigned: number; next: Cursor }> {
  const group = await referenceGroupForAdmin(pool, groupId, actorId);
  const keyset = after ? `WHERE (s."sortName", s."email", s."id") > ($4, $5, $6::uuid)` : "";
  const { rows } = await pool.query(
    `WITH "page" AS (
      SELECT s.* FROM (
        SELECT u."id", u."email", u."title", u."firstName", u."lastName", u."position", m."role",
          (u."passwordHash" IS NOT NULL AND u."emailVerifiedAt" IS NOT NULL) AS "isRegistered",
          lower(COALESCE(NULLIF(btrim(u."firstName" || ' ' || u."lastName"), ''), u."email")) AS "sortName"
        FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
        WHERE m."companyId" = $1::uuid
      ) s
      ${keyset}
      ORDER BY s."sortName", s."email", s."id"
      LIMIT $3::int
    )
    SELECT p."id"::text AS "id", p."email", p."title"::text AS "title", p."firstName", p."lastName", p."position",
      p."role"::text AS "role", p."isRegistered", p."sortName",
      COALESCE(h."licenseIds", ARRAY[]::text[]) AS "assignedLicenseIds",
      i."status"::text AS "invitationStatus", COALESCE(i."sentAt", i."createdAt") AS "invitationAt", i."lastError" AS "invitationError",
      (SELECT g."version" FROM "LicenseGroup" g WHERE g."id" = $2::uuid) AS "groupVersion"
    FROM "page" p
    LEFT JOIN LATERAL (
      SELECT array_agg(a."licenseId"::text ORDER BY a."licenseId")
          FILTER (WHERE a."revokedAt" IS NULL AND a."licenseId" = ANY(ARRAY(SELECT l."id" FROM "License" l WHERE l."groupId" = $2::uuid))) AS "licenseIds"
      FROM "Assignment" a WHERE a."userId" = p."id"
    ) h ON true
    LEFT JOIN LATERAL (
      SELECT e."status", e."sentAt", e."createdAt", e."lastError" FROM "EmailMessage" e
      WHERE NOT p."isRegistered" AND e."userId" = p."id" AND e."template" = 'invitation' AND e."companyId" = $1::uuid
      ORDER BY e."createdAt" DESC, e."id" DESC LIMIT 1
    ) i ON true
    ORDER BY p."sortName", p."email", p."id"`,
    after ? [group.companyId, groupId, limit + 1, after.sortName, after.email, after.id] : [group.companyId, groupId, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    users: page.length,
    assigned: page.reduce((sum, row) => sum + (row.assignedLicenseIds as string[]).length, 0),
    next: rows.length > limit && last ? { sortName: last.sortName, email: last.email, id: last.id } : null,
  };
}

/** R28 as the app does it: the group's company, then the actor's membership in it. */
async function referenceGroupForAdmin(pool: pg.Pool, groupId: string, actorId: string): Promise<{ companyId: string }> {
  const {
    rows: [group],
  } = await pool.query(
    `SELECT g."id", g."name", g."sapAccountNumber", g."orderReference", g."version", c."id" AS "companyId", c."name" AS "companyName", c."country"
     FROM "LicenseGroup" g JOIN "Company" c ON c."id" = g."companyId" WHERE g."id" = $1`,
    [groupId],
  );
  const { rows: actor } = await pool.query(
    `SELECT u."isStaff", u."disabledAt", m."role" FROM "User" u LEFT JOIN "Membership" m ON m."userId" = u."id" AND m."companyId" = $2 WHERE u."id" = $1`,
    [actorId, group.companyId],
  );
  if (actor[0]?.role !== "ADMIN") throw new Error("reference: the actor is not an admin");
  return { companyId: group.companyId as string };
}
