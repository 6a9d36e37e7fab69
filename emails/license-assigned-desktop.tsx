// R21 (desktop applications): "Download desktop software" and, in the same email, the activation
// key. R22: download, install, sign in, then enter the key.
import { Heading, Section, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import { strong } from "./messages/email-translator";

type Props = EmailProps<"license-assigned-desktop">;

export function LicenseAssignedDesktopEmail({ locale, t, payload }: Props) {
  const names = { adminName: payload.adminName, companyName: payload.companyName, productName: payload.productName };
  const steps = [
    t("licenseAssignedDesktop.stepDownload"),
    t("licenseAssignedDesktop.stepInstall"),
    t("licenseAssignedDesktop.stepSignIn"),
    t("licenseAssignedDesktop.stepEnterKey"),
  ];
  return (
    <EmailLayout locale={locale} t={t} firstName={payload.firstName} messages="licenseAssignedDesktop" values={names}>
      <Text style={styles.paragraph}>{t.rich("licenseAssignedDesktop.intro", { ...names, strong })}</Text>
      <EmailButton href={payload.downloadUrl} label={t("licenseAssignedDesktop.button")} fallbackLabel={t("common.buttonFallback")} />
      <Section style={styles.keyBox}>
        <Text style={styles.keyLabel}>{t("licenseAssignedDesktop.keyLabel")}</Text>
        {/* One unbroken run of text in a monospace face, so a double-click selects exactly the key. */}
        <Text style={styles.keyValue}>
          <code>{payload.activationKey}</code>
        </Text>
      </Section>
      <Text style={styles.fallback}>{t("licenseAssignedDesktop.keyHint")}</Text>
      <Heading as="h2" style={styles.subheading}>
        {t("licenseAssignedDesktop.stepsHeading")}
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
  subject: ({ t, payload }) => t("licenseAssignedDesktop.subject", { adminName: payload.adminName, productName: payload.productName }),
  render: (props) => <LicenseAssignedDesktopEmail {...props} />,
};
