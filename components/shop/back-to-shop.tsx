import { ArrowLeft } from "lucide-react";
import Link from "next/link";

/** The shop's sub-pages (checkout, contact sales) lead back to the catalogue. */
export function BackToShop({ label }: { label: string }) {
  return (
    <Link href="/shop" className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-slate-600 hover:text-slate-900">
      <ArrowLeft className="size-4" aria-hidden="true" />
      {label}
    </Link>
  );
}
