// Labels that lib used to hold now live in the message catalogue: a rule's test checks that the
// Vietnamese catalogue says them, word for word.
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";

const DIR = path.resolve(import.meta.dirname, "..", "..", "lib", "i18n", "messages", "vi");

function values(node: unknown, into: Set<string>): Set<string> {
  if (typeof node === "string") into.add(node);
  else if (node && typeof node === "object") for (const child of Object.values(node)) values(child, into);
  return into;
}

const VIETNAMESE = values(
  fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8"))),
  new Set(),
);

/** Every label (the values of a label table, or one text) is a message of the Vietnamese catalogue. */
export function expectInCatalogue(labels: Record<string, string> | string) {
  for (const label of typeof labels === "string" ? [labels] : Object.values(labels)) expect(VIETNAMESE, label).toContain(label);
}
