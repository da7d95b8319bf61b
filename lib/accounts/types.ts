// What the account queries and mutations return: plain objects for pages, client components and the API.
import type { Role } from "@/lib/db/generated/enums";
import type { AccountStatus } from "./rules";

/** A one-time link to set a password: the path on the portal (the edge adds its address) and when it stops working. */
export type IssuedLink = { path: string; expiresAt: Date };

export type AccountRow = {
  id: number;
  email: string;
  name: string;
  phone: string | null;
  role: Role;
  provinceId: number | null;
  provinceCode: string | null;
  provinceName: string | null;
  agencyId: number | null;
  agencyCode: string | null;
  agencyName: string | null;
  status: AccountStatus;
  lastSignInAt: Date | null;
  createdAt: Date;
  version: number;
};

export type AccountPage = { rows: AccountRow[]; total: number; page: number; pageSize: number };

/** A created account (or one given a new link) with the link to hand over. */
export type AccountWithLink = AccountRow & { invitation: IssuedLink };

export type ImportCount = { created: number; updated: number; unchanged: number };

export type AccountImportOutcome = {
  dryRun: boolean;
  province: { code: string; name: string };
  summary: { new: number; unchanged: number };
  rows: { row: number; email: string; name: string; change: "new" | "unchanged" }[];
  /** The invitation of each new account, to hand out while e-mail is not configured. */
  invitations: { email: string; name: string; invitation: IssuedLink }[];
};
