// R31: the back office adds a license to a group; desktop licenses get an activation key (R21).
import "server-only";
import type { License, LicenseEdition, LicenseType, Product, ProductKind } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { hasFixedSeatCount, MAX_LICENSE_SEATS } from "@/lib/backoffice/seat-rules";
import { DomainError, notFound } from "@/lib/errors";
import { generateActivationKey } from "@/lib/licenses/activation-key";
import type { ProductCode } from "@/lib/products/ensure-product-catalogue";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isRecordId } from "@/lib/validation/record-id";

export const allowedLicenseTypes: Record<ProductKind, readonly LicenseType[]> = {
  WEB: ["NAMED_USER", "FLOATING"],
  DESKTOP: ["NODE_LOCKED", "FLOATING"],
};

const DEFAULT_TERM_DAYS = 365;

export function defaultValidUntil(validFrom: Date): Date {
  return new Date(validFrom.getTime() + DEFAULT_TERM_DAYS * 24 * 60 * 60 * 1000);
}

export async function createLicense(options: {
  actor: Actor;
  groupId: string;
  /** When given, the group must be this company's (the back office's company page, R28). */
  companyId?: string;
  productCode: ProductCode;
  type: LicenseType;
  /** Default 1, the only count a node-locked license may have. */
  seats?: number;
  edition?: LicenseEdition;
  validFrom?: Date;
  validUntil?: Date;
  clock?: Clock;
  db?: DbClient;
}): Promise<License & { product: Product }> {
  if (!isRecordId(options.groupId)) throw notFound("License group");
  const seats = options.seats ?? 1;
  const now = (options.clock ?? systemClock).now();
  const validFrom = options.validFrom ?? now;
  const validUntil = options.validUntil ?? defaultValidUntil(validFrom);
  if (!Number.isInteger(seats) || seats < 1 || seats > MAX_LICENSE_SEATS)
    throw new DomainError("INVALID", "Seats must be a whole number from 1", { fields: { seats: "invalid" } });
  if (hasFixedSeatCount(options.type) && seats !== 1)
    throw new DomainError("INVALID", "A node-locked license has exactly one seat", { fields: { seats: "invalid" } });
  if (validUntil <= validFrom)
    throw new DomainError("INVALID", "validUntil must be after validFrom", { fields: { validUntil: "invalid" } });

  return runInTransaction(options.db, async (transaction) => {
    await requireBackofficeStaff({ actor: options.actor, db: transaction });
    const group = await transaction.licenseGroup.findUnique({ where: { id: options.groupId }, select: { companyId: true } });
    if (!group || (options.companyId !== undefined && group.companyId !== options.companyId)) throw notFound("License group");
    const product = await transaction.product.findUnique({ where: { code: options.productCode } });
    if (!product) throw notFound("Product");
    if (!allowedLicenseTypes[product.kind].includes(options.type)) {
      throw new DomainError("INVALID", `${product.name} cannot have a ${options.type} license`, { fields: { type: "invalid" } });
    }
    const license = await transaction.license.create({
      data: {
        groupId: options.groupId,
        productId: product.id,
        type: options.type,
        seats,
        edition: options.edition ?? "STANDARD",
        validFrom,
        validUntil,
        // 125 random bits: a collision with the unique index is not a case worth a retry loop.
        activationKey: product.kind === "DESKTOP" ? generateActivationKey() : null,
      },
      include: { product: true },
    });
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "license.created",
        companyId: group.companyId,
        actorId: options.actor.id,
        licenseId: license.id,
        data: { product: product.code, type: license.type, seats, edition: license.edition },
        at: now,
      },
    });
    return license;
  });
}
