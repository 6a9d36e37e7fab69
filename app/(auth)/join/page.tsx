import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AcceptInvitationButton } from "@/app/(auth)/join/_components/accept-invitation-button";
import { buttonClassName } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-field";
import { getMembershipInvitation } from "@/lib/memberships/accept-membership-invitation";
import { getSessionUser } from "@/app/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("join");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Decision 016: the membership invitation's link. Opening it changes nothing; the
// signed-in person with the invited address accepts with the button.
export default async function JoinPage({ searchParams }: PageProps) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/join?token=${token}`)}`);
  const [invitation, t] = await Promise.all([getMembershipInvitation({ actor: user, token }), getTranslations("join")]);
  const toPortal = (
    <Link href="/" className={buttonClassName("secondary")}>
      {t("toPortal")}
    </Link>
  );
  if (!invitation || !invitation.isForActor) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <div className="mt-6 space-y-4">
          <FormAlert>{t(invitation ? "otherAddress" : "invalid")}</FormAlert>
          {toPortal}
        </div>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("heading", { company: invitation.companyName })}</h1>
      <div className="mt-6 space-y-4">
        {invitation.isMember ? (
          <>
            <FormAlert tone="info">{t("alreadyMember", { company: invitation.companyName })}</FormAlert>
            {toPortal}
          </>
        ) : (
          <>
            <p className="text-sm text-slate-700">{t("intro", { company: invitation.companyName })}</p>
            <AcceptInvitationButton token={token} />
          </>
        )}
      </div>
    </>
  );
}
