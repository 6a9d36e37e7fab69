import type { HandledFilter } from "@/lib/backoffice/list-handled-records";

/** ?show=open|handled|all; anything else shows the open ones. */
export function parseHandledFilter(value: string | string[] | undefined): HandledFilter {
  const first = Array.isArray(value) ? value[0] : value;
  return first === "handled" || first === "all" ? first : "open";
}
