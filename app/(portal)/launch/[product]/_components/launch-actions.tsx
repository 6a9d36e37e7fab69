import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { launchPath } from "@/lib/launch/launch-slug";

/** The pages around a launch: open the product (again), or go back to My software. */
export async function LaunchActions({ productCode, label }: { productCode: string; label: string }) {
  const t = await getTranslations("launch");
  return (
    <div className="mt-5 flex flex-wrap gap-3">
      {/* A plain link: the launch is a full navigation that ends on another site, and followed from
          the portal's own page it is same-origin (lib/launch/launch-link.ts). */}
      <a href={launchPath(productCode)} className={buttonClassName("primary")}>
        {label}
      </a>
      <Link href="/my-software" className={buttonClassName("secondary")}>
        {t("backToMySoftware")}
      </Link>
    </div>
  );
}
