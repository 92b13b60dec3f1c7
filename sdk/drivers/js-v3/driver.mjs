// The AWS SDK for JavaScript v3 driver of the SDK conformance judge: makes each case's call with
// @aws-sdk/client-ecr-public and reports what it decoded, as sdk/README.md "Driver protocol" says.
//
// Input conversion walks the client's own schema (the operation schema every Command carries),
// so blobs become Uint8Array and a member the client does not model is reported as
// `unsupported`; output conversion walks the decoded values (plain objects, Date, Uint8Array).
// Nothing here is written per operation.
import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";

// run installs the pinned client outside the repository and names the folder here.
const modules = process.env.ECRC_JS_SDK_DIR || process.cwd();
const require = createRequire(join(modules, "node_modules", "ecrc-resolve-from-here.js"));
const sdk = require("@aws-sdk/client-ecr-public");
const { NormalizedSchema } = require("@smithy/core/schema");

class Unsupported extends Error {}

// ---------------------------------------------------------------------------------------------
// Wire form <-> the client's native form.

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

// Case input (wire form: blobs base64, timestamps epoch seconds) to the Command's input.
function toNative(schema, value, path) {
  if (value === null || value === undefined) return value;
  if (schema.isStructSchema()) {
    if (typeof value !== "object" || Array.isArray(value)) return value;
    const members = Object.fromEntries(schema.structIterator());
    const native = {};
    for (const [key, item] of Object.entries(value)) {
      if (!(key in members)) {
        throw new Unsupported(`client-ecr-public ${sdkVersion()} has no input member ${path}.${key}`);
      }
      native[key] = toNative(members[key], item, `${path}.${key}`);
    }
    return native;
  }
  if (schema.isListSchema() && Array.isArray(value)) {
    return value.map((item) => toNative(schema.getValueSchema(), item, `${path}[]`));
  }
  if (schema.isMapSchema() && typeof value === "object") {
    const valueSchema = schema.getValueSchema();
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, toNative(valueSchema, v, `${path}.${k}`)]),
    );
  }
  if (schema.isBlobSchema() && typeof value === "string") {
    if (!BASE64.test(value)) throw new Error(`${path} is not base64`);
    return new Uint8Array(Buffer.from(value, "base64"));
  }
  if (schema.isTimestampSchema() && typeof value === "number") {
    return new Date(value * 1000);
  }
  return value;
}

// The decoded output to wire form: blobs base64, timestamps epoch seconds (Date keeps
// milliseconds, so that is the precision reported), absent members omitted, `$metadata` dropped.
function toWire(value) {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toWire(item)));
  if (typeof value === "object") {
    const wire = {};
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith("$") || item === undefined) continue;
      wire[key] = toWire(item);
    }
    return wire;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// The driver.

let cachedVersion;
function sdkVersion() {
  if (cachedVersion === undefined) {
    try {
      const main = require.resolve("@aws-sdk/client-ecr-public");
      const root = main.slice(0, main.lastIndexOf("/dist-cjs/"));
      cachedVersion = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
    } catch {
      cachedVersion = "unknown";
    }
  }
  return cachedVersion;
}

// Tells the judge which case the following requests belong to. Plain HTTP, no SDK. (node:http
// rather than fetch, which refuses the ports on the WHATWG "bad ports" list.)
function announce(endpoint, caseId) {
  const url = new URL(endpoint.replace(/\/+$/, "") + "/__ecr-conform/case");
  const body = JSON.stringify({ case: caseId });
  const failed = (why) => new Error(`case announcement for ${caseId} failed: ${why}`);
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
        timeout: 30000,
      },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("error", (err) => reject(failed(err.message)));
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status <= 299) return resolve();
          const text = Buffer.concat(chunks).toString("utf8").slice(0, 200);
          reject(failed(`HTTP ${status} ${text}`));
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", (err) => reject(failed(err.message)));
    request.end(body);
  });
}

const endpoint = process.env.ECRC_SDK_ENDPOINT;
const region = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || "us-east-1";
const credentials = {
  accessKeyId: process.env.AWS_ACCESS_KEY_ID || "",
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY || "",
  ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
};

// A client making maxAttempts attempts in standard retry mode. One with retries is never reused:
// the retry quota is per client, so an earlier case's failures could cut a later case's retries.
let singleAttemptClient;
function clientFor(maxAttempts) {
  const make = () =>
    new sdk.ECRPUBLICClient({ endpoint, region, credentials, maxAttempts, retryMode: "standard" });
  if (maxAttempts !== 1) return { client: make(), reused: false };
  singleAttemptClient ??= make();
  return { client: singleAttemptClient, reused: true };
}

function isServiceError(err) {
  return err instanceof sdk.ECRPUBLICServiceException || (err?.$fault !== undefined && err?.$metadata !== undefined);
}

async function runCase(testCase) {
  const op = testCase.paginator ?? testCase.operation;
  const Command = sdk[`${op}Command`];
  if (typeof Command !== "function") {
    return { unsupported: `client-ecr-public ${sdkVersion()} has no operation ${op}` };
  }
  const operationSchema = new Command({}).schema;
  const inputSchema = NormalizedSchema.of(operationSchema?.[4] ?? operationSchema?.input);
  const input = toNative(inputSchema, testCase.input ?? {}, op);
  const { client, reused } = clientFor(Math.max(1, Number(testCase.max_attempts ?? 1)));
  try {
    if (testCase.paginator !== undefined) {
      const paginate = sdk[`paginate${op}`];
      if (typeof paginate !== "function") {
        return { unsupported: `client-ecr-public ${sdkVersion()} has no paginator for ${op}` };
      }
      const pages = [];
      for await (const page of paginate({ client }, input)) pages.push(toWire(page));
      return { output: pages };
    }
    return { output: toWire(await client.send(new Command(input))) };
  } catch (err) {
    if (isServiceError(err)) return { error: { code: err.name ?? "", message: err.message ?? "" } };
    return { client_error: `${err?.name ?? "Error"}: ${err?.message ?? String(err)}` };
  } finally {
    if (!reused) client.destroy();
  }
}

async function answer(testCase) {
  const caseId = testCase.id ?? "";
  try {
    await announce(endpoint, caseId);
  } catch (err) {
    return { case: caseId, client_error: err.message };
  }
  try {
    return { case: caseId, ...(await runCase(testCase)) };
  } catch (err) {
    // Never crash on a case: whatever failed locally is a client error.
    if (err instanceof Unsupported) return { case: caseId, unsupported: err.message };
    return { case: caseId, client_error: `${err?.name ?? "Error"}: ${err?.message ?? String(err)}` };
  }
}

async function main(argv) {
  if (argv.includes("--sdk-version")) {
    console.log(`aws-sdk-js-v3 ${sdkVersion()}`);
    return 0;
  }
  for (const variable of ["ECRC_SDK_ENDPOINT", "ECRC_SDK_CASES", "ECRC_SDK_RESULTS"]) {
    if (!process.env[variable]) {
      console.error(`js-v3 driver: ${variable} is not set (see sdk/README.md, Driver protocol)`);
      return 2;
    }
  }
  const cases = JSON.parse(readFileSync(process.env.ECRC_SDK_CASES, "utf8"));
  for (const testCase of cases) {
    const line = await answer(testCase);
    appendFileSync(process.env.ECRC_SDK_RESULTS, JSON.stringify(line) + "\n");
  }
  singleAttemptClient?.destroy();
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  console.error(`js-v3 driver: ${err?.stack ?? err}`);
  process.exitCode = 2;
}
