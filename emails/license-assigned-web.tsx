// R21 (web applications): the license email with the "Let's get started" button. R22: the reader
// signs in (or registers first) and works.
import { Heading, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import { formatMessage, formatRich } from "./messages/format-message";

type Props = EmailProps<"license-assigned-web">;

export function LicenseAssignedWebEmail({ locale, messages, payload }: Props) {
  const text = messages.licenseAssignedWeb;
  const names = { adminName: payload.adminName, companyName: payload.companyName, productName: payload.productName };
  return (
    <EmailLayout
      locale={locale}
      messages={messages}
      firstName={payload.firstName}
      preview={formatMessage(text.preview, names)}
      footer={formatMessage(text.footer, names)}
    >
      <Heading as="h1" style={styles.heading}>
        {formatMessage(text.heading, names)}
      </Heading>
      <Text style={styles.paragraph}>
        {formatRich(text.intro, {
          adminName: <strong>{payload.adminName}</strong>,
          companyName: <strong>{payload.companyName}</strong>,
          productName: <strong>{payload.productName}</strong>,
        })}
      </Text>
      <Text style={styles.paragraph}>{text.start}</Text>
      <EmailButton href={payload.startUrl} label={text.button} fallbackLabel={messages.common.buttonFallback} />
      <Text style={styles.paragraph}>{text.noAccount}</Text>
    </EmailLayout>
  );
}

export const licenseAssignedWeb: EmailDefinition<"license-assigned-web"> = {
  subject: ({ messages, payload }) =>
    formatMessage(messages.licenseAssignedWeb.subject, { adminName: payload.adminName, productName: payload.productName }),
  render: (props) => <LicenseAssignedWebEmail {...props} />,
};
