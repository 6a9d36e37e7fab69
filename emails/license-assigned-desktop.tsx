// R21 (desktop applications): "Download desktop software" and, in the same email, the activation
// key. R22: download, install, sign in, then enter the key.
import { Heading, Section, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import { formatMessage, formatRich } from "./messages/format-message";

type Props = EmailProps<"license-assigned-desktop">;

export function LicenseAssignedDesktopEmail({ locale, messages, payload }: Props) {
  const text = messages.licenseAssignedDesktop;
  const names = { adminName: payload.adminName, companyName: payload.companyName, productName: payload.productName };
  const steps = [text.stepDownload, text.stepInstall, text.stepSignIn, text.stepEnterKey];
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
      <EmailButton href={payload.downloadUrl} label={text.button} fallbackLabel={messages.common.buttonFallback} />
      <Section style={styles.keyBox}>
        <Text style={styles.keyLabel}>{text.keyLabel}</Text>
        {/* One unbroken run of text in a monospace face, so a double-click selects exactly the key. */}
        <Text style={styles.keyValue}>
          <code>{payload.activationKey}</code>
        </Text>
      </Section>
      <Text style={styles.fallback}>{text.keyHint}</Text>
      <Heading as="h2" style={styles.subheading}>
        {text.stepsHeading}
      </Heading>
      <ol style={styles.list}>
        {steps.map((step) => (
          <li key={step} style={styles.listItem}>
            {step}
          </li>
        ))}
      </ol>
    </EmailLayout>
  );
}

export const licenseAssignedDesktop: EmailDefinition<"license-assigned-desktop"> = {
  subject: ({ messages, payload }) =>
    formatMessage(messages.licenseAssignedDesktop.subject, {
      adminName: payload.adminName,
      productName: payload.productName,
    }),
  render: (props) => <LicenseAssignedDesktopEmail {...props} />,
};
