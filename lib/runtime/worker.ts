// `npm run worker`: the email delivery worker as its own process (R27); Ctrl-C / SIGTERM lets sends finish.
import { db } from "@/lib/db/client";
import { startEmailWorker } from "@/lib/email/start-email-worker";
import { env, EnvError } from "@/lib/env";
import { runCli } from "@/lib/runtime/cli";

function log(line: string): void {
  console.log(`[worker] ${line}`);
}

await runCli(async () => {
  const config = env();
  if (!config.DATABASE_URL) {
    // The embedded PGlite belongs to the `npm start` process, which runs the worker itself.
    throw new EnvError("`npm run worker` needs DATABASE_URL. On the embedded database the worker runs inside `npm start`.");
  }
  const stop = startEmailWorker(config, log);
  await new Promise<void>((resolve) => {
    let isStopping = false;
    const shutdown = (signal: NodeJS.Signals) => {
      if (isStopping) return;
      isStopping = true;
      log(`${signal}: finishing the sends in flight`);
      void stop()
        .then(() => db().$disconnect())
        .then(() => {
          log("stopped cleanly");
          resolve();
        });
    };
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
  });
});
