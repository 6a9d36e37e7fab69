import { useTranslations } from "next-intl";
import { seatFigures, type SeatCounts, type SeatFigure } from "@/lib/licenses/seat-counts";
import type { LicenseType } from "@prisma/client";

/** A license's seat figures in words (lib/licenses/seat-counts.ts), for server and client components. */
export function useSeatCountText(): (type: LicenseType, counts: SeatCounts) => string[] {
  const t = useTranslations("seatCount");
  const figure = (name: SeatFigure, counts: SeatCounts) => {
    switch (name) {
      case "assigned":
        return t("assigned", { assigned: counts.assigned, seats: counts.seats });
      case "activated":
        return t("activated", { activated: counts.activated, seats: counts.seats });
      case "inUseNow":
        return t("inUseNow", { inUse: counts.inUseNow, seats: counts.seats });
      case "assignedUsers":
        return t("assignedUsers", { assigned: counts.assigned });
    }
  };
  return (type, counts) => seatFigures(type).map((name) => figure(name, counts));
}

/** The figures, the first on its own line; `headlineOnly` shows just the one that fills up. */
export function SeatCount({
  type,
  counts,
  className,
  headlineOnly = false,
}: {
  type: LicenseType;
  counts: SeatCounts;
  className?: string;
  headlineOnly?: boolean;
}) {
  const [first, ...others] = useSeatCountText()(type, counts);
  const rest = headlineOnly ? [] : others;
  return (
    <span className={className}>
      {first}
      {rest.map((text) => (
        <span key={text} className="block text-xs text-slate-500">
          {text}
        </span>
      ))}
    </span>
  );
}
