// R21 (web applications): the license email with the "Let's get started" button. R22: the reader
// signs in (or registers first) and works.
import { Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import { strong } from "./messages/email-translator";

type Props = EmailProps<"license-assigned-web">;

export function LicenseAssignedWebEmail({ locale, t, payload }: Props) {
  const names = { adminName: payload.adminName, companyName: payload.companyName, productName: payload.productName };
  return (
    <EmailLayout locale={locale} t={t} firstName={payload.firstName} messages="licenseAssignedWeb" values={names}>
      <Text style={styles.paragraph}>{t.rich("licenseAssignedWeb.intro", { ...names, strong })}</Text>
      <Text style={styles.paragraph}>{t("licenseAssignedWeb.start")}</Text>
      <EmailButton href={payload.startUrl} label={t("licenseAssignedWeb.button")} fallbackLabel={t("common.buttonFallback")} />
      <Text style={styles.paragraph}>{t("licenseAssignedWeb.noAccount")}</Text>
    </EmailLayout>
  );
}

export const licenseAssignedWeb: EmailDefinition<"license-assigned-web"> = {
  subject: ({ t, payload }) => t("licenseAssignedWeb.subject", { adminName: payload.adminName, productName: payload.productName }),
  render: (props) => <LicenseAssignedWebEmail {...props} />,
};
