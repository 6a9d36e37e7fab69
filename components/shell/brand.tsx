import { KeyRound } from "lucide-react";
import Link from "next/link";

export function Brand({ name }: { name: string }) {
  return (
    <Link href="/" className="inline-flex items-center gap-2 rounded-md text-base font-semibold text-slate-900">
      <span className="inline-flex size-8 items-center justify-center rounded-md bg-brand-600 text-white" aria-hidden="true">
        <KeyRound className="size-4" />
      </span>
      {name}
    </Link>
  );
}
