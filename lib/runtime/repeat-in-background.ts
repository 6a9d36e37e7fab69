// A background job of every app instance (the lease sweeper, the expiry reminders): a round every
// `intervalMs`, never two rounds at once, a failed round logged and tried again at the next tick,
// and a timer that never keeps the process alive on its own. Returns a stop function.
import "server-only";

export function repeatInBackground(options: { name: string; intervalMs: number; round: () => Promise<void> }): () => void {
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      await options.round();
    } catch (error) {
      console.error(`[${options.name}] round failed`, error);
    } finally {
      isRunning = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
