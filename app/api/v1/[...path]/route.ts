import { apiRoute } from "@/lib/api/api-route";
import { ApiProblem } from "@/lib/api/problem";

// Any /api/v1 path without a route answers 404 as problem+json, not the HTML not-found page.
const notFound = apiRoute<{ path: string[] }>(async () => {
  throw new ApiProblem("NOT_FOUND");
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
