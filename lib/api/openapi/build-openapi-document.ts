// GET /api/v1/openapi.json: OpenAPI 3.1 generated from the contract's zod schemas and the operation list;
// each problem response lists its codes in `x-problem-codes`.
import { z } from "zod";
import { apiOperations, type ApiOperation, type NamedSchema } from "@/lib/api/openapi/api-operations";
import { Problem, problemStatus, type ProblemCode } from "@/lib/licensing-api/contract";

type JsonObject = Record<string, unknown>;

export function buildOpenApiDocument(options: { serverUrl: string; operations?: ApiOperation[] }): JsonObject {
  const operations = options.operations ?? apiOperations;
  const schemas: Record<string, JsonObject> = { Problem: jsonSchema(Problem, "output") };
  const reference = (named: NamedSchema, io: "input" | "output") => {
    schemas[named.name] ??= jsonSchema(named.schema, io);
    return { $ref: `#/components/schemas/${named.name}` };
  };

  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const operation of operations) {
    const responses: Record<string, JsonObject> = {};
    for (const [status, response] of Object.entries(operation.responses)) {
      responses[status] = response.body
        ? {
            description: response.description,
            content: { [response.contentType ?? "application/json"]: { schema: reference(response.body, "output") } },
          }
        : { description: response.description };
    }
    for (const [status, codes] of problemsByStatus(operation)) {
      responses[String(status)] = {
        description: codes.join(", "),
        "x-problem-codes": codes,
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
      };
    }
    const parameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: "path",
      required: true,
      schema: { type: "string", format: "uuid" },
    }));
    (paths[operation.path] ??= {})[operation.method] = {
      operationId: operation.operationId,
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      tags: [operation.tag],
      security: operation.isAuthenticated ? [{ bearerAuth: [] }] : [],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(operation.requestBody
        ? {
            requestBody: {
              required: operation.requestBody.isRequired,
              content: { "application/json": { schema: reference(operation.requestBody, "input") } },
            },
          }
        : {}),
      responses,
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "License Portal licensing API",
      version: "1",
      description:
        "For the vendor's client software (R30): API sessions, desktop activations with signed license files, floating leases with signed receipts, entitlements and the public signing keys. Errors are application/problem+json (RFC 9457) with a stable `code`; `detail` follows Accept-Language (nl, en).",
    },
    servers: [{ url: `${options.serverUrl}/api/v1` }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "The access token of POST /sessions (EdDSA, typ at+jwt, 15 minutes).",
        },
      },
    },
  };
}

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonObject {
  // The dialect is the document's (OpenAPI 3.1 = JSON Schema 2020-12); each schema need not repeat it.
  const converted = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonObject;
  delete converted.$schema;
  return converted;
}

/** Codes every operation may answer, plus its own, grouped by HTTP status. */
function problemsByStatus(operation: ApiOperation): [number, ProblemCode[]][] {
  const codes = new Set<ProblemCode>(operation.problems);
  if (operation.requestBody) for (const code of ["INVALID_REQUEST", "UNSUPPORTED_MEDIA_TYPE"] as const) codes.add(code);
  if (operation.isAuthenticated) codes.add("UNAUTHENTICATED");
  codes.add("INTERNAL");
  // Every operation answers 503 with Retry-After while the database does not.
  codes.add("DATABASE_UNAVAILABLE");
  codes.add("OVERLOADED");
  const grouped = new Map<number, ProblemCode[]>();
  for (const code of codes) grouped.set(problemStatus[code], [...(grouped.get(problemStatus[code]) ?? []), code]);
  return [...grouped].sort(([a], [b]) => a - b);
}
