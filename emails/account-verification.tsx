// R10: after registering, "Activate account" confirms the address and activates the identity.
import { Heading, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import { formatDuration, formatMessage } from "./messages/format-message";

type Props = EmailProps<"account-verification">;

export function AccountVerificationEmail({ locale, messages, payload }: Props) {
  const text = messages.accountVerification;
  return (
    <EmailLayout
      locale={locale}
      messages={messages}
      firstName={payload.firstName}
      preview={text.preview}
      footer={text.footer}
    >
      <Heading as="h1" style={styles.heading}>
        {text.heading}
      </Heading>
      <Text style={styles.paragraph}>{text.intro}</Text>
      <EmailButton href={payload.verifyUrl} label={text.button} fallbackLabel={messages.common.buttonFallback} />
      <Text style={styles.paragraph}>
        {formatMessage(text.expiry, { duration: formatDuration(locale, payload.expiresInHours, "hour") })}
      </Text>
      <Text style={styles.paragraph}>{text.afterwards}</Text>
    </EmailLayout>
  );
}

export const accountVerification: EmailDefinition<"account-verification"> = {
  subject: ({ messages }) => messages.accountVerification.subject,
  render: (props) => <AccountVerificationEmail {...props} />,
};
