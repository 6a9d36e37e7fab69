// A one-time link to choose a new password; ignoring the mail leaves the current password valid.
import { Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";

type Props = EmailProps<"password-reset">;

export function PasswordResetEmail({ locale, t, payload }: Props) {
  return (
    <EmailLayout locale={locale} t={t} firstName={payload.firstName} messages="passwordReset">
      <Text style={styles.paragraph}>{t("passwordReset.intro")}</Text>
      <EmailButton href={payload.resetUrl} label={t("passwordReset.button")} fallbackLabel={t("common.buttonFallback")} />
      <Text style={styles.paragraph}>{t("passwordReset.expiry", { minutes: payload.expiresInMinutes })}</Text>
    </EmailLayout>
  );
}

export const passwordReset: EmailDefinition<"password-reset"> = {
  subject: ({ t }) => t("passwordReset.subject"),
  render: (props) => <PasswordResetEmail {...props} />,
};
