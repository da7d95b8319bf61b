// The message catalogue stays whole: English has exactly Vietnamese's keys with the same ICU
// arguments and tags, no message is empty or unparsable, every key the code asks for exists, and no
// Vietnamese text is written inline in app/, components/ or lib/ (it belongs in the catalogue).
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { createTranslator, type IntlError } from "next-intl";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, MESSAGES, NAMESPACES } from "@/lib/i18n/catalogue";
import { LOCALES } from "@/lib/i18n/config";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MESSAGES_DIR = path.join(ROOT, "lib/i18n/messages");

type Tree = { [key: string]: string | Tree };

/** Every message of a tree as "a.b.c" → text. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const vi = flatten(MESSAGES.vi as unknown as Tree);
const en = flatten(MESSAGES.en as unknown as Tree);

/** ICU argument names ({name}, {count, plural, …}) and rich-text tags (<link>…</link>) of a message. */
function placeholders(message: string): { args: string[]; tags: string[] } {
  const args = new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]));
  const tags = new Set([...message.matchAll(/<([A-Za-z_]\w*)>/g)].map((m) => m[1]));
  return { args: [...args].sort(), tags: [...tags].sort() };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

const relative = (file: string) => path.relative(ROOT, file);

describe("the catalogue files", () => {
  it("has one file per namespace in each language, each registered in catalogue.ts", () => {
    for (const locale of LOCALES) {
      const files = fs.readdirSync(path.join(MESSAGES_DIR, locale)).sort();
      expect(files, locale).toEqual([...NAMESPACES].map((ns) => `${ns}.json`).sort());
    }
  });

  it("gives English exactly the keys of Vietnamese", () => {
    expect(
      [...en.keys()].filter((key) => !vi.has(key)),
      "keys only in en",
    ).toEqual([]);
    expect(
      [...vi.keys()].filter((key) => !en.has(key)),
      "keys only in vi",
    ).toEqual([]);
  });

  it("has no empty message", () => {
    const empty = [...vi, ...en].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("uses the same ICU arguments and tags in both languages", () => {
    const differing = [...vi.keys()].filter((key) => en.has(key) && JSON.stringify(placeholders(vi.get(key)!)) !== JSON.stringify(placeholders(en.get(key)!)));
    expect(differing).toEqual([]);
  });

  it("has camelCase keys (enum values keep their code, e.g. roles.HOME_AFFAIRS)", () => {
    const bad = [...vi.keys()].filter((key) => key.split(".").some((part) => !/^[a-z][a-zA-Z0-9]*$|^[A-Z][A-Z0-9_]*$|^[a-z]+(_[a-z]+)+$/.test(part)));
    expect(bad).toEqual([]);
  });

  it("formats every message in both languages", () => {
    for (const locale of LOCALES) {
      const t = createTranslator({
        locale,
        messages: MESSAGES[locale],
        timeZone: "Asia/Ho_Chi_Minh",
        onError: (error: IntlError) => {
          throw error;
        },
      });
      for (const [key, text] of locale === "vi" ? vi : en) {
        const { args, tags } = placeholders(text);
        const values: Record<string, number | ((chunks: string) => string)> = {};
        for (const arg of args) values[arg] = 2;
        for (const tag of tags) values[tag] = (chunks: string) => chunks;
        expect(() => (t.markup as (key: string, values: unknown) => string)(key, values), `${locale} ${key}`).not.toThrow();
      }
    }
  });
});

/** Where a function gets its translator: `useTranslations("ns")`, `await getTranslations("ns")`, `translator(locale, "ns")`. */
type Binding = { name: string; namespace: string; scope: ts.Node };

function namespaceOf(call: ts.Expression): string | null {
  let node = call;
  if (ts.isAwaitExpression(node)) node = node.expression;
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return null;
  // translator(locale, "ns") is lib's request-independent translator (lib/i18n/translator.ts),
  // libTranslator("errors.ns") lib's own messages in the request's language (lib/i18n/lib-translator.ts).
  const position = { useTranslations: 0, getTranslations: 0, translator: 1, libTranslator: 0 }[node.expression.text];
  if (position === undefined) return null;
  const arg = node.arguments[position];
  return arg && ts.isStringLiteral(arg) ? arg.text : "";
}

const isScope = (node: ts.Node) => ts.isSourceFile(node) || ts.isFunctionLike(node) || ts.isBlock(node);

function enclosingScope(node: ts.Node): ts.Node {
  let current = node.parent;
  while (!isScope(current)) current = current.parent;
  return current;
}

/** The keys a file asks for: "ns.key" (exact), or "ns.prefix." (a template literal like `roles.${role}`). */
function usedKeys(file: string): { keys: { key: string; exact: boolean }[]; namespaces: string[]; clientPaths: string[] } {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const bindings: Binding[] = [];
  const clientPaths: string[] = [];
  const visitDeclarations = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      if (ts.isIdentifier(node.name)) {
        const namespace = namespaceOf(node.initializer);
        if (namespace !== null) bindings.push({ name: node.name.text, namespace, scope: enclosingScope(node) });
      } else if (ts.isArrayBindingPattern(node.name)) {
        // const [t, format] = await Promise.all([getTranslations("ns"), getFormat()])
        let init: ts.Expression = node.initializer;
        if (ts.isAwaitExpression(init)) init = init.expression;
        const list = ts.isCallExpression(init) && init.arguments[0] && ts.isArrayLiteralExpression(init.arguments[0]) ? init.arguments[0].elements : null;
        node.name.elements.forEach((element, i) => {
          if (!list || !ts.isBindingElement(element) || !ts.isIdentifier(element.name)) return;
          const namespace = list[i] ? namespaceOf(list[i]) : null;
          if (namespace !== null) bindings.push({ name: element.name.text, namespace, scope: enclosingScope(node) });
        });
      }
    }
    // <ClientMessages namespaces={["dashboards.flags", …]}>
    if (ts.isJsxAttribute(node) && node.name.getText(source) === "namespaces" && node.initializer && ts.isJsxExpression(node.initializer)) {
      const list = node.initializer.expression;
      if (list && ts.isArrayLiteralExpression(list)) for (const item of list.elements) if (ts.isStringLiteral(item)) clientPaths.push(item.text);
    }
    ts.forEachChild(node, visitDeclarations);
  };
  visitDeclarations(source);

  const bindingFor = (name: string, node: ts.Node): Binding | undefined => {
    for (let scope: ts.Node | undefined = node; scope; scope = scope.parent) {
      const found = bindings.find((b) => b.name === name && b.scope === scope);
      if (found) return found;
    }
    return undefined;
  };
  const keys: { key: string; exact: boolean }[] = [];
  const visitCalls = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      let callee: ts.Expression = node.expression;
      if (ts.isPropertyAccessExpression(callee) && ["rich", "markup", "raw", "has"].includes(callee.name.text)) callee = callee.expression;
      const binding = ts.isIdentifier(callee) ? bindingFor(callee.text, node) : undefined;
      const [arg] = node.arguments;
      if (binding && arg) {
        const prefix = binding.namespace ? `${binding.namespace}.` : "";
        if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) keys.push({ key: prefix + arg.text, exact: true });
        else if (ts.isTemplateExpression(arg) && arg.head.text) keys.push({ key: prefix + arg.head.text, exact: false });
      }
    }
    ts.forEachChild(node, visitCalls);
  };
  visitCalls(source);
  return { keys, namespaces: [...new Set(bindings.map((b) => b.namespace))], clientPaths };
}

