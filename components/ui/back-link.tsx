import { ArrowLeft } from "lucide-react";
import Link from "next/link";

/** "← back to …" above a sub-page's header. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-slate-600 hover:text-slate-900">
      <ArrowLeft className="size-4" aria-hidden="true" />
      {label}
    </Link>
  );
}
