// `npm run worker`: the job worker alone (deadline scans, daily digest, the outbox relay), for
// deployments that run it apart from the web processes. Needs DATABASE_URL; SMTP_URL and
// MAIL_FROM to send mail (without them mail stays in the outbox). `npm start` starts one itself.
import { createPrismaClient } from "../lib/db/prisma";
import { startWorker } from "../lib/jobs/worker";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Thiếu DATABASE_URL: worker cần địa chỉ PostgreSQL của cổng (npm start tự khởi động worker với CSDL nhúng).");
  process.exit(2);
}
const db = createPrismaClient(url, 4);
const worker = await startWorker(db, url, { log: (line) => console.log(`[worker ${process.pid}] ${line}`) });
console.log(`[worker ${process.pid}] ready`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await db.$disconnect();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
