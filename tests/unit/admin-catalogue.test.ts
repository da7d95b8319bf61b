// The words of the import templates (agency kinds, roles) are the pages' words: the Vietnamese
// catalogue and the names lib reads from a file stay equal.
import { describe, expect, it } from "vitest";
import { ROLE_NAMES } from "@/lib/accounts/import/rows";
import { AGENCY_KIND_NAMES } from "@/lib/agencies/rules";
import vi from "@/lib/i18n/messages/vi/common.json";

describe("template words and the catalogue", () => {
  it("name agency kinds and roles alike", () => {
    expect(AGENCY_KIND_NAMES).toEqual(vi.agencyKinds);
    expect(ROLE_NAMES).toEqual(vi.roles);
  });
});
