// R7: the buyer's confirmation, with "Let's get started" into Software management.
import { Link, Section, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import { emailMessages, type EmailMessages } from "./messages/email-messages";
import { strong, type EmailTranslator } from "./messages/email-translator";

type Props = EmailProps<"purchase-confirmation">;

const lastColumn = { textAlign: "right", paddingRight: 0 } as const;

/** Payloads carry the LicenseType code; anything else (already a label) is shown as given. Also used by license-expiring.tsx. */
export function licenseTypeLabel(t: EmailTranslator, licenseType: string): string {
  // Every language has the same codes.
  return Object.hasOwn(emailMessages.nl.licenseType, licenseType)
    ? t(`licenseType.${licenseType as keyof EmailMessages["licenseType"]}`)
    : licenseType;
}

/** "PROFIS Engineering", or with what the line bought when it was not a new license. */
function productLabel(t: EmailTranslator, line: Props["payload"]["lines"][number]): string {
  if (line.kind === "ADD_SEATS") return `${line.productName} (${t("purchaseConfirmation.kindAddSeats")})`;
  if (line.kind === "RENEWAL") return `${line.productName} (${t("purchaseConfirmation.kindRenewal")})`;
  return line.productName;
}

export function PurchaseConfirmationEmail({ locale, t, payload }: Props) {
  return (
    <EmailLayout
      locale={locale}
      t={t}
      firstName={payload.firstName}
      messages="purchaseConfirmation"
      values={{ companyName: payload.companyName }}
    >
      <Text style={styles.paragraph}>{t.rich("purchaseConfirmation.intro", { companyName: payload.companyName, strong })}</Text>
      <Text style={styles.paragraph}>
        {t.rich("purchaseConfirmation.orderNumber", { orderNumber: payload.orderNumber, strong })}
        {payload.purchaseOrderNumber ? (
          <>
            <br />
            {t("purchaseConfirmation.purchaseOrderNumber", { purchaseOrderNumber: payload.purchaseOrderNumber })}
          </>
        ) : null}
      </Text>
      <Section>
        <table style={styles.table} data-text-format="dataTable">
          <thead>
            <tr>
              <th scope="col" style={styles.tableHeader}>
                {t("purchaseConfirmation.columnProduct")}
              </th>
              <th scope="col" style={styles.tableHeader}>
                {t("purchaseConfirmation.columnLicenseType")}
              </th>
              <th scope="col" style={{ ...styles.tableHeader, ...lastColumn }}>
                {t("purchaseConfirmation.columnSeats")}
              </th>
            </tr>
          </thead>
          <tbody>
            {payload.lines.map((line, index) => (
              <tr key={index}>
                <td style={styles.tableCell}>{productLabel(t, line)}</td>
                <td style={styles.tableCell}>{licenseTypeLabel(t, line.licenseType)}</td>
                <td style={{ ...styles.tableCell, ...lastColumn }}>{line.seats}</td>
              </tr>
            ))}
            {payload.netFormatted !== undefined && payload.vatFormatted !== undefined ? (
              <>
                <tr>
                  <td style={styles.tableCell} colSpan={2}>
                    {t("purchaseConfirmation.net")}
                  </td>
                  <td style={{ ...styles.tableCell, ...lastColumn }}>{payload.netFormatted}</td>
                </tr>
                <tr>
                  <td style={styles.tableCell} colSpan={2}>
                    {t("purchaseConfirmation.vat")}
                  </td>
                  <td style={{ ...styles.tableCell, ...lastColumn }}>{payload.vatFormatted}</td>
                </tr>
              </>
            ) : null}
            <tr>
              <td style={styles.tableTotal} colSpan={2}>
                {t("purchaseConfirmation.total")}
              </td>
              <td style={{ ...styles.tableTotal, ...lastColumn }}>{payload.totalFormatted}</td>
            </tr>
          </tbody>
        </table>
      </Section>
      {payload.invoice ? (
        <Text style={styles.paragraph}>
          {t("purchaseConfirmation.invoice", { invoiceNumber: payload.invoice.number, paymentTermDays: payload.invoice.paymentTermDays })}{" "}
          <Link href={payload.invoice.url} style={styles.link}>
            {t("purchaseConfirmation.invoiceLink", { invoiceNumber: payload.invoice.number })}
          </Link>
        </Text>
      ) : null}
      <Text style={styles.paragraph}>{t("purchaseConfirmation.next")}</Text>
      <EmailButton href={payload.startUrl} label={t("purchaseConfirmation.button")} fallbackLabel={t("common.buttonFallback")} />
    </EmailLayout>
  );
}

export const purchaseConfirmation: EmailDefinition<"purchase-confirmation"> = {
  subject: ({ t, payload }) => t("purchaseConfirmation.subject", { orderNumber: payload.orderNumber }),
  render: (props) => <PurchaseConfirmationEmail {...props} />,
};
