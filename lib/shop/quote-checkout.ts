// R6: the checkout's preview, priced on the server as placeOrder will price it. A line on an existing
// license fixes the company to the license's, and only its admins see a price (decision 011).
import "server-only";
import type { LicenseEdition, LicenseType, OrderLineKind, ProductKind } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { requireCompanyAdmin } from "@/lib/memberships/require-company-admin";
import {
  enterpriseRefused,
  findCatalogueProduct,
  isSoldBySalesOnly,
  maxSeatsPerLine,
  proRataUnitPriceCents,
  renewedValidUntil,
  termEndFrom,
  unitPriceCents,
} from "@/lib/shop/catalogue";
import { OrderLineInput } from "@/lib/shop/order-input";
import { isRecordId } from "@/lib/validation/record-id";

export type QuotedLine = {
  kind: OrderLineKind;
  productName: string;
  productKind: ProductKind;
  edition: LicenseEdition;
  type: LicenseType;
  seats: number;
  unitPriceCents: number;
  netCents: number;
  /** The license an ADD_SEATS or RENEWAL line changes. */
  licenseId: string | null;
  /** An existing license's end date now. */
  validUntil: Date | null;
  /** The end date after this order: a year from now (new), a year more (renewal), unchanged (more seats). */
  validUntilAfterOrder: Date;
  /** ADD_SEATS: priced for the days left of the license's term (proRataUnitPriceCents), with the year's price. */
  proRata: { daysLeft: number; yearUnitPriceCents: number } | null;
};

export type CheckoutQuote = {
  lines: QuotedLine[];
  netCents: number;
  /** Set when a line changes an existing license: the order can only be for that company. */
  fixedCompany: { id: string; name: string; country: string; vatNumber: string | null } | null;
};

export async function quoteCheckout(options: { actor: Actor; lines: unknown[]; clock?: Clock; db?: DbClient }): Promise<CheckoutQuote> {
  const client = options.db ?? processDb();
  const now = (options.clock ?? systemClock).now();
  const lines: QuotedLine[] = [];
  let fixedCompany: CheckoutQuote["fixedCompany"] = null;
  for (const raw of options.lines) {
    const parsed = OrderLineInput.safeParse(raw);
    if (!parsed.success) throw new DomainError("INVALID", "The shop does not sell this");
    const line = parsed.data;
    if (line.kind === "NEW_LICENSE") {
      lines.push(quoteNewLicense(line, now));
      continue;
    }
    const quoted = await quoteLicenseLine(client, options.actor, line, now);
    if (fixedCompany && fixedCompany.id !== quoted.company.id) throw new DomainError("INVALID", "One order buys for one company");
    fixedCompany = quoted.company;
    lines.push(quoted.line);
  }
  return { lines, netCents: lines.reduce((sum, line) => sum + line.netCents, 0), fixedCompany };
}

function quoteNewLicense(line: Extract<OrderLineInput, { kind: "NEW_LICENSE" }>, now: Date): QuotedLine {
  // R6: Enterprise is never priced; the shop offers "Contact sales".
  if (isSoldBySalesOnly(line.edition)) throw enterpriseRefused();
  const product = findCatalogueProduct(line.productCode);
  const price = unitPriceCents(line.productCode, line.edition, line.type);
  if (!product || price === null) throw new DomainError("INVALID", "The shop does not sell this combination");
  if (line.seats > maxSeatsPerLine(line.type))
    throw new DomainError("INVALID", "Too many node-locked licenses", { fields: { seats: "too large" } });
  return {
    kind: "NEW_LICENSE",
    productName: product.name,
    productKind: product.kind,
    edition: line.edition,
    type: line.type,
    seats: line.seats,
    unitPriceCents: price,
    netCents: price * line.seats,
    licenseId: null,
    validUntil: null,
    validUntilAfterOrder: termEndFrom(now),
    proRata: null,
  };
}

async function quoteLicenseLine(
  client: DbClient,
  actor: Actor,
  line: Exclude<OrderLineInput, { kind: "NEW_LICENSE" }>,
  now: Date,
): Promise<{ line: QuotedLine; company: NonNullable<CheckoutQuote["fixedCompany"]> }> {
  if (!isRecordId(line.licenseId)) throw notFound("License");
  const license = await client.license.findUnique({
    where: { id: line.licenseId },
    include: { product: true, group: { include: { company: { select: { id: true, name: true, country: true, vatNumber: true } } } } },
  });
  if (!license) throw notFound("License");
  // R28 and decision 011: strangers get NOT_FOUND, members without the ADMIN role FORBIDDEN.
  await requireCompanyAdmin({ actor, companyId: license.group.companyId, db: client, resource: "License" });
  if (isSoldBySalesOnly(license.edition)) throw enterpriseRefused();
  const price = unitPriceCents(license.product.code, license.edition, license.type);
  if (price === null) throw new DomainError("INVALID", "This license cannot be extended online", { reason: "NOT_SOLD_ONLINE" });
  const isExpired = license.validUntil <= now;
  let seats: number;
  let unitPrice = price;
  let proRata: QuotedLine["proRata"] = null;
  let validUntilAfterOrder = license.validUntil;
  if (line.kind === "ADD_SEATS") {
    if (license.type === "NODE_LOCKED")
      throw new DomainError("INVALID", "A node-locked license has one seat", { reason: "NODE_LOCKED_SINGLE_SEAT" });
    if (isExpired) throw new DomainError("INVALID", "The license has expired; renew it first", { reason: "LICENSE_EXPIRED" });
    seats = line.seats;
    const prorated = proRataUnitPriceCents(price, license.validUntil, now);
    unitPrice = prorated.unitPriceCents;
    proRata = { daysLeft: prorated.daysLeft, yearUnitPriceCents: price };
  } else {
    seats = license.seats;
    // R31: one more year from the license's end, or from now when it has ended (as placeOrder does).
    validUntilAfterOrder = renewedValidUntil(license.validUntil, now);
  }
  return {
    company: license.group.company,
    line: {
      kind: line.kind,
      productName: license.product.name,
      productKind: license.product.kind,
      edition: license.edition,
      type: license.type,
      seats,
      unitPriceCents: unitPrice,
      netCents: unitPrice * seats,
      licenseId: license.id,
      validUntil: license.validUntil,
      validUntilAfterOrder,
      proRata,
    },
  };
}
