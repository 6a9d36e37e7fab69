import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { readMailboxMessage } from "@/lib/email/read-mailbox-message";
import { requireMailbox } from "@/app/mailbox/require-mailbox";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // Not even the title tells a visitor from elsewhere that the page exists.
  await requireMailbox();
  const t = await getTranslations("mailbox");
  return { title: t("title"), robots: { index: false } };
}

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const directory = await requireMailbox();
  const { id } = await params;
  const message = await readMailboxMessage({ directory, id });
  if (!message) notFound();
  const [t, format] = await Promise.all([getTranslations("mailbox"), getFormatter()]);
  // The mail's HTML runs in a sandbox without scripts or same-origin access; its links open in a
  // new tab (allow-popups), and are listed below as plain links as well.
  const srcDoc = `<base target="_blank">${message.html}`;
  return (
    <>
      <Link href="/mailbox" className="text-sm text-brand-700 underline-offset-2 hover:underline">
        ← {t("back")}
      </Link>
      <div className="mt-4">
        <PageHeader
          title={message.subject}
          description={`${t("to")}: ${message.to} · ${t("received")}: ${format.dateTime(new Date(message.receivedAt), { dateStyle: "medium", timeStyle: "medium" })}`}
        />
      </div>
      <iframe
        title={t("htmlFrameTitle", { subject: message.subject })}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        srcDoc={srcDoc}
        className="h-[36rem] w-full rounded-lg border border-slate-200 bg-white"
      />
      {message.links.length > 0 ? (
        <section className="mt-6">
          <h2 className="text-sm font-semibold text-slate-900">{t("links")}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {message.links.map((link) => (
              <li key={link}>
                <a href={link} className="break-all text-brand-700 underline-offset-2 hover:underline">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <details className="mt-6">
        <summary className="cursor-pointer text-sm font-semibold text-slate-900">{t("textVersion")}</summary>
        <pre className="mt-2 whitespace-pre-wrap rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-800">
          {message.text}
        </pre>
      </details>
    </>
  );
}
