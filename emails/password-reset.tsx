// A one-time link to choose a new password; ignoring the mail leaves the current password valid.
import { Heading, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import { formatDuration, formatMessage } from "./messages/format-message";

type Props = EmailProps<"password-reset">;

export function PasswordResetEmail({ locale, messages, payload }: Props) {
  const text = messages.passwordReset;
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
      <EmailButton href={payload.resetUrl} label={text.button} fallbackLabel={messages.common.buttonFallback} />
      <Text style={styles.paragraph}>
        {formatMessage(text.expiry, { duration: formatDuration(locale, payload.expiresInMinutes, "minute") })}
      </Text>
    </EmailLayout>
  );
}

export const passwordReset: EmailDefinition<"password-reset"> = {
  subject: ({ messages }) => messages.passwordReset.subject,
  render: (props) => <PasswordResetEmail {...props} />,
};
