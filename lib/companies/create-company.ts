// R11, R31: the back office creates a company account per country, identified by its SAP account.
import "server-only";
import type { Company } from "@prisma/client";
import { z } from "zod";
import type { Actor } from "@/lib/accounts/actor";
import { fieldErrors } from "@/lib/accounts/account-schemas";
import { CompanyName, CountryCode, SapAccountNumber, VatNumber } from "@/lib/companies/company-fields";
import { requireBackofficeStaff } from "@/lib/accounts/require-backoffice-staff";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { DbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { isUniqueViolation } from "@/lib/transactions/unique-violation";

const NewCompany = z.object({
  name: CompanyName,
  country: CountryCode,
  sapAccountNumber: SapAccountNumber,
  vatNumber: VatNumber.optional(),
});

export async function createCompany(options: {
  actor: Actor;
  name: string;
  country: string;
  sapAccountNumber: string;
  vatNumber?: string;
  db?: DbClient;
}): Promise<Company> {
  const parsed = NewCompany.safeParse(options);
  if (!parsed.success) throw new DomainError("INVALID", "Invalid company", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return runInTransaction(options.db, async (transaction) => {
    await requireBackofficeStaff({ actor: options.actor, db: transaction });
    let company: Company;
    try {
      // Created by the vendor's staff, so known to the vendor (decision 016).
      company = await transaction.company.create({ data: { ...input, vatNumber: input.vatNumber ?? null, verifiedAt: new Date() } });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError("CONFLICT", `A company with SAP account ${input.sapAccountNumber} already exists`, {
          fields: { sapAccountNumber: "taken" },
        });
      }
      throw error;
    }
    await recordAuditEvent({
      db: transaction,
      event: {
        action: "company.created",
        companyId: company.id,
        actorId: options.actor.id,
        data: { name: company.name, country: company.country },
      },
    });
    return company;
  });
}
