import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import type { HandledFilter } from "@/lib/backoffice/list-handled-records";

/** Open / handled / all, as links: the URL is the state. */
export async function HandledFilterLinks({ basePath, current }: { basePath: string; current: HandledFilter }) {
  const t = await getTranslations("backoffice.handled");
  return (
    <nav aria-label={t("filterLabel")} className="mb-4 flex gap-2">
      {(["open", "handled", "all"] as const).map((filter) => (
        <Link
          key={filter}
          href={`${basePath}?show=${filter}`}
          aria-current={current === filter ? "page" : undefined}
          className={buttonClassName(current === filter ? "primary" : "ghost")}
        >
          {t(`filter.${filter}`)}
        </Link>
      ))}
    </nav>
  );
}
