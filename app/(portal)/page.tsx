import { redirect } from "next/navigation";
import { canAccessBackoffice, canManageSoftware } from "@/lib/auth/permissions";
import { requireSessionUser } from "@/app/session";

// The start page: admins land in Software management, everyone else in My software,
// back-office staff without a company in the back office.
export default async function HomePage() {
  const user = await requireSessionUser();
  if (canManageSoftware(user.currentMembership)) redirect("/software-management");
  if (!user.currentMembership && canAccessBackoffice(user)) redirect("/backoffice");
  redirect("/my-software");
}
