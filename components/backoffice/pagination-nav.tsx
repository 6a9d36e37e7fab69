import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

/** Numbered pages of a back-office list: "Page 2 of 7", previous and next. */
export async function PaginationNav(props: {
  label: string;
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const t = await getTranslations("backoffice.pagination");
  if (props.pageCount <= 1) return <p className="mt-3 text-sm text-slate-600">{t("total", { total: props.total })}</p>;
  return (
    <nav aria-label={props.label} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
      <span>
        {t("pageOf", { page: props.page, pageCount: props.pageCount })} · {t("total", { total: props.total })}
      </span>
      <span className="flex gap-2">
        {props.page > 1 ? (
          <Link href={props.hrefFor(props.page - 1)} className={buttonClassName("secondary")}>
            {t("previous")}
          </Link>
        ) : null}
        {props.page < props.pageCount ? (
          <Link href={props.hrefFor(props.page + 1)} className={buttonClassName("secondary")}>
            {t("next")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
