// A license ends in 30 days; each of the company's admins is told once, with a link to
// the group page where the license can be renewed.
import { Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import { strong } from "./messages/email-translator";
import { licenseTypeLabel } from "./purchase-confirmation";

type Props = EmailProps<"license-expiring">;

/** The end date as the reader writes dates; licenses run on the seller's (Dutch) calendar. */
function endDate(locale: string, validUntil: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(new Date(validUntil));
}

export function LicenseExpiringEmail({ locale, t, payload }: Props) {
  const values = {
    productName: payload.productName,
    companyName: payload.companyName,
    date: endDate(locale, payload.validUntil),
    days: payload.daysLeft,
    licenseType: licenseTypeLabel(t, payload.licenseType),
    seats: payload.seats,
  };
  return (
    <EmailLayout locale={locale} t={t} firstName={payload.firstName} messages="licenseExpiring" values={values}>
      <Text style={styles.paragraph}>{t.rich("licenseExpiring.intro", { ...values, strong })}</Text>
      <Text style={styles.paragraph}>{t("licenseExpiring.details", values)}</Text>
      <Text style={styles.paragraph}>{t("licenseExpiring.next")}</Text>
      <EmailButton href={payload.renewUrl} label={t("licenseExpiring.button")} fallbackLabel={t("common.buttonFallback")} />
    </EmailLayout>
  );
}

export const licenseExpiring: EmailDefinition<"license-expiring"> = {
  subject: ({ locale, t, payload }) =>
    t("licenseExpiring.subject", {
      productName: payload.productName,
      date: endDate(locale, payload.validUntil),
    }),
  render: (props) => <LicenseExpiringEmail {...props} />,
};
