// R12, R31: "a set of licenses bought within the same SAP account"; created by the back office.
import "server-only";
import type { LicenseGroup } from "@prisma/client";
import { z } from "zod";
import type { Actor } from "@/lib/accounts/actor";
import { fieldErrors } from "@/lib/accounts/account-schemas";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { SapAccountNumber } from "@/lib/companies/company-fields";
import type { DbClient } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isUniqueViolation } from "@/lib/transactions/unique-violation";
import { isRecordId } from "@/lib/validation/record-id";
import { singleLineText } from "@/lib/validation/safe-text";

const NewLicenseGroup = z.object({
  name: singleLineText("required").min(1, "required").max(200, "too long"),
  sapAccountNumber: SapAccountNumber.optional(),
  orderReference: singleLineText().max(100, "too long").optional(),
});

export async function createLicenseGroup(options: {
  actor: Actor;
  companyId: string;
  name: string;
  /** Defaults to the company's own SAP account. */
  sapAccountNumber?: string;
  orderReference?: string;
  db?: DbClient;
}): Promise<LicenseGroup> {
  const parsed = NewLicenseGroup.safeParse(options);
  if (!parsed.success) throw new DomainError("INVALID", "Invalid license group", { fields: fieldErrors(parsed.error) });
  if (!isRecordId(options.companyId)) throw notFound("Company");

  return runInTransaction(options.db, async (transaction) => {
    await requireBackofficeStaff({ actor: options.actor, db: transaction });
    const company = await transaction.company.findUnique({ where: { id: options.companyId }, select: { sapAccountNumber: true } });
    if (!company) throw notFound("Company");
    let group: LicenseGroup;
    try {
      group = await transaction.licenseGroup.create({
        data: {
          companyId: options.companyId,
          name: parsed.data.name,
          sapAccountNumber: parsed.data.sapAccountNumber ?? company.sapAccountNumber,
          orderReference: parsed.data.orderReference ?? null,
        },
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError("CONFLICT", `The company already has a license group named ${parsed.data.name}`, {
          fields: { name: "taken" },
        });
      throw error;
    }
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "license-group.created",
        companyId: options.companyId,
        actorId: options.actor.id,
        data: { groupId: group.id, name: group.name },
      },
    });
    return group;
  });
}
