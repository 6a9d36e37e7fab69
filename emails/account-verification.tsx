// R10: after registering, "Activate account" confirms the address and activates the identity.
import { Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";

type Props = EmailProps<"account-verification">;

export function AccountVerificationEmail({ locale, t, payload }: Props) {
  return (
    <EmailLayout locale={locale} t={t} firstName={payload.firstName} messages="accountVerification">
      <Text style={styles.paragraph}>{t("accountVerification.intro")}</Text>
      <EmailButton href={payload.verifyUrl} label={t("accountVerification.button")} fallbackLabel={t("common.buttonFallback")} />
      <Text style={styles.paragraph}>{t("accountVerification.expiry", { hours: payload.expiresInHours })}</Text>
      <Text style={styles.paragraph}>{t("accountVerification.afterwards")}</Text>
    </EmailLayout>
  );
}

export const accountVerification: EmailDefinition<"account-verification"> = {
  subject: ({ t }) => t("accountVerification.subject"),
  render: (props) => <AccountVerificationEmail {...props} />,
};
