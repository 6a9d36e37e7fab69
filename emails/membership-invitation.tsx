// Decision 016: an admin of a company not yet verified asked to add this address. The
// person decides: the link opens the invitation, which they accept signed in with this address.
// The same mail whether or not the address has an account, greeting nobody by a typed name.
import { Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";
import { strong } from "./messages/email-translator";

type Props = EmailProps<"membership-invitation">;

export function MembershipInvitationEmail({ locale, t, payload }: Props) {
  const names = { adminName: payload.adminName, companyName: payload.companyName };
  return (
    <EmailLayout locale={locale} t={t} firstName="" messages="membershipInvitation" values={names}>
      <Text style={styles.paragraph}>{t.rich("membershipInvitation.intro", { ...names, strong })}</Text>
      <Text style={styles.paragraph}>{t("membershipInvitation.howTo")}</Text>
      <EmailButton href={payload.acceptUrl} label={t("membershipInvitation.button")} fallbackLabel={t("common.buttonFallback")} />
      <Text style={styles.paragraph}>{t("membershipInvitation.expires", { days: payload.expiresInDays })}</Text>
    </EmailLayout>
  );
}

export const membershipInvitation: EmailDefinition<"membership-invitation"> = {
  subject: ({ t, payload }) => t("membershipInvitation.subject", { adminName: payload.adminName, companyName: payload.companyName }),
  render: (props) => <MembershipInvitationEmail {...props} />,
};
