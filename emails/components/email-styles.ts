// Inline styles shared by every email. Mail clients ignore most <style> blocks, so styles are
// inline objects. Colours keep body text at WCAG AA contrast or better on white; the brand red is
// kept for the top rule and the primary button only, so the messages read as business mail.
import type { CSSProperties } from "react";

export const brandRed = "#c8102e";

const fontFamily = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const monospaceFamily = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

export const styles = {
  body: { backgroundColor: "#f4f4f5", margin: 0, padding: "24px 0", fontFamily },
  container: {
    backgroundColor: "#ffffff",
    maxWidth: "600px",
    width: "100%",
    margin: "0 auto",
    border: "1px solid #e4e4e7",
    borderTop: `4px solid ${brandRed}`,
    borderRadius: "6px",
  },
  header: { padding: "20px 32px 0" },
  brand: { margin: 0, fontSize: "14px", fontWeight: 600, letterSpacing: "0.02em", color: "#3f3f46" },
  content: { padding: "8px 32px 24px" },
  heading: { margin: "16px 0 16px", fontSize: "22px", lineHeight: "30px", fontWeight: 700, color: "#18181b" },
  subheading: { margin: "24px 0 8px", fontSize: "16px", lineHeight: "24px", fontWeight: 600, color: "#18181b" },
  paragraph: { margin: "0 0 16px", fontSize: "15px", lineHeight: "24px", color: "#27272a" },
  buttonSection: { margin: "24px 0" },
  button: {
    backgroundColor: brandRed,
    color: "#ffffff",
    fontSize: "15px",
    fontWeight: 600,
    lineHeight: "20px",
    textDecoration: "none",
    borderRadius: "4px",
    padding: "12px 24px",
    display: "inline-block",
  },
  fallback: { margin: "0 0 16px", fontSize: "13px", lineHeight: "20px", color: "#52525b" },
  fallbackLink: { color: "#1d4ed8", textDecoration: "underline", wordBreak: "break-all" },
  link: { color: "#1d4ed8", textDecoration: "underline" },
  keyBox: {
    margin: "8px 0 16px",
    padding: "16px",
    backgroundColor: "#f4f4f5",
    border: "1px solid #d4d4d8",
    borderRadius: "4px",
  },
  keyLabel: { margin: "0 0 4px", fontSize: "13px", lineHeight: "20px", fontWeight: 600, color: "#3f3f46" },
  keyValue: {
    margin: 0,
    fontFamily: monospaceFamily,
    fontSize: "18px",
    lineHeight: "28px",
    fontWeight: 700,
    letterSpacing: "0.02em",
    color: "#18181b",
    // Breaks only when the key cannot fit at all (then preferably at its hyphens).
    overflowWrap: "anywhere",
  },
  list: { margin: "0 0 16px", paddingLeft: "24px", fontSize: "15px", lineHeight: "24px", color: "#27272a" },
  listItem: { margin: "0 0 4px" },
  table: { width: "100%", borderCollapse: "collapse", margin: "8px 0 16px", fontSize: "14px", lineHeight: "20px" },
  tableHeader: {
    textAlign: "left",
    padding: "8px 8px 8px 0",
    borderBottom: "1px solid #d4d4d8",
    color: "#3f3f46",
    fontWeight: 600,
  },
  tableCell: { padding: "8px 8px 8px 0", borderBottom: "1px solid #e4e4e7", color: "#27272a", verticalAlign: "top" },
  tableTotal: { padding: "12px 8px 0 0", color: "#18181b", fontWeight: 700 },
  hr: { borderColor: "#e4e4e7", margin: 0 },
  footer: { padding: "16px 32px 24px" },
  footerText: { margin: "0 0 8px", fontSize: "13px", lineHeight: "20px", color: "#52525b" },
} satisfies Record<string, CSSProperties>;
