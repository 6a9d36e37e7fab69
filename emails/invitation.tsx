// R17, R21: someone without an account was given licenses. The invitation carries each of them as
// the license mail of a registered user would: a web application's "Let's get started", a desktop
// application's "Download desktop software" with its activation key. Registration is the way in:
// every button that opens software first registers the person (single-use link, decision 007)
// and then continues to that software (R10).
import { Heading, Section, Text } from "@react-email/components";
import type { InvitedLicense } from "@/lib/email/email-templates";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import { strong } from "./messages/email-translator";
import { formatList } from "./messages/format-message";

type Props = EmailProps<"invitation">;

/** The registration link that continues to this product after registering. */
function registerUrlFor(registerUrl: string, productCode: string): string {
  // A blanked (sent) payload has no URL left to adapt.
  if (!URL.canParse(registerUrl)) return registerUrl;
  const url = new URL(registerUrl);
  url.searchParams.set("product", productCode);
  return url.toString();
}

export function InvitationEmail({ locale, t, payload }: Props) {
  const names = { adminName: payload.adminName, companyName: payload.companyName };
  const licenses = payload.licenses ?? [];
  const steps = licenses.some((license) => license.kind === "DESKTOP")
    ? [t("invitation.stepRegister"), t("invitation.stepStart"), t("invitation.stepEnterKey")]
    : [t("invitation.stepRegister"), t("invitation.stepStart")];
  return (
    <EmailLayout locale={locale} t={t} firstName={payload.firstName} messages="invitation" values={names}>
      <Text style={styles.paragraph}>{t.rich("invitation.intro", { ...names, strong })}</Text>
      <ul style={styles.list}>
        {payload.productNames.map((productName) => (
          <li key={productName} style={styles.listItem}>
            <strong>{productName}</strong>
          </li>
        ))}
      </ul>
      <Text style={styles.paragraph}>{t("invitation.registerFirst")}</Text>
      <EmailButton href={payload.registerUrl} label={t("invitation.button")} fallbackLabel={t("common.buttonFallback")} />
      {licenses.map((license, index) => (
        <InvitedLicenseSection key={`${license.productCode}-${index}`} license={license} payload={payload} t={t} />
      ))}
      <Heading as="h2" style={styles.subheading}>
        {t("invitation.stepsHeading")}
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

function InvitedLicenseSection({ license, payload, t }: { license: InvitedLicense } & Pick<Props, "payload" | "t">) {
  const names = { productName: license.productName };
  if (license.kind === "WEB") {
    return (
      <Section>
        <Heading as="h2" style={styles.subheading}>
          {license.productName}
        </Heading>
        <Text style={styles.paragraph}>{t("invitation.webLicense", names)}</Text>
        <EmailButton
          href={registerUrlFor(payload.registerUrl, license.productCode)}
          label={t("licenseAssignedWeb.button")}
          fallbackLabel={t("common.buttonFallback")}
        />
      </Section>
    );
  }
  return (
    <Section>
      <Heading as="h2" style={styles.subheading}>
        {license.productName}
      </Heading>
      <Text style={styles.paragraph}>{t("invitation.desktopLicense", names)}</Text>
      <EmailButton href={license.downloadUrl} label={t("licenseAssignedDesktop.button")} fallbackLabel={t("common.buttonFallback")} />
      <Section style={styles.keyBox}>
        <Text style={styles.keyLabel}>{t("licenseAssignedDesktop.keyLabel")}</Text>
        {/* One unbroken run of text in a monospace face, so a double-click selects exactly the key. */}
        <Text style={styles.keyValue}>
          <code>{license.activationKey}</code>
        </Text>
      </Section>
    </Section>
  );
}

export const invitation: EmailDefinition<"invitation"> = {
  subject: ({ locale, t, payload }) =>
    t("invitation.subject", {
      adminName: payload.adminName,
      companyName: payload.companyName,
      productNames: formatList(locale, payload.productNames),
    }),
  render: (props) => <InvitationEmail {...props} />,
};
