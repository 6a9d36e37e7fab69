import { Users } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { findWebProductBySlug } from "@/lib/launch/find-web-product";
import { LaunchActions } from "@/app/(portal)/launch/[product]/_components/launch-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("launch");
  return { title: t("seatsInUseTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** R2: every seat of the user's floating license is taken; says until when at the latest. */
export default async function SeatsInUsePage({
  params,
  searchParams,
}: {
  params: Promise<{ product: string }>;
  searchParams: SearchParams;
}) {
  const [{ product: slug }, query] = await Promise.all([params, searchParams]);
  const product = await findWebProductBySlug(slug);
  if (!product) notFound();
  const [t, format] = await Promise.all([getTranslations("launch"), getFormatter()]);
  const seats = typeof query.seats === "string" && /^\d{1,6}$/.test(query.seats) ? Number(query.seats) : null;
  const until = typeof query.until === "string" ? new Date(query.until) : null;
  const hasUntil = until !== null && !Number.isNaN(until.getTime());

  return (
    <section aria-labelledby="seats-in-use-title" className="mx-auto max-w-xl rounded-lg border border-amber-200 bg-amber-50 p-6">
      <div className="flex items-start gap-3">
        <Users className="mt-1 size-6 shrink-0 text-amber-700" aria-hidden="true" />
        <div>
          <h1 id="seats-in-use-title" className="text-xl font-semibold text-slate-900">
            {t("seatsInUseTitle")}
          </h1>
          <p className="mt-2 text-sm text-slate-800">
            {seats === null ? t("seatsInUseUnknownCount", { product: product.name }) : t("seatsInUse", { product: product.name, seats })}
          </p>
          <p className="mt-2 text-sm text-slate-800">
            {hasUntil
              ? t.rich("nextSeatFreeAt", {
                  // A seat lapses within the hour (R2), so the time alone says it.
                  at: format.dateTime(until, { timeStyle: "short" }),
                  time: (chunks) => <time dateTime={until.toISOString()}>{chunks}</time>,
                })
              : t("tryAgainLater")}
          </p>
          <LaunchActions productCode={product.code} label={t("tryAgain")} />
        </div>
      </div>
    </section>
  );
}
