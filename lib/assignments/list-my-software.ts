// R23: "My software" lists every license the signed-in user may use in the current company.
import "server-only";
import type { LicenseEdition, LicenseType, ProductKind } from "@prisma/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requireSoftwareUser } from "@/lib/auth/permissions";
import { systemClock, type Clock } from "@/lib/clock";
import { db, type DbClient } from "@/lib/db/client";

export type MySoftwareItem = {
  assignmentId: string;
  product: { name: string; kind: ProductKind; launchUrl: string | null; downloadUrl: string | null };
  edition: LicenseEdition;
  type: LicenseType;
  validUntil: Date;
};

export async function listMySoftware(
  options: { actor: Pick<CurrentUser, "id" | "memberships">; companyId: string; clock?: Clock },
  client: DbClient = db(),
): Promise<MySoftwareItem[]> {
  requireSoftwareUser(options.actor, options.companyId);
  const now = (options.clock ?? systemClock).now();

  // Active assignments (R18: a revoked one no longer gives access) of licenses valid today.
  const assignments = await client.assignment.findMany({
    where: {
      userId: options.actor.id,
      revokedAt: null,
      license: { group: { companyId: options.companyId }, validFrom: { lte: now }, validUntil: { gt: now } },
    },
    orderBy: [{ license: { product: { name: "asc" } } }, { assignedAt: "asc" }],
    select: {
      id: true,
      license: {
        select: {
          edition: true,
          type: true,
          validUntil: true,
          product: { select: { name: true, kind: true, launchUrl: true, downloadUrl: true } },
        },
      },
    },
  });

  return assignments.map(({ id, license }) => ({ assignmentId: id, ...license }));
}
