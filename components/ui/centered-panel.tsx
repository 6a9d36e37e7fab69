import type { ReactNode } from "react";

/** A card in the middle of the page: sign-in, placeholders, not-found and error pages. */
export function CenteredPanel({ children, header }: { children: ReactNode; header?: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      {header}
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-16 sm:items-center">
        <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">{children}</div>
      </main>
    </div>
  );
}
