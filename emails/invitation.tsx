// R17: someone without an account was given a license. They register first (R9–R10) with this
// address, then start the software; the mail names who invited them and for which products.
import { Heading, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import { formatList, formatMessage, formatRich } from "./messages/format-message";

type Props = EmailProps<"invitation">;

export function InvitationEmail({ locale, messages, payload }: Props) {
  const text = messages.invitation;
  const names = { adminName: payload.adminName, companyName: payload.companyName };
  const steps = [text.stepRegister, text.stepVerify, text.stepStart];
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

export const invitation: EmailDefinition<"invitation"> = {
  subject: ({ locale, messages, payload }) =>
    formatMessage(messages.invitation.subject, {
      adminName: payload.adminName,
      companyName: payload.companyName,
      productNames: formatList(locale, payload.productNames),
    }),
  render: (props) => <InvitationEmail {...props} />,
};
