import { getLocale, getTranslations } from "next-intl/server";
import { parseAuditSearchParams, auditActionMessageKey } from "@/lib/audit/audit-search-params";
import { canManageSoftware } from "@/lib/auth/permissions";
import { auditLogCsvChunks } from "@/lib/csv/audit-log-csv";
import { csvFileName, csvSeparatorFor } from "@/lib/csv/to-csv";
import { isDomainError } from "@/lib/errors";
import { resolveLocale } from "@/lib/i18n/locales";
import { getSessionUser } from "@/app/session";

/** R24: the current company's audit trail as CSV, with the page's filters; admins only (404 otherwise). */
export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  const membership = user?.currentMembership;
  if (!user || !membership || !canManageSoftware(membership)) return new Response("Not found", { status: 404 });
  const { filters } = parseAuditSearchParams(new URL(request.url).searchParams);
  const [t, tType, locale] = await Promise.all([getTranslations("audit"), getTranslations("licenseType"), getLocale()]);

  let chunks: AsyncGenerator<string>;
  try {
    chunks = await auditLogCsvChunks({
      actor: user,
      companyId: membership.company.id,
      filters,
      labels: {
        columns: [
          t("when"),
          t("action"),
          t("actor"),
          t("actorEmail"),
          t("subject"),
          t("subjectEmail"),
          t("product"),
          t("licenseType"),
          t("licenseId"),
          t("reasonColumn"),
          t("details"),
        ],
        actionName: (action) => t(`actions.${auditActionMessageKey(action)}`),
        licenseTypeName: (type) => tType(type),
      },
      // The separator Excel expects where the reader's language is spoken (lib/csv/to-csv.ts).
      separator: csvSeparatorFor(resolveLocale(locale)),
    });
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND") || isDomainError(error, "FORBIDDEN")) return new Response("Not found", { status: 404 });
    throw error;
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName("audit-log", new Date())}"`,
      "Cache-Control": "no-store",
    },
  });
}
