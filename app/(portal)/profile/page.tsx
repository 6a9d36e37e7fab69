import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm, SignOutEverywhereButton } from "@/app/(portal)/profile/_components/password-and-sessions";
import { ProfileForm } from "@/app/(portal)/profile/_components/profile-form";
import { PageHeader } from "@/components/ui/page-header";
import { getProfile } from "@/lib/accounts/get-profile";
import { requireSessionUser } from "@/app/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profile");
  return { title: t("title") };
}

const sectionClassName = "rounded-lg border border-slate-200 bg-white p-6 shadow-sm";

// The signed-in user's own record only; the id comes from the session.
export default async function ProfilePage() {
  const user = await requireSessionUser();
  const [t, profile] = await Promise.all([getTranslations("profile"), getProfile({ actor: user })]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="grid max-w-2xl gap-8">
        <section aria-labelledby="profile-details" className={sectionClassName}>
          <h2 id="profile-details" className="mb-4 text-lg font-semibold text-slate-900">
            {t("detailsHeading")}
          </h2>
          <ProfileForm initial={profile} />
        </section>
        <section aria-labelledby="profile-password" className={sectionClassName}>
          <h2 id="profile-password" className="mb-4 text-lg font-semibold text-slate-900">
            {t("passwordHeading")}
          </h2>
          <ChangePasswordForm />
        </section>
        <section aria-labelledby="profile-sessions" className={sectionClassName}>
          <h2 id="profile-sessions" className="mb-2 text-lg font-semibold text-slate-900">
            {t("sessionsHeading")}
          </h2>
          <p className="mb-4 text-sm text-slate-600">{t("sessionsIntro")}</p>
          <SignOutEverywhereButton />
        </section>
      </div>
    </>
  );
}
