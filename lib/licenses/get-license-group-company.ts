// R28: a license group's company from the database, never from the client.
import "server-only";
import { db as processDb, type DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { isRecordId } from "@/lib/validation/record-id";

export async function getLicenseGroupCompanyId(options: { groupId: string; db?: DbClient }): Promise<string> {
  if (!isRecordId(options.groupId)) throw notFound("License group");
  const group = await (options.db ?? processDb()).licenseGroup.findUnique({ where: { id: options.groupId }, select: { companyId: true } });
  if (!group) throw notFound("License group");
  return group.companyId;
}
