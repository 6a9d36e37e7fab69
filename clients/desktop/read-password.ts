// The password for sign-in, without it ever appearing on a command line (where `ps` and the shell
// history would show it): from standard input (--password-stdin, for scripts), from the
// environment (handed in by the CLI entry point), or typed at a prompt that does not echo.
import { UsageError } from "@/clients/desktop/usage-error";

export async function readPassword(options: { fromStdin: boolean; fromEnvironment?: string }): Promise<string> {
  if (options.fromStdin) return withoutLineEnd(await readAll(process.stdin));
  if (options.fromEnvironment) return options.fromEnvironment;
  if (!process.stdin.isTTY)
    throw new UsageError("No password: use --password-stdin, set PORTAL_PASSWORD, or run in a terminal to be asked.");
  return promptHidden("Password: ");
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function withoutLineEnd(value: string): string {
  return value.replace(/\r?\n$/, "");
}

/** Reads one line from the terminal in raw mode, echoing nothing. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding("utf8");
  input.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === "\r" || character === "\n" || character === "\u0004") {
          finish();
          resolve(value);
          return;
        }
        if (character === "\u0003") {
          finish();
          reject(new UsageError("Sign-in cancelled."));
          return;
        }
        if (character === "\u007f" || character === "\b") value = value.slice(0, -1);
        else value += character;
      }
    };
    input.on("data", onData);
  });
}
