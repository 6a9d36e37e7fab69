// R7: the buyer's confirmation, with "Let's get started" into Software management.
import { Heading, Section, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import type { EmailMessages } from "./messages/email-messages";
import { formatMessage, formatRich } from "./messages/format-message";

type Props = EmailProps<"purchase-confirmation">;

const lastColumn = { textAlign: "right", paddingRight: 0 } as const;

/** Payloads carry the LicenseType code; anything else (already a label) is shown as given. */
function licenseTypeLabel(messages: EmailMessages, licenseType: string): string {
  return Object.hasOwn(messages.licenseType, licenseType)
    ? messages.licenseType[licenseType as keyof EmailMessages["licenseType"]]
    : licenseType;
}

export function PurchaseConfirmationEmail({ locale, messages, payload }: Props) {
  const text = messages.purchaseConfirmation;
  return (
    <EmailLayout
      locale={locale}
      messages={messages}
      firstName={payload.firstName}
      preview={text.preview}
      footer={formatMessage(text.footer, { companyName: payload.companyName })}
    >
      <Heading as="h1" style={styles.heading}>
        {text.heading}
      </Heading>
      <Text style={styles.paragraph}>
        {formatRich(text.intro, { companyName: <strong>{payload.companyName}</strong> })}
      </Text>
      <Text style={styles.paragraph}>
        {formatRich(text.orderNumber, { orderNumber: <strong>{payload.orderNumber}</strong> })}
      </Text>
      <Section>
        <table style={styles.table} data-text-format="dataTable">
          <thead>
            <tr>
              <th scope="col" style={styles.tableHeader}>
                {text.columnProduct}
              </th>
              <th scope="col" style={styles.tableHeader}>
                {text.columnLicenseType}
              </th>
              <th scope="col" style={{ ...styles.tableHeader, ...lastColumn }}>
                {text.columnSeats}
              </th>
            </tr>
          </thead>
          <tbody>
            {payload.lines.map((line, index) => (
              <tr key={index}>
                <td style={styles.tableCell}>{line.productName}</td>
                <td style={styles.tableCell}>{licenseTypeLabel(messages, line.licenseType)}</td>
                <td style={{ ...styles.tableCell, ...lastColumn }}>{line.seats}</td>
              </tr>
            ))}
            <tr>
              <td style={styles.tableTotal} colSpan={2}>
                {text.total}
              </td>
              <td style={{ ...styles.tableTotal, ...lastColumn }}>{payload.totalFormatted}</td>
            </tr>
          </tbody>
        </table>
      </Section>
      <Text style={styles.paragraph}>{text.next}</Text>
      <EmailButton href={payload.startUrl} label={text.button} fallbackLabel={messages.common.buttonFallback} />
    </EmailLayout>
  );
}

export const purchaseConfirmation: EmailDefinition<"purchase-confirmation"> = {
  subject: ({ messages, payload }) =>
    formatMessage(messages.purchaseConfirmation.subject, { orderNumber: payload.orderNumber }),
  render: (props) => <PurchaseConfirmationEmail {...props} />,
};
