// `npm run dev`: like `npm start` but with Next's development server (hot reload).
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureAuthSecret, prepareDatabase, ROOT } from "./lib/runtime";

const database = await prepareDatabase({ log: (line) => console.log(`• ${line}`) });
const server = spawn(process.execPath, [path.join(ROOT, "scripts", "web-server.mjs"), "--dev", "-p", process.env.PORT ?? "3000"], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: ensureAuthSecret(), NEXT_DIST_DIR: ".next-dev" },
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  await database.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
