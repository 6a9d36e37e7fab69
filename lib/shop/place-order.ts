// R6, R7: a purchase in one transaction (company, group, licenses and keys, seats, renewals, order, the
// buyer's ADMIN role, audit events, confirmation mail). The idempotency key's unique index makes a repeat
// one order; new licenses go into the company's oldest group of its own SAP account (R12).
import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import type { Company, LicenseGroup, Order, OrderLine } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { fieldErrors } from "@/lib/accounts/account-schemas";
import { recordAuditEvents, type AuditEventInput } from "@/lib/audit/record-audit-event";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { enterpriseRefused, maxSeatsPerLine, proRataUnitPriceCents, unitPriceCents } from "@/lib/shop/catalogue";
import { normalizedPostalCode, type BillingAddress } from "@/lib/shop/billing-details";
import { enqueuePurchaseConfirmation } from "@/lib/shop/purchase-confirmation-email";
import { addSeats, createLicenses, lockCompanyLicense, renewLicense, type Audit, type PricedLine } from "@/lib/shop/order-line-licenses";
import { PlaceOrderInput, type NewCompanyInput, type OrderLineInput } from "@/lib/shop/order-input";
import { orderAmounts, vatRateDecimal, vatRuleFor } from "@/lib/shop/vat";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isUniqueViolation } from "@/lib/transactions/unique-violation";

const IDEMPOTENCY_INDEX = "Order_idempotencyKey_key";

type PlacedOrder = { order: Order & { lines: OrderLine[] }; isReplay: boolean };

export type PlaceOrderOptions = PlaceOrderInput & { actor: Actor; clock?: Clock; db?: DbClient };

