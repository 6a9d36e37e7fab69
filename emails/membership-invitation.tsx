// Decision 016: an admin of a company not yet verified asked to add this address. The
// person decides: the link opens the invitation, which they accept signed in with this address.
// The same mail whether or not the address has an account, greeting nobody by a typed name.
import { Heading, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import { formatMessage, formatRich } from "./messages/format-message";

type Props = EmailProps<"membership-invitation">;

export function MembershipInvitationEmail({ locale, messages, payload }: Props) {
  const text = messages.membershipInvitation;
  const names = { adminName: payload.adminName, companyName: payload.companyName };
  return (
    <EmailLayout locale={locale} messages={messages} firstName="" preview={text.preview} footer={formatMessage(text.footer, names)}>
      <Heading as="h1" style={styles.heading}>
        {formatMessage(text.heading, names)}
      </Heading>
      <Text style={styles.paragraph}>
        {formatRich(text.intro, { adminName: <strong>{payload.adminName}</strong>, companyName: <strong>{payload.companyName}</strong> })}
      </Text>
      <Text style={styles.paragraph}>{text.howTo}</Text>
      <EmailButton href={payload.acceptUrl} label={text.button} fallbackLabel={messages.common.buttonFallback} />
      <Text style={styles.paragraph}>{formatMessage(text.expires, { days: String(payload.expiresInDays) })}</Text>
    </EmailLayout>
  );
}

export const membershipInvitation: EmailDefinition<"membership-invitation"> = {
  subject: ({ messages, payload }) => formatMessage(messages.membershipInvitation.subject, { adminName: payload.adminName, companyName: payload.companyName }),
  render: (props) => <MembershipInvitationEmail {...props} />,
};
