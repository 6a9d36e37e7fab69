import { useFormatter, useTranslations } from "next-intl";
import { isEditionNamed, type LabelledLicense } from "@/lib/licenses/license-label";

/** The license's one label: "PROFIS Engineering · Named user · t/m 31 dec 2027" (lib/licenses/license-label.ts). */
export function useLicenseLabel(): (license: LabelledLicense, options?: { withTerm?: boolean }) => string {
  const t = useTranslations();
  const format = useFormatter();
  return (license, options) => {
    const product = isEditionNamed(license.edition) ? `${license.productName} ${t(`edition.${license.edition}`)}` : license.productName;
    const type = t(`licenseType.${license.type}`);
    if (options?.withTerm === false) return t("licenseLabel.short", { product, type });
    return t("licenseLabel.full", { product, type, until: format.dateTime(new Date(license.validUntil), { dateStyle: "medium" }) });
  };
}

export function LicenseLabel({ license, withTerm }: { license: LabelledLicense; withTerm?: boolean }) {
  return <>{useLicenseLabel()(license, { withTerm })}</>;
}