export async function placeOrder(options: PlaceOrderOptions): Promise<PlacedOrder> {
  refuseEnterprise(options.lines);
  const parsed = PlaceOrderInput.safeParse({
    companyId: options.companyId,
    newCompany: options.newCompany,
    lines: options.lines,
    billing: options.billing,
    purchaseOrderNumber: options.purchaseOrderNumber,
    idempotencyKey: options.idempotencyKey,
  });
  if (!parsed.success) throw new DomainError("INVALID", "Invalid order", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  checkNewLicenseLines(input.lines);
  const now = (options.clock ?? systemClock).now();
  const client = options.db ?? processDb();

  const earlier = await findOrderByKey(client, input.idempotencyKey, options.actor);
  if (earlier) return { order: earlier, isReplay: true };
  try {
    const order = await runInTransaction(options.db, (transaction) =>
      fulfilOrder(transaction, { actor: options.actor, input, now, clock: options.clock }),
    );
    return { order, isReplay: false };
  } catch (error) {
    if (!isUniqueViolation(error, IDEMPOTENCY_INDEX)) throw error;
    // A concurrent request with the same key committed first; this one rolled back entirely.
    const winner = await findOrderByKey(client, input.idempotencyKey, options.actor);
    if (!winner) throw error;
    return { order: winner, isReplay: true };
  }
}

/** R6: Enterprise is sold by the back office only, whatever line kind or spelling carries it. */
function refuseEnterprise(lines: unknown): void {
  if (!Array.isArray(lines)) return;
  for (const line of lines as unknown[]) {
    const edition = typeof line === "object" && line !== null ? (line as { edition?: unknown }).edition : undefined;
    if (typeof edition === "string" && edition.trim().toUpperCase() === "ENTERPRISE") throw enterpriseRefused();
  }
}

/** Each new license must be a combination the catalogue sells, with a seat count the type allows. */
function checkNewLicenseLines(lines: OrderLineInput[]): void {
  const fields: Record<string, string> = {};
  lines.forEach((line, index) => {
    if (line.kind !== "NEW_LICENSE") return;
    if (unitPriceCents(line.productCode, line.edition, line.type) === null) fields[`lines.${index}.type`] = "invalid";
    else if (line.seats > maxSeatsPerLine(line.type)) fields[`lines.${index}.seats`] = "too large";
  });
  if (Object.keys(fields).length > 0) throw new DomainError("INVALID", "The order contains an item the shop does not sell", { fields });
}

async function findOrderByKey(client: DbClient, idempotencyKey: string, actor: Actor): Promise<PlacedOrder["order"] | null> {
  const order = await client.order.findUnique({ where: { idempotencyKey }, include: { lines: true } });
  if (!order) return null;
  // Keys are random per checkout; someone else's key is never an answer to this buyer (R28).
  if (order.buyerId !== actor.id) throw new DomainError("CONFLICT", "This checkout was already used", { reason: "IDEMPOTENCY_KEY_REUSED" });
  return order;
}

type Fulfilment = { actor: Actor; input: ReturnType<typeof PlaceOrderInput.parse>; now: Date; clock?: Clock };

async function fulfilOrder(transaction: DbClient, { actor, input, now, clock }: Fulfilment): Promise<PlacedOrder["order"]> {
  const buyer = await transaction.user.findUnique({
    where: { id: actor.id },
    select: { id: true, email: true, firstName: true, language: true, disabledAt: true },
  });
  if (!buyer || buyer.disabledAt) throw new DomainError("FORBIDDEN", "The acting user cannot buy");
  const orderId = randomUUID();
  const events: AuditEventInput[] = [];
  const audit = (event: Omit<AuditEventInput, "actorId" | "at">) => events.push({ ...event, actorId: buyer.id, at: now });

  // PlaceOrderInput guarantees exactly one of the two.
  let company: Company;
  if (input.newCompany) {
    company = await createBuyerCompany(transaction, input.newCompany, audit);
    await addBuyerAsAdmin(transaction, company.id, buyer.id, audit);
  } else {
    company = await lockAdminCompany(transaction, input.companyId ?? "", buyer.id);
  }
  const billing = await billingAddressOf(transaction, company, input.billing);

  const products = new Map((await transaction.product.findMany()).map((product) => [product.code, product]));
  let group: LicenseGroup | null = null;
  const priced: PricedLine[] = [];
  for (const [index, line] of input.lines.entries()) {
    if (line.kind === "NEW_LICENSE") {
      group ??= await findOrCreateGroup(transaction, company, audit);
      priced.push(...(await createLicenses(transaction, { line, group, product: products.get(line.productCode), now, orderId, audit })));
      continue;
    }
    const license = await lockCompanyLicense(transaction, line.licenseId, company.id);
    const unitPrice = unitPriceCents(license.product.code, license.edition, license.type);
    if (unitPrice === null)
      throw new DomainError("INVALID", "This license cannot be extended online", {
        reason: "NOT_SOLD_ONLINE",
        fields: { [`lines.${index}.licenseId`]: "invalid" },
      });
    group ??= await transaction.licenseGroup.findUniqueOrThrow({ where: { id: license.groupId } });
    const common = {
      kind: line.kind,
      productId: license.productId,
      edition: license.edition,
      type: license.type,
      unitPriceCents: unitPrice,
      licenseId: license.id,
      productName: license.product.name,
    };
    if (line.kind === "ADD_SEATS") {
      await addSeats(transaction, { license, companyId: company.id, seats: line.seats, index, now, orderId, audit });
      // Added seats cost the days left of the license's term, as quoted.
      priced.push({
        ...common,
        seats: line.seats,
        unitPriceCents: proRataUnitPriceCents(unitPrice, license.validUntil, now).unitPriceCents,
      });
    } else {
      if (license.seats < 1)
        throw new DomainError("INVALID", "A license without seats cannot be renewed", {
          fields: { [`lines.${index}.licenseId`]: "invalid" },
        });
      await renewLicense(transaction, { license, companyId: company.id, now, orderId, audit });
      priced.push({ ...common, seats: license.seats });
    }
  }

  const amounts = orderAmounts(
    priced.reduce((sum, line) => sum + line.unitPriceCents * line.seats, 0),
    vatRuleFor(company),
  );
  // A concurrent request with the same key makes this insert wait, then fail.
  const order = await transaction.order.create({
    data: {
      id: orderId,
      companyId: company.id,
      buyerId: buyer.id,
      licenseGroupId: group?.id ?? null,
      idempotencyKey: input.idempotencyKey,
      netCents: amounts.netCents,
      vatCents: amounts.vatCents,
      totalCents: amounts.totalCents,
      vatRate: vatRateDecimal(amounts.rateBasisPoints),
      purchaseOrderNumber: input.purchaseOrderNumber ?? null,
      billingVatNumber: company.vatNumber,
      ...billing,
      createdAt: now,
      lines: {
        create: priced.map((line) => ({
          kind: line.kind,
          productId: line.productId,
          edition: line.edition,
          type: line.type,
          seats: line.seats,
          unitPriceCents: line.unitPriceCents,
          licenseId: line.licenseId,
        })),
      },
    },
    include: { lines: true },
  });
  audit({
    action: "order.placed",
    companyId: company.id,
    data: {
      orderId,
      invoiceNumber: order.invoiceNumber,
      purchaseOrderNumber: order.purchaseOrderNumber,
      lines: priced.length,
      netCents: amounts.netCents,
      vatCents: amounts.vatCents,
      totalCents: amounts.totalCents,
      vatTreatment: amounts.treatment,
    },
  });
  await recordAuditEvents({ db: transaction, events });
  await enqueuePurchaseConfirmation({ db: transaction, buyer, company, order, groupId: group?.id ?? null, lines: priced, clock });
  return order;
}

type OrderBilling = Pick<
  Order,
  "billingName" | "billingAttention" | "billingStreet" | "billingPostalCode" | "billingCity" | "billingCountry"
>;

/** The invoice's address (decision 021): the one given (then also on file), else the one on file, else none. */
async function billingAddressOf(transaction: DbClient, company: Company, given: BillingAddress | undefined): Promise<OrderBilling> {
  let address: (Omit<BillingAddress, "attention"> & { attention: string | null | undefined }) | null = null;
  if (given) {
    const postalCode = normalizedPostalCode(given.postalCode, company.country);
    if (!postalCode)
      throw new DomainError("INVALID", "The postal code does not fit the company's country", {
        fields: { "billing.postalCode": "invalid" },
      });
    address = { ...given, postalCode };
    const onFile = {
      billingAttention: address.attention ?? null,
      billingStreet: address.street,
      billingPostalCode: postalCode,
      billingCity: address.city,
    };
    if (Object.entries(onFile).some(([field, value]) => company[field as keyof typeof onFile] !== value)) {
      await transaction.company.update({ where: { id: company.id }, data: onFile });
    }
  } else if (company.billingStreet && company.billingPostalCode && company.billingCity) {
    address = {
      attention: company.billingAttention,
      street: company.billingStreet,
      postalCode: company.billingPostalCode,
      city: company.billingCity,
    };
  }
  if (!address)
    return {
      billingName: null,
      billingAttention: null,
      billingStreet: null,
      billingPostalCode: null,
      billingCity: null,
      billingCountry: null,
    };
  return {
    billingName: company.name,
    billingAttention: address.attention ?? null,
    billingStreet: address.street,
    billingPostalCode: address.postalCode,
    billingCity: address.city,
    billingCountry: company.country,
  };
}

async function lockAdminCompany(transaction: DbClient, companyId: string, buyerId: string): Promise<Company> {
  const membership = await transaction.membership.findUnique({
    where: { userId_companyId: { userId: buyerId, companyId } },
    select: { role: true },
  });
  // R28: a company the buyer does not belong to does not exist for them (and is not locked by them).
  if (!membership) throw notFound("Company");
  // Decision 011: only the company's admins buy for it.
  if (membership.role !== "ADMIN")
    throw new DomainError("FORBIDDEN", "Only the company's administrators buy for it", { reason: "ADMIN_REQUIRED" });
  // Serialises this company's orders, so two first orders cannot both create a group.
  const [company] = await transaction.$queryRaw<Company[]>`SELECT * FROM "Company" WHERE "id" = ${companyId}::uuid FOR UPDATE`;
  if (!company) throw notFound("Company");
  return company;
}

/** Its SAP account number: ten random digits starting with 9 (the shop's range), drawn again when taken. */
async function createBuyerCompany(transaction: DbClient, newCompany: NewCompanyInput, audit: Audit): Promise<Company> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const sapAccountNumber = `9${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
    const [company] = await transaction.company.createManyAndReturn({
      data: [{ name: newCompany.name, country: newCompany.country, vatNumber: newCompany.vatNumber ?? null, sapAccountNumber }],
      skipDuplicates: true,
    });
    if (company) {
      audit({ action: "company.created", companyId: company.id, data: { name: company.name, country: company.country, via: "shop" } });
      return company;
    }
  }
  throw new Error("Could not draw a free SAP account number");
}

/** The buyer of a new company is its first administrator. */
async function addBuyerAsAdmin(transaction: DbClient, companyId: string, buyerId: string, audit: Audit): Promise<void> {
  await transaction.membership.create({ data: { userId: buyerId, companyId, role: "ADMIN", addedById: buyerId } });
  audit({
    action: "member.added",
    companyId,
    subjectUserId: buyerId,
    data: { role: "ADMIN", isNewContact: false, isInvited: false, via: "order" },
  });
}

async function findOrCreateGroup(transaction: DbClient, company: Company, audit: Audit): Promise<LicenseGroup> {
  const existing = await transaction.licenseGroup.findFirst({
    where: { companyId: company.id, sapAccountNumber: company.sapAccountNumber },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (existing) return existing;
  const group = await transaction.licenseGroup.create({
    data: { companyId: company.id, sapAccountNumber: company.sapAccountNumber, name: company.name },
  });
  audit({ action: "license-group.created", companyId: company.id, data: { groupId: group.id, name: group.name, via: "shop" } });
  return group;
}
