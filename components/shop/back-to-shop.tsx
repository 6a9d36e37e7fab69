import { BackLink } from "@/components/ui/back-link";

/** The shop's sub-pages (checkout, contact sales) lead back to the catalogue. */
export function BackToShop({ label }: { label: string }) {
  return <BackLink href="/shop" label={label} />;
}
