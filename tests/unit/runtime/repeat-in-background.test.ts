import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { repeatInBackground } from "@/lib/runtime/repeat-in-background";

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

test("a round every interval until stopped", async () => {
  const round = vi.fn(async () => undefined);
  const stop = repeatInBackground({ name: "test", intervalMs: 1_000, round });
  expect(round).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(3_000);
  expect(round).toHaveBeenCalledTimes(3);
  stop();
  await vi.advanceTimersByTimeAsync(5_000);
  expect(round).toHaveBeenCalledTimes(3);
});

test("a round still running when the next tick comes is not started twice", async () => {
  let finish = () => {};
  const round = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
  const stop = repeatInBackground({ name: "test", intervalMs: 1_000, round });
  await vi.advanceTimersByTimeAsync(3_000);
  expect(round).toHaveBeenCalledTimes(1);
  finish();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(round).toHaveBeenCalledTimes(2);
  stop();
});

test("a failed round is logged with the job's name and the next tick tries again", async () => {
  const round = vi.fn().mockRejectedValueOnce(new Error("database unreachable")).mockResolvedValue(undefined);
  const stop = repeatInBackground({ name: "leases", intervalMs: 1_000, round });
  await vi.advanceTimersByTimeAsync(2_000);
  expect(round).toHaveBeenCalledTimes(2);
  expect(console.error).toHaveBeenCalledWith("[leases] round failed", expect.objectContaining({ message: "database unreachable" }));
  stop();
});
