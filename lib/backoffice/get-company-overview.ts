// R31: one company for the back office: contacts and roles, license groups with every license, orders.
import "server-only";
import type { LicenseEdition, LicenseType, MembershipRole, OrderStatus, ProductKind } from "@prisma/client";
import type { Actor } from "@/lib/accounts/actor";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { seatsTaken } from "@/lib/licenses/seat-counts";
import { notFound } from "@/lib/errors";
import { isRecordId } from "@/lib/validation/record-id";

export type BackofficeMember = {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  role: MembershipRole;
  isRegistered: boolean;
};

export type BackofficeLicense = {
  id: string;
  productName: string;
  productKind: ProductKind;
  edition: LicenseEdition;
  type: LicenseType;
  seats: number;
  /** Named and node-locked: active assignments; floating: live leases (R1–R3; seatsTaken). */
  seatsUsed: number;
  assigned: number;
  validFrom: Date;
  validUntil: Date;
  isExpired: boolean;
  activationKey: string | null;
};

export type BackofficeGroup = {
  id: string;
  name: string;
  sapAccountNumber: string;
  orderReference: string | null;
  version: number;
  licenses: BackofficeLicense[];
};

export type BackofficeCompanyOrder = {
  id: string;
  createdAt: Date;
  buyerEmail: string;
  totalCents: number;
  currency: string;
  status: OrderStatus;
  lineCount: number;
  handledAt: Date | null;
};

export type CompanyOverview = {
  company: {
    id: string;
    name: string;
    country: string;
    sapAccountNumber: string;
    vatNumber: string | null;
    createdAt: Date;
    verifiedAt: Date | null;
  };
  members: BackofficeMember[];
  groups: BackofficeGroup[];
  orders: BackofficeCompanyOrder[];
};

const MAX_ORDERS_SHOWN = 50;

export async function getCompanyOverview(options: {
  actor: Actor;
  companyId: string;
  clock?: Clock;
  db?: DbClient;
}): Promise<CompanyOverview> {
  const client = options.db ?? processDb();
  await requireBackofficeStaff({ actor: options.actor, db: client });
  if (!isRecordId(options.companyId)) throw notFound("Company");
  const now = (options.clock ?? systemClock).now();
  const company = await client.company.findUnique({
    where: { id: options.companyId },
    select: { id: true, name: true, country: true, sapAccountNumber: true, vatNumber: true, createdAt: true, verifiedAt: true },
  });
  if (!company) throw notFound("Company");

  const memberships = await client.membership.findMany({
    where: { companyId: company.id },
    select: { role: true, user: { select: { id: true, email: true, firstName: true, lastName: true, passwordHash: true } } },
    orderBy: [{ role: "asc" }, { user: { lastName: "asc" } }, { user: { email: "asc" } }],
  });
  const groups = await client.licenseGroup.findMany({
    where: { companyId: company.id },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      sapAccountNumber: true,
      orderReference: true,
      version: true,
      licenses: {
        orderBy: [{ product: { name: "asc" } }, { type: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          edition: true,
          type: true,
          seats: true,
          validFrom: true,
          validUntil: true,
          activationKey: true,
          product: { select: { name: true, kind: true } },
          _count: {
            select: { assignments: { where: { revokedAt: null } }, leases: { where: { releasedAt: null, expiresAt: { gt: now } } } },
          },
        },
      },
    },
  });
  const orders = await client.order.findMany({
    where: { companyId: company.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_ORDERS_SHOWN,
    select: {
      id: true,
      createdAt: true,
      totalCents: true,
      currency: true,
      status: true,
      handledAt: true,
      buyer: { select: { email: true } },
      _count: { select: { lines: true } },
    },
  });

  return {
    company,
    members: memberships.map(({ role, user }) => ({
      userId: user.id,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      role,
      isRegistered: user.passwordHash !== null,
    })),
    groups: groups.map(({ licenses, ...group }) => ({
      ...group,
      licenses: licenses.map(({ _count, product, ...license }) => ({
        ...license,
        productName: product.name,
        productKind: product.kind,
        assigned: _count.assignments,
        seatsUsed: seatsTaken(license.type, { assigned: _count.assignments, inUseNow: _count.leases }),
        isExpired: license.validUntil <= now,
      })),
    })),
    orders: orders.map(({ buyer, _count, ...order }) => ({ ...order, buyerEmail: buyer.email, lineCount: _count.lines })),
  };
}
