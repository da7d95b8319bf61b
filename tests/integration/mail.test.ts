// Mail and notifications (issue 15) against a real SMTP server (smtp-server, STARTTLS and
// authentication) and real worker processes (scripts/worker.ts) on this file's database.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";

const { createAccount, resetAccountPassword } = await import("@/lib/accounts/mutations");
const { linkStatus, setPasswordWithLink } = await import("@/lib/accounts/passwords/mutations");
const { relayOutbox } = await import("@/lib/mail/relay");
const { createBoss, QUEUES } = await import("@/lib/jobs/queue");
const nodemailer = (await import("nodemailer")).default;
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

const ROOT = path.resolve(import.meta.dirname, "../..");
const received: ParsedMail[] = [];
let acceptDelayMs = 0;
const server = new SMTPServer({
  authMethods: ["PLAIN", "LOGIN"],
  onAuth: (auth, _session, callback) =>
    auth.username === "portal" && auth.password === "s3cret" ? callback(null, { user: "portal" }) : callback(new Error("Invalid username or password")),
  onData: (stream, session, callback) => {
    if (!session.secure) return callback(new Error("STARTTLS required"));
    simpleParser(stream).then(
      // Recorded when the server answers 250: from then on the message is the server's.
      (mail) =>
        setTimeout(() => {
          received.push(mail);
          callback();
        }, acceptDelayMs),
      callback,
    );
  },
  logger: false,
});
let smtpUrl = "";
let staff: Actor;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  smtpUrl = `smtp://portal:s3cret@127.0.0.1:${port}?requireTLS=true&tls.rejectUnauthorized=false`;
  staff = await actorFor("noivu@demo.local");
});
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const transport = () => nodemailer.createTransport(smtpUrl);
const until = async (check: () => Promise<boolean> | boolean, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
};
const mailsTo = (address: string) => received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === address);

function startWorker(): ChildProcess {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts/worker.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      SMTP_URL: smtpUrl,
      MAIL_FROM: "Cổng CCHC <cong@kiemthu.gov.vn>",
      AUTH_URL: "https://cchc.kiemthu.gov.vn",
      NODE_OPTIONS: `--import ${path.join(ROOT, "scripts/lib/server-process.mjs")}`,
    },
  });
  workers.push(child);
  return child;
}
const ready = (child: ChildProcess) =>
  new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (process.env.DEBUG_WORKERS) process.stderr.write(chunk);
      if (chunk.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`worker exited ${code}`)));
  });

