// What the user of the desktop application reads when the licensing service says no: one clear
// sentence per problem code of the contract, with what the problem names (the other device, the
// seats, when to retry) and the code itself, for support.
import type { ApiProblem } from "@/clients/desktop/api-client";

export function describeProblem(problem: ApiProblem): string {
  const sentence = (() => {
    switch (problem.code) {
      case "ACTIVATION_LIMIT":
        // R3/R4: name the machine, so the user knows where to remove the key first.
        return problem.device
          ? `This license is already active on another device: ${problem.device.hostname} (activated ${formatTime(problem.device.activatedAt)}). Deactivate it there first, or ask your administrator to.`
          : "This license is already active on another device. Deactivate it there first, or ask your administrator to.";
      case "NO_SEAT_AVAILABLE": {
        const seats = problem.seats === undefined ? "All seats" : `All ${problem.seats} seat${problem.seats === 1 ? "" : "s"}`;
        const next = problem.nextExpiry ? ` The next one frees up at the latest at ${formatTime(problem.nextExpiry)}.` : "";
        return `${seats} of this license are in use.${next}`;
      }
      case "LEASE_EXPIRED":
        return "Your seat expired and has been taken by someone else: take a new one with `lease take`.";
      case "NOT_ASSIGNED":
        return "This license is not assigned to you: ask your company's software administrator.";
      case "NOT_ACTIVATED":
        return "This machine is not activated for the license: run `activate --key K` first.";
      case "LICENSE_NOT_VALID":
        return "This license is not valid now (expired or not started yet).";
      case "INVALID_ACTIVATION_KEY":
        return "No license has this activation key: check the key in your license email.";
      case "INVALID_CREDENTIALS":
        return "Wrong email address or password.";
      case "INVALID_REFRESH_TOKEN":
      case "UNAUTHENTICATED":
        return "Your login has ended: sign in again.";
      case "RATE_LIMITED":
        return `Too many attempts: try again in ${problem.retryAfterSeconds ?? "a few"} seconds.`;
      case "DATABASE_UNAVAILABLE":
        return "The licensing service cannot reach its database right now (tried again a few times): try again in a minute.";
      case "OVERLOADED":
        return "The licensing service is too busy right now (tried again a few times): try again in a minute.";
      case "NOT_FOUND":
        return "Not found: it does not exist, or is not yours.";
      case "INVALID_REQUEST": {
        const fields = (problem.errors ?? []).map((error) => `${error.field || "body"}: ${error.message}`).join("; ");
        return `The server refused the request${fields ? `: ${fields}` : ""}.`;
      }
      case "INTERNAL":
        return "The licensing service had an internal error: try again later.";
      default:
        return problem.detail ? `${problem.title}: ${problem.detail}` : problem.title;
    }
  })();
  return `${sentence} [${problem.code}, HTTP ${problem.status}]`;
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d+Z$/, " UTC");
}
