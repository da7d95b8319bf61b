// Evidence files live on disk under EVIDENCE_DIR (default .data/evidence), never inside the web
// root; the database keeps the name, type, size and SHA-256. Callers only see this module, so an
// S3-compatible store can replace the folder without touching them.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { ValidationError } from "@/lib/errors";
import { checkFileSize } from "@/lib/io/upload";
import { libTranslator } from "@/lib/i18n/lib-translator";

export const EVIDENCE_MAX_BYTES = Number(process.env.EVIDENCE_MAX_BYTES ?? 20 * 1024 * 1024);

function storageRoot(): string {
  // A folder of run-time data, never part of the build: without the comment, Turbopack traces the
  // whole project into the server output for this path it cannot know.
  return path.resolve(/*turbopackIgnore: true*/ process.env.EVIDENCE_DIR ?? path.join(process.env.PORTAL_DATA_DIR ?? ".data", "evidence"));
}

type Kind = { contentType: string; label: string; extensions: string[] };
const PDF: Kind = { contentType: "application/pdf", label: "PDF", extensions: [".pdf"] };
const DOCX: Kind = {
  contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  label: "DOCX",
  extensions: [".docx"],
};
const XLSX: Kind = {
  contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  label: "XLSX",
  extensions: [".xlsx"],
};
const PNG: Kind = { contentType: "image/png", label: "PNG", extensions: [".png"] };
const JPEG: Kind = { contentType: "image/jpeg", label: "JPEG", extensions: [".jpg", ".jpeg"] };
const WEBP: Kind = { contentType: "image/webp", label: "WEBP", extensions: [".webp"] };

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);

/** The file's real type from its first bytes (the browser's claim and the extension are not trusted). */
export function sniffKind(bytes: Uint8Array): Kind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return WEBP;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office files are ZIP archives; the part names tell Word from Excel.
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString("latin1");
    if (head.includes("word/")) return DOCX;
    if (head.includes("xl/")) return XLSX;
  }
  return null;
}

export const ACCEPTED_EVIDENCE = "PDF, DOCX, XLSX, PNG, JPEG, WEBP";

const KINDS = [PDF, DOCX, XLSX, PNG, JPEG, WEBP];

/**
 * The name a file is stored and served under: the uploaded one, with the extension of its real
 * type (a PDF uploaded as "report.html" is "report.pdf": saved by a user and opened, it must not
 * run as a web page).
 */
export function nameForType(fileName: string, contentType: string): string {
  const kind = KINDS.find((k) => k.contentType === contentType);
  if (!kind || kind.extensions.some((extension) => fileName.toLowerCase().endsWith(extension))) return fileName;
  const dot = fileName.lastIndexOf(".");
  return `${dot > 0 ? fileName.slice(0, dot) : fileName}${kind.extensions[0]}`;
}

export type StoredBlob = { storageKey: string; fileName: string; contentType: string; sizeBytes: number; sha256: string };

/** Checks and stores an uploaded file; throws a ValidationError naming what is wrong. */
export async function storeEvidence(fileName: string, bytes: Uint8Array): Promise<StoredBlob> {
  // The last part of a path (old browsers send "C:\\…\\file.pdf"), without control characters; "." and ".." are no name.
  const name =
    (fileName.split(/[\\/]/).pop() ?? "")
      .replace(/[\u0000-\u001f]/g, "")
      .replace(/^\.+$/, "")
      .slice(0, 200) || "tep";
  if (bytes.length === 0) throw new ValidationError([{ field: "file", message: libTranslator("errors.evidence")("empty") }]);
  checkFileSize(name, bytes.length, EVIDENCE_MAX_BYTES);
  const kind = sniffKind(bytes);
  if (!kind) {
    throw new ValidationError([{ field: "file", message: libTranslator("errors.evidence")("notAccepted", { name, accepted: ACCEPTED_EVIDENCE }) }]);
  }
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  const storageKey = `${new Date().toISOString().slice(0, 7)}/${crypto.randomUUID()}${kind.extensions[0]}`;
  const target = path.join(storageRoot(), storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, bytes, { flag: "wx" });
  const named = nameForType(name, kind.contentType);
  const extension = named.slice(named.lastIndexOf("."));
  const storedName = named.length > 200 ? `${named.slice(0, 200 - extension.length)}${extension}` : named;
  return { storageKey, fileName: storedName, contentType: kind.contentType, sizeBytes: bytes.length, sha256 };
}

export async function readStored(storageKey: string): Promise<Buffer> {
  const root = storageRoot();
  const target = path.resolve(root, storageKey);
  // Keys are ours, but never follow one out of the storage folder.
  if (!target.startsWith(root + path.sep)) throw new Error("invalid storage key");
  return fs.readFile(target);
}

export async function removeStored(storageKey: string): Promise<void> {
  const root = storageRoot();
  const target = path.resolve(root, storageKey);
  if (!target.startsWith(root + path.sep)) throw new Error("invalid storage key");
  await fs.rm(target, { force: true });
}
