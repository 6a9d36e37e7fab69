// A background job of every instance: a round every `intervalMs`, never two at once, a failure logged and
// retried next tick, a timer that keeps no process alive. Returns a stop function.
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
