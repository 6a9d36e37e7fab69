// The frame every message shares: language, preheader, a quiet header, the content and a footer
// that tells the reader why they got the mail. Text-only header (no logo image): images are often
// blocked by mail clients, and a text brand needs no alt text to be understood.
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { EmailTranslator } from "../messages/email-translator";
import { styles } from "./email-styles";

type EmailLayoutProps = {
  locale: Locale;
  t: EmailTranslator;
  /** Shown by mail clients after the subject in the inbox list. */
  preview: string;
  /** Why the reader receives this mail. */
  footer: string;
  firstName: string;
  children: ReactNode;
};

export function EmailLayout({ locale, t, preview, footer, firstName, children }: EmailLayoutProps) {
  return (
    <Html lang={locale} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section style={styles.header}>
            <Text style={styles.brand}>{t("common.brand")}</Text>
          </Section>
          <Section style={styles.content}>
            <Greeting t={t} firstName={firstName} />
            {children}
            <Text style={styles.paragraph}>
              {t("common.closing")}
              <br />
              {t("common.signature")}
            </Text>
          </Section>
          <Hr style={styles.hr} />
          <Section style={styles.footer}>
            <Text style={styles.footerText}>{footer}</Text>
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
