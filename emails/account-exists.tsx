// Sent instead of a verification mail when a registration uses an address that already has an
// account, so the registration form never reveals who has one. Calm and factual: it says neither
// who started the registration nor that anything is wrong.
import { Heading, Link, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";

type Props = EmailProps<"account-exists">;

export function AccountExistsEmail({ locale, messages, payload }: Props) {
  const text = messages.accountExists;
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
      <Text style={styles.paragraph}>{text.signIn}</Text>
      <EmailButton href={payload.signInUrl} label={text.button} fallbackLabel={messages.common.buttonFallback} />
      <Text style={styles.paragraph}>
        {text.resetIntro}
        <br />
        <Link href={payload.resetUrl} style={styles.link}>
          {text.resetLink}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const accountExists: EmailDefinition<"account-exists"> = {
  subject: ({ messages }) => messages.accountExists.subject,
  render: (props) => <AccountExistsEmail {...props} />,
};
