// A gzip-compressed tar archive (POSIX ustar), written and read with Node alone so that backups
// need no extra package and open with any `tar -xzf`. Only plain files: what a backup holds.
import fs from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

/** The name and prefix fields of a ustar header (a name longer than 100 bytes is split at a "/"). */
function splitName(name: string): { name: string; prefix: string } {
  if (Buffer.byteLength(name) <= 100) return { name, prefix: "" };
  for (let i = name.indexOf("/"); i !== -1; i = name.indexOf("/", i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return { name: rest, prefix };
  }
  throw new Error(`Tên tệp quá dài cho tệp sao lưu: ${name}`);
}

function header(name: string, size: number, mtime: Date): Buffer {
  const block = Buffer.alloc(BLOCK, 0);
  const parts = splitName(name);
  block.write(parts.name, 0, 100, "utf8");
  block.write(octal(0o600, 8), 100, "ascii");
  block.write(octal(0, 8), 108, "ascii");
  block.write(octal(0, 8), 116, "ascii");
  block.write(octal(size, 12), 124, "ascii");
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, "ascii");
  block.write("        ", 148, "ascii"); // checksum counted as spaces
  block.write("0", 156, "ascii");
  block.write("ustar\0", 257, "ascii");
  block.write("00", 263, "ascii");
  block.write(parts.prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${octal(sum, 7)} `, 148, "ascii");
  return block;
}

/** Writes `entries` (archive name → file on disk) into a .tar.gz at `target`. */
export async function writeTarGz(target: string, entries: { name: string; file: string }[]): Promise<void> {
  const gzip = zlib.createGzip();
  const output = fs.createWriteStream(target, { mode: 0o600 });
  const done = pipeline(gzip, output);
  const write = async (chunk: Buffer) => {
    if (!gzip.write(chunk)) await once(gzip, "drain");
  };
  for (const entry of entries) {
    const stat = await fs.promises.stat(entry.file);
    await write(header(entry.name, stat.size, stat.mtime));
    for await (const chunk of fs.createReadStream(entry.file)) await write(chunk as Buffer);
    const padding = (BLOCK - (stat.size % BLOCK)) % BLOCK;
    if (padding) await write(Buffer.alloc(padding, 0));
  }
  await write(Buffer.alloc(2 * BLOCK, 0));
  gzip.end();
  await done;
}

/**
 * Extracts a .tar.gz into `dir` and returns the names of its files. Names that would leave `dir`
 * (absolute, or with "..") are refused: the archive may come from anywhere.
 */
export async function extractTarGz(source: string, dir: string): Promise<string[]> {
  const names: string[] = [];
  let pending = Buffer.alloc(0);
  // Assigned inside consume(): the cast keeps TypeScript from narrowing it to null out here.
  let current = null as { out: fs.WriteStream; left: number; padding: number } | null;
  let skip = 0;
  let ended = false;

  const consume = async () => {
    for (;;) {
      if (skip > 0) {
        const n = Math.min(skip, pending.length);
        pending = pending.subarray(n);
        skip -= n;
        if (skip > 0) return;
      }
      if (current) {
        const n = Math.min(current.left, pending.length);
        if (n > 0 && !current.out.write(pending.subarray(0, n))) await once(current.out, "drain");
        pending = pending.subarray(n);
        current.left -= n;
        if (current.left > 0) return;
        current.out.end();
        await once(current.out, "close");
        skip = current.padding;
        current = null;
        continue;
      }
      if (ended || pending.length < BLOCK) return;
      const block = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (block.every((b) => b === 0)) {
        ended = true;
        return;
      }
      const field = (start: number, length: number) =>
        block
          .subarray(start, start + length)
          .toString("utf8")
          .replace(/\0.*$/s, "");
      const size = parseInt(field(124, 12).trim() || "0", 8);
      const type = field(156, 1) || "0";
      const prefix = block.subarray(257, 263).toString("ascii").startsWith("ustar") ? field(345, 155) : "";
      const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (type !== "0") {
        // Directories and metadata entries carry nothing a backup needs.
        skip = size + padding;
        continue;
      }
      const target = path.resolve(dir, name);
      if (path.isAbsolute(name) || !target.startsWith(path.resolve(dir) + path.sep)) throw new Error(`Tệp sao lưu chứa đường dẫn không hợp lệ: ${name}`);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      names.push(name);
      current = { out: fs.createWriteStream(target, { mode: 0o600 }), left: size, padding };
    }
  };

  await pipeline(
    fs.createReadStream(source),
    zlib.createGunzip(),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        pending = Buffer.concat([pending, chunk]);
        consume().then(() => callback(), callback);
      },
    }),
  );
  if (current) {
    current.out.destroy();
    throw new Error("Tệp sao lưu bị cắt cụt: thiếu phần cuối của một tệp bên trong.");
  }
  return names;
}
