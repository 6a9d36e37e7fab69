import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listMailbox } from "@/lib/email/list-mailbox";
import { requireMailbox } from "@/app/mailbox/require-mailbox";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // Not even the title tells a visitor from elsewhere that the page exists.
  await requireMailbox();
  const t = await getTranslations("mailbox");
  return { title: t("title"), robots: { index: false } };
}

export default async function MailboxPage() {
  const directory = await requireMailbox();
  const [t, format, messages] = await Promise.all([getTranslations("mailbox"), getFormatter(), listMailbox({ directory })]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {messages.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        // The table scrolls in its own box on a phone.
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("received")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("to")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("subject")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {messages.map((message) => (
                <tr key={message.id}>
                  <td className="whitespace-nowrap px-4 py-2 text-slate-600">
                    {format.dateTime(new Date(message.receivedAt), { dateStyle: "short", timeStyle: "medium" })}
                  </td>
                  <td className="px-4 py-2 text-slate-900">{message.to}</td>
                  <td className="px-4 py-2">
                    <Link href={`/mailbox/${message.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {message.subject}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
