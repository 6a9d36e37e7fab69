// `npm run worker`: the email delivery worker as its own process (R27), e.g. next to app
// instances started with EMAIL_WORKER=off. Any number may run alongside the app's own workers
// (claims skip each other's rows). Ctrl-C / SIGTERM lets the sends in flight finish first.
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
