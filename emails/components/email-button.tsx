// The primary action: a real link styled as a button, followed by the full URL as text, so the
// reader can copy it when the button does not work and the plain-text part carries it too.
import { Button, Link, Section, Text } from "@react-email/components";
import { styles } from "./email-styles";

type EmailButtonProps = { href: string; label: string; fallbackLabel: string };

export function EmailButton({ href, label, fallbackLabel }: EmailButtonProps) {
  return (
    <>
      <Section style={styles.buttonSection}>
        <Button href={href} style={styles.button}>
          {label}
        </Button>
      </Section>
      {/* The plain-text part already shows the URL next to the button label. */}
      <Text style={styles.fallback} data-skip-in-text>
        {fallbackLabel}
        <br />
        <Link href={href} style={styles.fallbackLink}>
          {href}
        </Link>
      </Text>
    </>
  );
}
