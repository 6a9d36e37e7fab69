// Preloaded into `next start` / `next dev` by lib/runtime/start.ts when TRUST_PROXY is off.
// Without a trusted reverse proxy an X-Forwarded-For header comes from the client itself and
// would let it pick the address its rate limits count against. Dropping it before Next.js sees
// the request makes Next.js fill the header with the socket's real address instead.
import http from "node:http";

const originalEmit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithoutForwardedFor(event, request, ...rest) {
  if (event === "request" && request && request.headers) delete request.headers["x-forwarded-for"];
  return originalEmit.call(this, event, request, ...rest);
};
