// Sent instead of a verification mail when a registration uses an address that already has an
// account, so the registration form never reveals who has one. Calm and factual: it says neither
// who started the registration nor that anything is wrong.
import { Link, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { EmailDefinition, EmailProps } from "./email-definition";

type Props = EmailProps<"account-exists">;

export function AccountExistsEmail({ locale, t, payload }: Props) {
  return (
    <EmailLayout locale={locale} t={t} firstName={payload.firstName} messages="accountExists">
      <Text style={styles.paragraph}>{t("accountExists.intro")}</Text>
      <Text style={styles.paragraph}>{t("accountExists.signIn")}</Text>
      <EmailButton href={payload.signInUrl} label={t("accountExists.button")} fallbackLabel={t("common.buttonFallback")} />
      <Text style={styles.paragraph}>
        {t("accountExists.resetIntro")}
        <br />
        <Link href={payload.resetUrl} style={styles.link}>
          {t("accountExists.resetLink")}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const accountExists: EmailDefinition<"account-exists"> = {
  subject: ({ t }) => t("accountExists.subject"),
  render: (props) => <AccountExistsEmail {...props} />,
};
