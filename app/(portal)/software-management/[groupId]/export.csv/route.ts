import { getTranslations } from "next-intl/server";
import { getLicenseGroupGrid } from "@/lib/assignments/get-license-group-grid";
import { licenseGroupGridCsv } from "@/lib/csv/license-group-grid-csv";
import { isDomainError } from "@/lib/errors";
import { getSessionUser } from "@/app/session";

/** The group's users × licenses as CSV. R28: a foreign or missing group and a non-admin get the same 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ groupId: string }> }): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return new Response("Not found", { status: 404 });
  let grid;
  try {
    grid = await getLicenseGroupGrid({ actor: user, groupId: (await params).groupId });
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND") || isDomainError(error, "FORBIDDEN")) return new Response("Not found", { status: 404 });
    throw error;
  }
  const [t, tType] = await Promise.all([getTranslations("audit.gridCsv"), getTranslations("licenseType")]);
  const csv = licenseGroupGridCsv(grid, {
    columns: [t("lastName"), t("firstName"), t("email"), t("position"), t("role"), t("status")],
    licenseColumn: (license) => `${license.productName} · ${tType(license.type)} · ${license.validUntil.slice(0, 10)}`,
    role: (role) => (role === "ADMIN" ? t("roleAdmin") : t("roleUser")),
    status: (gridUser) =>
      gridUser.isRegistered ? t("registered") : gridUser.invitation?.status === "FAILED" ? t("deliveryFailed") : gridUser.invitation ? t("invitationSent") : t("notInvited"),
    assigned: "x",
  });
  const fileName = `${grid.group.name.replace(/[^\w.-]+/g, "-")}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
