// R23: "My software", every license the user may use in the current company; licenses whose term
// has ended stay listed as expired, without Open.
import "server-only";
import type { LicenseEdition, LicenseType, ProductKind } from "@prisma/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requireSoftwareUser } from "@/lib/auth/permissions";
import { systemClock, type Clock } from "@/lib/clock";
import { db, type DbClient } from "@/lib/db/client";

export type MySoftwareItem = {
  assignmentId: string;
  licenseId: string;
  product: { code: string; name: string; kind: ProductKind; downloadUrl: string | null };
  edition: LicenseEdition;
  type: LicenseType;
  seats: number;
  validUntil: Date;
  isExpired: boolean;
  /** Desktop licenses: the key that activates the software (R21, R22); null for web apps and when expired. */
  activationKey: string | null;
};

export async function listMySoftware(
  options: { actor: Pick<CurrentUser, "id" | "memberships">; companyId: string; clock?: Clock },
  client: DbClient = db(),
): Promise<MySoftwareItem[]> {
  requireSoftwareUser(options.actor, options.companyId);
  const now = (options.clock ?? systemClock).now();

  // Active assignments only (R18: a revoked one no longer gives access) of licenses that have started.
  const assignments = await client.assignment.findMany({
    where: {
      userId: options.actor.id,
      revokedAt: null,
      license: { group: { companyId: options.companyId }, validFrom: { lte: now } },
    },
    orderBy: [{ license: { product: { name: "asc" } } }, { assignedAt: "asc" }],
    select: {
      id: true,
      license: {
        select: {
          id: true,
          edition: true,
          type: true,
          seats: true,
          validUntil: true,
          activationKey: true,
          product: { select: { code: true, name: true, kind: true, downloadUrl: true } },
        },
      },
    },
  });

  const items = assignments.map(({ id, license }): MySoftwareItem => {
    const isExpired = license.validUntil <= now;
    return {
      assignmentId: id,
      licenseId: license.id,
      product: license.product,
      edition: license.edition,
      type: license.type,
      seats: license.seats,
      validUntil: license.validUntil,
      isExpired,
      activationKey: license.product.kind === "DESKTOP" && !isExpired ? license.activationKey : null,
    };
  });
  // Usable licenses first; the sort is stable, so each part keeps the product order.
  return items.sort((a, b) => Number(a.isExpired) - Number(b.isExpired));
}

/** The user's activation keys of one desktop product in the company, usable now (the download page, R21). */
export async function listMyActivationKeys(
  options: { actor: Pick<CurrentUser, "id" | "memberships">; companyId: string; productCode: string; clock?: Clock },
  client: DbClient = db(),
): Promise<{ licenseId: string; activationKey: string }[]> {
  const items = await listMySoftware(options, client);
  return items.flatMap((item) =>
    item.product.code === options.productCode && item.activationKey
      ? [{ licenseId: item.licenseId, activationKey: item.activationKey }]
      : [],
  );
}
