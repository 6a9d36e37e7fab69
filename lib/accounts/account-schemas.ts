// Schemas of whole forms, built from the field schemas.
import { z } from "zod";
import { Email, FirstName, LastName, Locale, OptionalPosition, Position, Title } from "@/lib/accounts/fields";

/** R14: the contact details an admin must give for someone without an account. */
export const ContactDetails = z.object({
  title: Title,
  firstName: FirstName,
  lastName: LastName,
  position: Position,
  language: Locale,
});
export type ContactDetails = z.infer<typeof ContactDetails>;

/** Position and title are optional until the profile asks for them. */
export const NewAccount = z.object({
  email: Email,
  firstName: FirstName,
  lastName: LastName,
  title: Title.optional(),
  position: OptionalPosition.optional(),
  language: Locale.default("nl"),
});
export type NewAccount = z.input<typeof NewAccount>;

/** Turns zod issues into `{ field: message }` for DomainError details (R14: name the missing fields). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_";
    errors[field] ??= issue.message;
  }
  return errors;
}
