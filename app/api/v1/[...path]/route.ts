import { problem } from "@/app/api/v1/problem";

// Any /api/v1 path without a route answers 404 as problem+json, not the HTML not-found page.
function notFound(): Response {
  return problem(404, { code: "NOT_FOUND" });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
