import { randomUUID } from "node:crypto";
import { runSupportScript } from "./identity";

export type SelfMadeCompany = { companyId: string; groupId: string };
export type StaffMadeCompany = { companyId: string; companyName: string; groupId: string; licenseId: string; activationKey: string };

const seed = <T>(script: string, args: string[]): T => JSON.parse(runSupportScript(script, args)) as T;

/** A company its buyer created in the shop, paying by invoice later: not verified (see seed-access-companies.ts). */
export const seedSelfMadeCompany = (buyerEmail: string) => seed<SelfMadeCompany>("seed-access-companies.ts", ["self-made", buyerEmail]);

/** A staff-made company with two ADMINs and a floating desktop license assigned to the second. */
export const seedStaffMadeCompany = (adminEmail: string, memberEmail: string) =>
  seed<StaffMadeCompany>("seed-access-companies.ts", ["staff-made", adminEmail, memberEmail]);

type People = "adminA" | "memberA" | "leaverA" | "promotedA" | "contactA" | "adminB";
/** What seed-authorization-matrix.ts made: company A with its people and resources, company B with its admin. */
export type MatrixSeed = {
  suffix: string;
  companyA: { id: string; name: string; groupId: string };
  companyB: { id: string; name: string; groupId: string };
  emails: Record<People, string>;
  userIds: Record<People, string>;
  licenses: { floating: string; nodeLocked: string; named: string; nodeLockedKey: string; floatingKey: string };
  activationId: string;
  orderId: string;
  salesLeadId: string;
};

/** The two companies of the authorization matrix and the action fuzzing, fresh each call. */
export const seedAuthorizationMatrix = () =>
  seed<MatrixSeed>("seed-authorization-matrix.ts", [randomUUID().replaceAll("-", "").slice(0, 10)]);
