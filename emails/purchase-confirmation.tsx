// R7: the buyer's confirmation, with "Let's get started" into Software management.
import { Heading, Link, Section, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import type { EmailMessages } from "./messages/email-messages";
import { formatMessage, formatRich } from "./messages/format-message";

type Props = EmailProps<"purchase-confirmation">;

const lastColumn = { textAlign: "right", paddingRight: 0 } as const;

/** Payloads carry the LicenseType code; anything else (already a label) is shown as given. Also used by license-expiring.tsx. */
export function licenseTypeLabel(messages: EmailMessages, licenseType: string): string {
  return Object.hasOwn(messages.licenseType, licenseType)
    ? messages.licenseType[licenseType as keyof EmailMessages["licenseType"]]
    : licenseType;
}

/** "PROFIS Engineering", or with what the line bought when it was not a new license. */
function productLabel(text: EmailMessages["purchaseConfirmation"], line: Props["payload"]["lines"][number]): string {
  if (line.kind === "ADD_SEATS") return `${line.productName} (${text.kindAddSeats})`;
  if (line.kind === "RENEWAL") return `${line.productName} (${text.kindRenewal})`;
  return line.productName;
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
        {payload.purchaseOrderNumber ? (
          <>
            <br />
            {formatMessage(text.purchaseOrderNumber, { purchaseOrderNumber: payload.purchaseOrderNumber })}
          </>
        ) : null}
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
                <td style={styles.tableCell}>{productLabel(text, line)}</td>
                <td style={styles.tableCell}>{licenseTypeLabel(messages, line.licenseType)}</td>
                <td style={{ ...styles.tableCell, ...lastColumn }}>{line.seats}</td>
              </tr>
            ))}
            {payload.netFormatted !== undefined && payload.vatFormatted !== undefined ? (
              <>
                <tr>
                  <td style={styles.tableCell} colSpan={2}>
                    {text.net}
                  </td>
                  <td style={{ ...styles.tableCell, ...lastColumn }}>{payload.netFormatted}</td>
                </tr>
                <tr>
                  <td style={styles.tableCell} colSpan={2}>
                    {text.vat}
                  </td>
                  <td style={{ ...styles.tableCell, ...lastColumn }}>{payload.vatFormatted}</td>
                </tr>
              </>
            ) : null}
            <tr>
              <td style={styles.tableTotal} colSpan={2}>
                {text.total}
              </td>
              <td style={{ ...styles.tableTotal, ...lastColumn }}>{payload.totalFormatted}</td>
            </tr>
          </tbody>
        </table>
      </Section>
      {payload.invoice ? (
        <Text style={styles.paragraph}>
          {formatMessage(text.invoice, { invoiceNumber: payload.invoice.number, paymentTermDays: payload.invoice.paymentTermDays })}{" "}
          <Link href={payload.invoice.url} style={styles.link}>
            {formatMessage(text.invoiceLink, { invoiceNumber: payload.invoice.number })}
          </Link>
        </Text>
      ) : null}
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
