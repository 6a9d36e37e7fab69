// GET /api/v1/entitlements: "My software" (R23) as JSON, in the current company as the portal chooses it (R11).
import "server-only";
import type { LicenseEdition, LicenseType, ProductKind } from "@prisma/client";
import { displayName } from "@/lib/auth/current-user";
import { canUseSoftware } from "@/lib/auth/permissions";
import { systemClock, type Clock } from "@/lib/clock";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";

export type Entitlement = {
  licenseId: string;
  productCode: string;
  productName: string;
  productKind: ProductKind;
  licenseType: LicenseType;
  edition: LicenseEdition;
  validUntil: Date;
  activationKey: string | null;
  launchUrl: string | null;
  downloadUrl: string | null;
};
export type Entitlements = {
  user: { id: string; email: string; name: string };
  company: { id: string; name: string; country: string } | null;
  entitlements: Entitlement[];
};

export async function listEntitlements(options: { userId: string; clock?: Clock; db?: DbClient }): Promise<Entitlements> {
  const client = options.db ?? processDb();
  const now = (options.clock ?? systemClock).now();
  const user = await client.user.findUnique({
    where: { id: options.userId },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      currentCompanyId: true,
      memberships: {
        select: { role: true, company: { select: { id: true, name: true, country: true } } },
        orderBy: [{ company: { name: "asc" } }, { company: { country: "asc" } }],
      },
    },
  });
  if (!user) throw new DomainError("UNAUTHENTICATED", "Unknown user");
  const membership = user.memberships.find((candidate) => candidate.company.id === user.currentCompanyId) ?? user.memberships[0] ?? null;
  const profile = { id: user.id, email: user.email, name: displayName(user) };
  if (!membership) return { user: profile, company: null, entitlements: [] };
  // A role that may not use software sees its company, but no software.
  if (!canUseSoftware(membership)) return { user: profile, company: membership.company, entitlements: [] };

  // R18: only active assignments; R31: only licenses valid today.
  const assignments = await client.assignment.findMany({
    where: {
      userId: user.id,
      revokedAt: null,
      license: { group: { companyId: membership.company.id }, validFrom: { lte: now }, validUntil: { gt: now } },
    },
    orderBy: [{ license: { product: { name: "asc" } } }, { assignedAt: "asc" }],
    select: {
      license: {
        select: {
          id: true,
          type: true,
          edition: true,
          validUntil: true,
          activationKey: true,
          product: { select: { code: true, name: true, kind: true, launchUrl: true, downloadUrl: true } },
        },
      },
    },
  });
  return {
    user: profile,
    company: membership.company,
    entitlements: assignments.map(({ license: { product, ...license } }) => ({
      licenseId: license.id,
      productCode: product.code,
      productName: product.name,
      productKind: product.kind,
      licenseType: license.type,
      edition: license.edition,
      validUntil: license.validUntil,
      activationKey: product.kind === "DESKTOP" ? license.activationKey : null,
      launchUrl: product.launchUrl,
      downloadUrl: product.downloadUrl,
    })),
  };
}
