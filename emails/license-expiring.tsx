// A license ends in 30 days; each of the company's admins is told once, with a link to
// the group page where the license can be renewed.
import { Heading, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import { formatMessage, formatRich } from "./messages/format-message";
import { licenseTypeLabel } from "./purchase-confirmation";

type Props = EmailProps<"license-expiring">;

/** The end date as the reader writes dates; licenses run on the seller's (Dutch) calendar. */
function endDate(locale: string, validUntil: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(new Date(validUntil));
}

export function LicenseExpiringEmail({ locale, messages, payload }: Props) {
  const text = messages.licenseExpiring;
  const values = {
    productName: payload.productName,
    companyName: payload.companyName,
    date: endDate(locale, payload.validUntil),
    days: new Intl.NumberFormat(locale, { style: "unit", unit: "day", unitDisplay: "long" }).format(payload.daysLeft),
    licenseType: licenseTypeLabel(messages, payload.licenseType),
    seats: String(payload.seats),
  };
  return (
    <EmailLayout
      locale={locale}
      messages={messages}
      firstName={payload.firstName}
      preview={formatMessage(text.preview, values)}
      footer={formatMessage(text.footer, values)}
    >
      <Heading as="h1" style={styles.heading}>
        {formatMessage(text.heading, values)}
      </Heading>
      <Text style={styles.paragraph}>
        {formatRich(text.intro, {
          ...values,
          productName: <strong>{payload.productName}</strong>,
          companyName: <strong>{payload.companyName}</strong>,
          date: <strong>{values.date}</strong>,
        })}
      </Text>
      <Text style={styles.paragraph}>{formatMessage(text.details, values)}</Text>
      <Text style={styles.paragraph}>{text.next}</Text>
      <EmailButton href={payload.renewUrl} label={text.button} fallbackLabel={messages.common.buttonFallback} />
    </EmailLayout>
  );
}

export const licenseExpiring: EmailDefinition<"license-expiring"> = {
  subject: ({ locale, messages, payload }) =>
    formatMessage(messages.licenseExpiring.subject, {
      productName: payload.productName,
      date: endDate(locale, payload.validUntil),
    }),
  render: (props) => <LicenseExpiringEmail {...props} />,
};
