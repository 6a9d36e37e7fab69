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
import { formatList, formatMessage, formatRich } from "./messages/format-message";

type Props = EmailProps<"invitation">;

/** The registration link that continues to this product after registering. */
function registerUrlFor(registerUrl: string, productCode: string): string {
  // A blanked (sent) payload has no URL left to adapt.
  if (!URL.canParse(registerUrl)) return registerUrl;
  const url = new URL(registerUrl);
  url.searchParams.set("product", productCode);
  return url.toString();
}

export function InvitationEmail({ locale, messages, payload }: Props) {
  const text = messages.invitation;
  const names = { adminName: payload.adminName, companyName: payload.companyName };
  const licenses = payload.licenses ?? [];
  const steps = licenses.some((license) => license.kind === "DESKTOP")
    ? [text.stepRegister, text.stepStart, text.stepEnterKey]
    : [text.stepRegister, text.stepStart];
  return (
    <EmailLayout
      locale={locale}
      messages={messages}
      firstName={payload.firstName}
      preview={text.preview}
      footer={formatMessage(text.footer, names)}
    >
      <Heading as="h1" style={styles.heading}>
        {text.heading}
      </Heading>
      <Text style={styles.paragraph}>
        {formatRich(text.intro, {
          adminName: <strong>{payload.adminName}</strong>,
          companyName: <strong>{payload.companyName}</strong>,
        })}
      </Text>
      <ul style={styles.list}>
        {payload.productNames.map((productName) => (
          <li key={productName} style={styles.listItem}>
            <strong>{productName}</strong>
          </li>
        ))}
      </ul>
      <Text style={styles.paragraph}>{text.registerFirst}</Text>
      <EmailButton href={payload.registerUrl} label={text.button} fallbackLabel={messages.common.buttonFallback} />
      {licenses.map((license, index) => (
        <InvitedLicenseSection key={`${license.productCode}-${index}`} license={license} payload={payload} messages={messages} />
      ))}
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

function InvitedLicenseSection({ license, payload, messages }: { license: InvitedLicense } & Pick<Props, "payload" | "messages">) {
  const text = messages.invitation;
  const names = { productName: license.productName };
  if (license.kind === "WEB") {
    return (
      <Section>
        <Heading as="h2" style={styles.subheading}>
          {license.productName}
        </Heading>
        <Text style={styles.paragraph}>{formatMessage(text.webLicense, names)}</Text>
        <EmailButton
          href={registerUrlFor(payload.registerUrl, license.productCode)}
          label={messages.licenseAssignedWeb.button}
          fallbackLabel={messages.common.buttonFallback}
        />
      </Section>
    );
  }
  return (
    <Section>
      <Heading as="h2" style={styles.subheading}>
        {license.productName}
      </Heading>
      <Text style={styles.paragraph}>{formatMessage(text.desktopLicense, names)}</Text>
      <EmailButton href={license.downloadUrl} label={messages.licenseAssignedDesktop.button} fallbackLabel={messages.common.buttonFallback} />
      <Section style={styles.keyBox}>
        <Text style={styles.keyLabel}>{messages.licenseAssignedDesktop.keyLabel}</Text>
        {/* One unbroken run of text in a monospace face, so a double-click selects exactly the key. */}
        <Text style={styles.keyValue}>
          <code>{license.activationKey}</code>
        </Text>
      </Section>
    </Section>
  );
}

export const invitation: EmailDefinition<"invitation"> = {
  subject: ({ locale, messages, payload }) =>
    formatMessage(messages.invitation.subject, {
      adminName: payload.adminName,
      companyName: payload.companyName,
      productNames: formatList(locale, payload.productNames),
    }),
  render: (props) => <InvitationEmail {...props} />,
};
