import { getLocale, getTranslations } from "next-intl/server";
import { getLicenseGroupGrid } from "@/lib/assignments/get-license-group-grid";
import { licenseGroupGridCsv, type GridCsvLabels } from "@/lib/csv/license-group-grid-csv";
import { csvFileName, csvSeparatorFor } from "@/lib/csv/to-csv";
import { isDomainError } from "@/lib/errors";
import { resolveLocale } from "@/lib/i18n/locales";
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
  const [t, tType, locale] = await Promise.all([getTranslations("audit.gridCsv"), getTranslations("licenseType"), getLocale()]);
  const labels: GridCsvLabels = {
    columns: [t("lastName"), t("firstName"), t("email"), t("position"), t("role"), t("status")],
    licenseColumn: (license) => `${license.productName} · ${tType(license.type)} · ${license.validUntil.slice(0, 10)}`,
    role: (role) => (role === "ADMIN" ? t("roleAdmin") : t("roleUser")),
    status: (gridUser) =>
      gridUser.isRegistered
        ? t("registered")
        : gridUser.invitation?.status === "FAILED"
          ? t("deliveryFailed")
          : gridUser.invitation
            ? t("invitationSent")
            : t("notInvited"),
    assigned: "x",
  };
  // The separator Excel expects where the reader's language is spoken (lib/csv/to-csv.ts).
  const csv = licenseGroupGridCsv(grid, labels, csvSeparatorFor(resolveLocale(locale)));
  const fileName = csvFileName(grid.group.name, new Date());
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