describe("invitation and reset mail", () => {
  it("sends the invitation at once to the new account, in Vietnamese, with a link that works", async () => {
    process.env.AUTH_URL = "https://cchc.kiemthu.gov.vn";
    const account = await createAccount(staff, { email: "moi.1@kiemthu.gov.vn", name: "Nguyễn Văn Mới", role: "LEADER", provinceCode: "91" });
    expect(await relayOutbox(testDb, transport())).toEqual({ sent: 1, failed: 0 });
    const [mail] = mailsTo("moi.1@kiemthu.gov.vn");
    expect(mail.subject).toBe("Mời tham gia Cổng theo dõi Chỉ số CCHC");
    expect(mail.text).toContain("Kính gửi Nguyễn Văn Mới,");
    expect(mail.text).toContain("Hãy mở đường liên kết dưới đây để đặt mật khẩu.");
    const link = mail.text!.match(/https:\/\/cchc\.kiemthu\.gov\.vn\/dat-mat-khau\?token=\S+/)![0];
    expect(link).toBe(`https://cchc.kiemthu.gov.vn${account.invitation.path}`);
    expect(mail.html).toContain(`href="${link}"`);
    const token = decodeURIComponent(new URL(link).searchParams.get("token")!);
    expect((await linkStatus(token)).state).toBe("valid");
    await expect(setPasswordWithLink({ token, password: "Mùa thu Hà Nội lá vàng rơi" })).resolves.toMatchObject({ email: "moi.1@kiemthu.gov.vn" });
    const row = await testDb.mailMessage.findFirstOrThrow({ where: { toAddress: "moi.1@kiemthu.gov.vn" } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, purpose: "invitation" });
  });

  it("sends a reset link that supersedes the invitation", async () => {
    const user = await testDb.user.findUniqueOrThrow({ where: { email: "moi.1@kiemthu.gov.vn" } });
    const link = await resetAccountPassword(staff, user.id);
    await relayOutbox(testDb, transport());
    const mail = mailsTo("moi.1@kiemthu.gov.vn").at(-1)!;
    expect(mail.subject).toBe("Đặt lại mật khẩu Cổng theo dõi Chỉ số CCHC");
    expect(mail.text).toContain(`https://cchc.kiemthu.gov.vn${link.path}`);
    expect(mail.text).toContain("đường liên kết cũ không còn dùng được");
  });

  it("keeps mail it could not send, with the error, and retries it later; the request never failed", async () => {
    await createAccount(staff, { email: "moi.2@kiemthu.gov.vn", name: "Trần Thị Hai", role: "LEADER", provinceCode: "91" });
    const wrong = nodemailer.createTransport(smtpUrl.replace("s3cret", "sai"));
    expect(await relayOutbox(testDb, wrong)).toEqual({ sent: 0, failed: 1 });
    const row = await testDb.mailMessage.findFirstOrThrow({ where: { toAddress: "moi.2@kiemthu.gov.vn" } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toMatch(/Invalid username or password/);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await relayOutbox(testDb, transport())).toEqual({ sent: 0, failed: 0 }); // not due yet
    await testDb.mailMessage.update({ where: { id: row.id }, data: { nextAttemptAt: new Date() } });
    expect(await relayOutbox(testDb, transport())).toEqual({ sent: 1, failed: 0 });
    expect(mailsTo("moi.2@kiemthu.gov.vn")).toHaveLength(1);
  });
});

describe("deadline reminders from two workers", () => {
  it("sends exactly one reminder to the agency head, obeys preferences, and digests the rest", { timeout: 180_000 }, async () => {
    const head = await testDb.user.findUniqueOrThrow({ where: { email: "thutruong@demo.local" } });
    const demoPeriod = await testDb.assessmentPeriod.findFirstOrThrow({ where: { assessments: { some: { agencyId: head.agencyId! } } } });
    const period = await testDb.assessmentPeriod.create({
      data: { provinceId: demoPeriod.provinceId, frameworkId: demoPeriod.frameworkId, year: 2031, selfScoringDeadline: new Date("2031-03-31T23:59:59+07:00") },
    });
    const sheet = await testDb.assessment.create({ data: { periodId: period.id, agencyId: head.agencyId! } });
    // A second head of the same agency who wants the portal only, and the first one at once.
    const quiet = await testDb.user.create({
      data: { email: "pho.thutruong@kiemthu.gov.vn", name: "Phó Thủ Trưởng", role: "AGENCY_HEAD", agencyId: head.agencyId, provinceId: head.provinceId },
    });
    await testDb.notificationPreference.createMany({
      data: [
        { userId: head.id, kind: "selfScoringDeadline", delivery: "IMMEDIATE" },
        { userId: quiet.id, kind: "selfScoringDeadline", delivery: "PORTAL" },
      ],
    });
    const a = startWorker();
    const b = startWorker();
    await Promise.all([ready(a), ready(b)]);
    const boss = createBoss(process.env.DATABASE_URL!, { worker: false });
    await boss.start();
    try {
      // Four scans as of 29/03/2031 08:00 (2 days left), sent at once to both workers.
      const at = "2031-03-29T01:00:00Z";
      await Promise.all([1, 2, 3, 4].map(() => boss.send(QUEUES.deadlineScan, { at })));
      await until(async () => (await boss.getQueueSize(QUEUES.deadlineScan, { before: "completed" })) === 0 && mailsTo(head.email).length >= 1);
      await new Promise((r) => setTimeout(r, 3000)); // time for a duplicate to show up, if any
      const reminders = mailsTo(head.email);
      expect(reminders).toHaveLength(1);
      expect(reminders[0].subject).toMatch(/^Còn 3 ngày đến hạn tự chấm điểm năm 2031 \(31\/03\/2031\) của /);
      expect(reminders[0].text).toContain(`https://cchc.kiemthu.gov.vn/danh-gia/phieu/${sheet.id}`);
      expect(mailsTo(quiet.email)).toHaveLength(0);
      const notes = await testDb.notification.findMany({ where: { subject: `assessment:${sheet.id}` } });
      expect(notes.map((n) => [n.userId, n.threshold]).sort()).toEqual(
        [
          [head.id, "d3"],
          [quiet.id, "d3"],
        ].sort(),
      );
      // The deadline passes: the heads are told once more, Home Affairs gets one summary (digest by default).
      await boss.send(QUEUES.deadlineScan, { at: "2031-04-01T02:00:00Z" });
      await boss.send(QUEUES.deadlineScan, { at: "2031-04-02T02:00:00Z" });
      await until(
        async () =>
          (await testDb.notification.count({ where: { kind: "lateAgencies", subject: `period:${period.id}:late` } })) > 0 && mailsTo(head.email).length >= 2,
      );
      await until(async () => (await boss.getQueueSize(QUEUES.deadlineScan, { before: "completed" })) === 0);
      expect(mailsTo(head.email).map((m) => m.subject)).toEqual([reminders[0].subject, expect.stringMatching(/^Đã quá hạn tự chấm điểm năm 2031/)]);
      const summaries = await testDb.notification.findMany({ where: { kind: "lateAgencies", subject: `period:${period.id}:late` }, include: { user: true } });
      expect(summaries.length).toBeGreaterThan(0);
      expect(summaries.every((s) => s.user.role === "HOME_AFFAIRS" && s.mailedAt === null)).toBe(true);
      await boss.send(QUEUES.dailyDigest, {});
      await until(() => mailsTo("noivu@demo.local").length >= 1);
      const digest = mailsTo("noivu@demo.local");
      expect(digest).toHaveLength(1);
      expect(digest[0].subject).toMatch(/^Thông báo trong ngày: \d+ thông báo$/);
      expect(digest[0].text).toMatch(/cơ quan chưa gửi phiếu tự chấm điểm năm 2031/);
      expect(mailsTo(quiet.email)).toHaveLength(0);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it("loses and duplicates nothing when a worker is killed mid-batch and another takes over", { timeout: 180_000 }, async () => {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    const before = received.length;
    const addresses = Array.from({ length: 24 }, (_, i) => `lo.${i}@kiemthu.gov.vn`);
    for (const address of addresses) await createAccount(staff, { email: address, name: `Người ${address}`, role: "LEADER", provinceCode: "91" });
    acceptDelayMs = 150;
    const first = startWorker();
    await ready(first);
    await until(() => received.length - before >= 6);
    first.kill("SIGKILL");
    const second = startWorker();
    await ready(second);
    await until(async () => (await testDb.mailMessage.count({ where: { toAddress: { in: addresses }, status: "SENT" } })) === addresses.length);
    const counts = addresses.map((address) => mailsTo(address).length);
    expect(counts).toEqual(addresses.map(() => 1));
    second.kill("SIGTERM");
    acceptDelayMs = 0;
  });
});
