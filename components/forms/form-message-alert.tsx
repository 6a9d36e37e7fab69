import Link from "next/link";
import { FormAlert } from "@/components/ui/form-field";
import type { FormMessage } from "./use-action-form";

/** A form's message in its tone, followed by its link. */
export function FormMessageAlert({ message }: { message: FormMessage }) {
  if (!message) return null;
  return (
    <FormAlert tone={message.tone}>
      {message.text}
      {message.link ? (
        <>
          {" "}
          <Link href={message.link.href} className="font-medium underline underline-offset-2">
            {message.link.label}
          </Link>
        </>
      ) : null}
    </FormAlert>
  );
}
