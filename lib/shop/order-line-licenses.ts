// What each line of an order does to the company's licenses (R6): new licenses with their keys,
// seats added to one, a term renewed; each priced and audited in the order's transaction.
import "server-only";
import type { License, LicenseEdition, LicenseGroup, LicenseType, OrderLineKind, Product } from "@prisma/client";
import type { AuditEventInput } from "@/lib/audit/record-audit-event";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { generateActivationKey } from "@/lib/licenses/activation-key";
import { enterpriseRefused, isSoldBySalesOnly, renewedValidUntil, termEndFrom, unitPriceCents } from "@/lib/shop/catalogue";
import type { OrderLineInput } from "@/lib/shop/order-input";

export type PricedLine = {
  kind: OrderLineKind;
  productId: string;
  edition: LicenseEdition;
  type: LicenseType;
  seats: number;
  unitPriceCents: number;
  licenseId: string;
  productName: string;
};

export type Audit = (event: Omit<AuditEventInput, "actorId" | "at">) => void;

export async function createLicenses(
  transaction: DbClient,
  options: {
    line: Extract<OrderLineInput, { kind: "NEW_LICENSE" }>;
    group: LicenseGroup;
    product: Product | undefined;
    now: Date;
    orderId: string;
    audit: Audit;
  },
): Promise<PricedLine[]> {
  const { line, group, product, now } = options;
  if (!product) throw notFound("Product");
  const unitPrice = unitPriceCents(line.productCode, line.edition, line.type)!;
  // R3: a node-locked license is one machine, so n node-locked seats are n licenses of one seat.
  const seatsPerLicense = line.type === "NODE_LOCKED" ? Array.from({ length: line.seats }, () => 1) : [line.seats];
  const lines: PricedLine[] = [];
  for (const seats of seatsPerLicense) {
    const license = await transaction.license.create({
      data: {
        groupId: group.id,
        productId: product.id,
        edition: line.edition,
        type: line.type,
        seats,
        validFrom: now,
        validUntil: termEndFrom(now),
        // R21: desktop licenses carry an activation key; web licenses never do.
        activationKey: product.kind === "DESKTOP" ? generateActivationKey() : null,
      },
    });
    options.audit({
      action: "license.created",
      companyId: group.companyId,
      licenseId: license.id,
      data: { product: product.code, type: license.type, seats, edition: license.edition, orderId: options.orderId },
    });
    lines.push({
      kind: "NEW_LICENSE",
      productId: product.id,
      edition: line.edition,
      type: line.type,
      seats,
      unitPriceCents: unitPrice,
      licenseId: license.id,
      productName: product.name,
    });
  }
  return lines;
}

type CompanyLicense = License & { product: Product };

export async function lockCompanyLicense(transaction: DbClient, licenseId: string, companyId: string): Promise<CompanyLicense> {
  // The row lock keeps a concurrent back-office edit of seats or validity from being overwritten.
  await transaction.$queryRaw`SELECT "id" FROM "License" WHERE "id" = ${licenseId}::uuid FOR UPDATE`;
  const license = await transaction.license.findFirst({ where: { id: licenseId, group: { companyId } }, include: { product: true } });
  // R28: another company's license is answered like a missing one.
  if (!license) throw notFound("License");
  if (isSoldBySalesOnly(license.edition)) throw enterpriseRefused();
  return license;
}

export async function addSeats(
  transaction: DbClient,
  options: { license: CompanyLicense; companyId: string; seats: number; index: number; now: Date; orderId: string; audit: Audit },
): Promise<void> {
  const { license, seats, index } = options;
  if (license.type === "NODE_LOCKED") {
    throw new DomainError("INVALID", "A node-locked license has one seat; buy another license instead", {
      reason: "NODE_LOCKED_SINGLE_SEAT",
      fields: { [`lines.${index}.seats`]: "invalid" },
    });
  }
  if (license.validUntil <= options.now) {
    throw new DomainError("INVALID", "The license has expired; renew it first", {
      reason: "LICENSE_EXPIRED",
      fields: { [`lines.${index}.licenseId`]: "invalid" },
    });
  }
  const updated = await transaction.license.update({
    where: { id: license.id },
    data: { seats: { increment: seats }, version: { increment: 1 } },
  });
  options.audit({
    action: "license.seats-added",
    companyId: options.companyId,
    licenseId: license.id,
    data: { seatsBefore: license.seats, seats: updated.seats, added: seats, orderId: options.orderId },
  });
}

/** R31: one more year, counted from the license's end, or from now when it has already ended. */
export async function renewLicense(
  transaction: DbClient,
  options: { license: CompanyLicense; companyId: string; now: Date; orderId: string; audit: Audit },
): Promise<void> {
  const { license, now } = options;
  const validUntil = renewedValidUntil(license.validUntil, now);
  // The reminder belongs to the old end date; the new one gets its own (send-expiry-reminders.ts).
  await transaction.license.update({
    where: { id: license.id },
    data: { validUntil, expiryReminderSentAt: null, version: { increment: 1 } },
  });
  options.audit({
    action: "license.renewed",
    companyId: options.companyId,
    licenseId: license.id,
    data: { previousValidUntil: license.validUntil.toISOString(), validUntil: validUntil.toISOString(), orderId: options.orderId },
  });
}
