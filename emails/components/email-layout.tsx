// The frame every message shares: language, preheader, a quiet header, the content and a footer
// that tells the reader why they got the mail. Text-only header (no logo image): images are often
// blocked by mail clients, and a text brand needs no alt text to be understood.
import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { EmailTranslator } from "../messages/email-translator";
import { styles } from "./email-styles";

/** The mails whose messages have a `preview` (the inbox line after the subject), a `heading` and a `footer` (why the reader gets it). */
type FramedMessages =
  | "accountExists"
  | "accountVerification"
  | "invitation"
  | "licenseAssignedDesktop"
  | "licenseAssignedWeb"
  | "licenseExpiring"
  | "membershipInvitation"
  | "passwordReset"
  | "purchaseConfirmation";

type EmailLayoutProps = {
  locale: Locale;
  t: EmailTranslator;
  /** Where the preview, heading and footer are, and their values. */
  messages: FramedMessages;
  values?: Record<string, string | number>;
  firstName: string;
  children: ReactNode;
};

export function EmailLayout({ locale, t, messages, values, firstName, children }: EmailLayoutProps) {
  return (
    <Html lang={locale} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{t(`${messages}.preview`, values)}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section style={styles.header}>
            <Text style={styles.brand}>{t("common.brand")}</Text>
          </Section>
          <Section style={styles.content}>
            <Greeting t={t} firstName={firstName} />
            <Heading as="h1" style={styles.heading}>
              {t(`${messages}.heading`, values)}
            </Heading>
            {children}
            <Text style={styles.paragraph}>
              {t("common.closing")}
              <br />
              {t("common.signature")}
            </Text>
          </Section>
          <Hr style={styles.hr} />
          <Section style={styles.footer}>
            <Text style={styles.footerText}>{t(`${messages}.footer`, values)}</Text>
            <Text style={styles.footerText}>{t("common.automated")}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** "Beste Anna," — or a neutral greeting when the first name is unknown (e.g. an invitee). */
function Greeting({ t, firstName }: { t: EmailTranslator; firstName: string }) {
  const name = firstName.trim();
  const text = name ? t("common.greeting", { firstName: name }) : t("common.greetingWithoutName");
  return <Text style={styles.paragraph}>{text}</Text>;
}