const CODE = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components")), ...sourceFiles(path.join(ROOT, "lib"))];

describe("keys used in code", () => {
  const scanned = CODE.map((file) => ({ file, ...usedKeys(file) }));

  it("finds translations in the code (the scan works)", () => {
    expect(scanned.reduce((n, f) => n + f.keys.length, 0)).toBeGreaterThan(300);
  });

  it("exist in the catalogue", () => {
    const missing: string[] = [];
    for (const { file, keys } of scanned) {
      for (const { key, exact } of keys) {
        const found = exact ? vi.has(key) : [...vi.keys()].some((k) => k.startsWith(key));
        if (!found) missing.push(`${relative(file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("reach the browser: a client component's namespaces are sent by the root layout or a <ClientMessages>", () => {
    const sent = [...CLIENT_NAMESPACES, ...scanned.flatMap((f) => f.clientPaths)];
    for (const p of sent)
      expect(
        [...vi.keys()].some((k) => k.startsWith(`${p}.`)),
        `ClientMessages path ${p}`,
      ).toBe(true);
    const unsent: string[] = [];
    for (const { file, namespaces } of scanned) {
      if (!fs.readFileSync(file, "utf8").startsWith('"use client"')) continue;
      for (const ns of namespaces) if (!sent.some((p) => ns === p || ns.startsWith(`${p}.`))) unsent.push(`${relative(file)}: ${ns}`);
    }
    expect(unsent).toEqual([]);
  });
});

// Letters only Vietnamese uses (ă â đ ê ô ơ ư and the tone marks), composed or not.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the combining tone marks are listed alone on purpose (decomposed text).
const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]|[àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** "file:line: text" for every string literal, template part and JSX text of a file that is Vietnamese (comments are not). */
function inlineVietnamese(file: string): string[] {
  const found: string[] = [];
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const visit = (node: ts.Node) => {
    const text =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
        ? node.text
        : null;
    if (text !== null && VIETNAMESE.test(text)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${relative(file)}:${line + 1}: ${text.trim().slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("no inline Vietnamese text in app/ and components/", () => {
  const files = [...sourceFiles(path.join(ROOT, "app")).filter((f) => !f.includes(`${path.sep}api${path.sep}`)), ...sourceFiles(path.join(ROOT, "components"))];

  it("finds the files (the scan works)", () => {
    expect(files.length).toBeGreaterThan(60);
  });

  it("keeps every user-facing text in the catalogue (comments may be Vietnamese)", () => {
    expect(files.flatMap(inlineVietnamese)).toEqual([]);
  });
});

/** lib files whose Vietnamese text is not the web interface's: it stays Vietnamese. Each entry says why. */
const LIB_DATA = new Map<string, string>([
  // The operator's console, not the web interface: npm start, npm run backup / restore print in
  // Vietnamese like the rest of scripts/ (the README's two commands).
  ["lib/db/embedded.ts", "a line npm start prints to the console"],
  ["lib/backup/archive.ts", "errors of npm run backup / restore, printed to the console"],
  ["lib/backup/backup.ts", "progress and errors of npm run backup / restore, printed to the console"],
  // Not shown to anyone: Auth.js's own label of a credential (the portal's sign-in page is /dang-nhap),
  // and the password of the dummy hash that keeps a missing account's sign-in as slow as a real one.
  ["lib/auth/auth.ts", "Auth.js's label of the password credential, never shown (pages.signIn is /dang-nhap)"],
  ["lib/auth/password.ts", "the dummy hash's password, never shown"],
  // Data: the letters with Vietnamese marks that a search key takes off (the migration's translate()).
  ["lib/search.ts", "the Vietnamese letters a search key takes the marks off, never shown"],
]);

describe("no inline Vietnamese text in lib/", () => {
  const files = sourceFiles(path.join(ROOT, "lib")).filter((f) => !f.includes(`${path.sep}messages${path.sep}`));

  it("finds the files (the scan works)", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("words lib's messages through the catalogue, except data", () => {
    const found = files.filter((f) => !LIB_DATA.has(relative(f))).flatMap(inlineVietnamese);
    expect(found).toEqual([]);
  });

  it("keeps the list honest: every listed file still has Vietnamese text", () => {
    const stale = [...LIB_DATA.keys()].filter((file) => !fs.existsSync(path.join(ROOT, file)) || inlineVietnamese(path.join(ROOT, file)).length === 0);
    expect(stale).toEqual([]);
  });
});
