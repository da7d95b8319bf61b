// Property-based test of evidence uploads (lib/storage/files.ts) with generated files: any bytes
// under any name — path tricks, control characters, a real type's signature with garbage after
// it, a renamed executable — are either refused with a clear ValidationError on the `file` field,
// or stored inside the storage folder under a key of ours, with the type read from the bytes (never
// from the name) and a name that cannot leave the folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { fuzzRuns, isClearMessage } from "../../scripts/lib/fuzz/arbitraries";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "fuzz-uploads-"));
process.env.EVIDENCE_DIR = root;
process.env.EVIDENCE_MAX_BYTES = String(64 * 1024);
const { sniffKind, storeEvidence } = await import("@/lib/storage/files");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const SIGNATURES: Record<string, number[]> = {
  "application/pdf": [...Buffer.from("%PDF-")],
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  "image/jpeg": [0xff, 0xd8, 0xff],
  "image/webp": [...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WEBP")],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [0x50, 0x4b, 0x03, 0x04, ...Buffer.from("xl/")],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [0x50, 0x4b, 0x03, 0x04, ...Buffer.from("word/")],
};

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.tuple(fc.constantFrom(...Object.values(SIGNATURES)), fc.uint8Array({ maxLength: 256 })).map(([head, tail]) => new Uint8Array([...head, ...tail])),
  fc.constantFrom(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), Buffer.from("<html><script>alert(1)</script>"), Buffer.from("%PDF"), new Uint8Array(0)),
  fc.constant(new Uint8Array(64 * 1024 + 1).fill(0x25)),
);
const name = fc.oneof(
  fc.constantFrom(
    "minh-chung.pdf",
    "../../etc/passwd",
    "..\\..\\boot.ini",
    "/tmp/x.pdf",
    "a\u0000b.pdf",
    "báo cáo.PDF",
    "virus.pdf.exe",
    "",
    ".",
    "..",
    `${"x".repeat(400)}.pdf`,
  ),
  fc.string({ unit: "binary", maxLength: 60 }),
);

describe("evidence uploads with generated files", () => {
  it("are refused clearly, or stored inside the folder with the type their bytes show", async () => {
    await fc.assert(
      fc.asyncProperty(name, bytes, async (fileName, data) => {
        let stored: Awaited<ReturnType<typeof storeEvidence>>;
        try {
          stored = await storeEvidence(fileName, data);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw new Error(`threw ${(error as Error).message}`);
          for (const issue of error.issues) {
            expect(issue.field).toBe("file");
            expect(isClearMessage(issue.message)).toBe(true);
          }
          expect(data.length === 0 || data.length > 64 * 1024 || sniffKind(data) === null).toBe(true);
          return;
        }
        expect(data.length).toBeGreaterThan(0);
        expect(data.length).toBeLessThanOrEqual(64 * 1024);
        expect(stored.contentType).toBe(sniffKind(data)!.contentType);
        expect(Object.keys(SIGNATURES)).toContain(stored.contentType);
        const target = path.resolve(root, stored.storageKey);
        expect(target.startsWith(root + path.sep)).toBe(true);
        expect(fs.readFileSync(target).equals(Buffer.from(data))).toBe(true);
        expect(stored.fileName).not.toMatch(/[/\\\u0000-\u001f]/);
        expect(stored.fileName.length).toBeLessThanOrEqual(200);
        expect(stored.fileName).not.toMatch(/^\.+$/);
      }),
      { numRuns: fuzzRuns(2_000) },
    );
  });
});
