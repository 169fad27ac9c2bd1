#!/usr/bin/env node
// Independent-implementation interop check: a Fedify (@fedify/fedify 2.3.6)
// actor that follows a Galaxie place actor and reports what it receives.
//
// Usage:
//   node fedify-follower.mjs --target http://localhost:41234/places/epn
//        [--first-knock rfc9421|draft-cavage-http-signatures-12]
//        [--unsigned-fetch] [--log-level debug|info|warning|error]
//
// stdout: one JSON object per line (see README.md, "stdout protocol").
// stderr: diagnostics only (outgoing HTTP requests, Fedify logs).
// The process exits when stdin is closed.

import http from "node:http";
import { randomUUID } from "node:crypto";
import process from "node:process";
import { parseArgs } from "node:util";

import {
  createFederation,
  generateCryptoKeyPair,
  InProcessMessageQueue,
  MemoryKvStore,
} from "@fedify/fedify";
import {
  Accept,
  Activity,
  Endpoints,
  Follow,
  isActor,
  Object as APObject,
  Person,
} from "@fedify/vocab";
import { configure, getConsoleSink } from "@logtape/logtape";

// ---------------------------------------------------------------------------
// Output helpers

function emit(obj) {
  process.stdout.write(JSON.stringify(obj) + "\n");
}

function emitError(message) {
  emit({ event: "error", message: String(message) });
}

function diag(obj) {
  process.stderr.write(JSON.stringify(obj) + "\n");
}

// ---------------------------------------------------------------------------
// Arguments

let args;
try {
  args = parseArgs({
    options: {
      target: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      "first-knock": { type: "string", default: "rfc9421" },
      "unsigned-fetch": { type: "boolean", default: false },
      "log-level": { type: "string" },
    },
    strict: true,
  }).values;
} catch (e) {
  emitError(`bad arguments: ${e.message}`);
  process.exit(2);
}
if (!args.target) {
  emitError("missing --target <actor URL>");
  process.exit(2);
}
const firstKnock = args["first-knock"];
if (firstKnock !== "rfc9421" && firstKnock !== "draft-cavage-http-signatures-12") {
  emitError(`--first-knock must be rfc9421 or draft-cavage-http-signatures-12`);
  process.exit(2);
}
const logLevel = args["log-level"] ?? process.env.FEDIFY_LOG;

// Never crash: report and keep running until stdin closes.
process.on("unhandledRejection", (e) => emitError(`unhandled rejection: ${e?.stack ?? e}`));
process.on("uncaughtException", (e) => emitError(`uncaught exception: ${e?.stack ?? e}`));

// Exit when the driving test closes our stdin.
process.stdin.on("data", () => {});
process.stdin.on("end", () => process.exit(0));
process.stdin.on("close", () => process.exit(0));
process.stdin.resume();
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));

if (logLevel) {
  await configure({
    sinks: {
      stderr: getConsoleSink({
        console: {
          debug: (...a) => console.error(...a),
          info: (...a) => console.error(...a),
          log: (...a) => console.error(...a),
          warn: (...a) => console.error(...a),
          error: (...a) => console.error(...a),
        },
      }),
    },
    loggers: [
      { category: "fedify", lowestLevel: logLevel, sinks: ["stderr"] },
      { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["stderr"] },
    ],
  });
}

// ---------------------------------------------------------------------------
// Diagnostics: log every outgoing HTTP request (and which HTTP signature
// scheme it carried) to stderr, so double-knocking is visible.

const originalFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const req = input instanceof Request ? input : new Request(input, init);
  const sigScheme = req.headers.has("signature-input")
    ? "rfc9421"
    : req.headers.has("signature")
    ? "draft-cavage"
    : "unsigned";
  const started = Date.now();
  try {
    const res = await originalFetch(input, init);
    diag({
      diag: "http-out",
      method: req.method,
      url: req.url,
      signature: sigScheme,
      status: res.status,
      ms: Date.now() - started,
    });
    return res;
  } catch (e) {
    diag({ diag: "http-out", method: req.method, url: req.url, signature: sigScheme, error: String(e) });
    throw e;
  }
};

// ---------------------------------------------------------------------------
// HTTP server (port 0 = random free port) and Fedify federation.

const IDENTIFIER = "follower";
const rawBodies = new Map(); // activity id -> raw JSON as received
const unverifiedReasons = new Map(); // activity id -> why its signature failed
let federation; // set after listen()

const server = http.createServer(async (req, res) => {
  try {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const hostHeader = req.headers.host ?? `localhost:${server.address().port}`;
    const url = new URL(req.url, `http://${hostHeader}`);
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    }
    let activityId = null;
    let activityType = null;
    if (req.method === "POST" && body.length > 0) {
      try {
        const json = JSON.parse(body.toString("utf8"));
        if (json && typeof json.id === "string") {
          activityId = json.id;
          rawBodies.set(json.id, json);
          if (rawBodies.size > 1000) rawBodies.delete(rawBodies.keys().next().value);
        }
        if (json && typeof json.type === "string") activityType = json.type;
      } catch {
        // Fedify will answer 400 for invalid JSON.
      }
    }
    const request = new Request(url, {
      method: req.method,
      headers,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
    });
    const response = await federation.fetch(request, {
      contextData: undefined,
      onNotFound: () => new Response("Not found", { status: 404 }),
      onNotAcceptable: () => new Response("Not acceptable", { status: 406 }),
    });
    diag({
      diag: "http-in",
      method: req.method,
      url: url.href,
      signature: headers.has("signature-input")
        ? "rfc9421"
        : headers.has("signature")
        ? "draft-cavage"
        : "unsigned",
      status: response.status,
    });
    if (req.method === "POST" && response.status >= 400) {
      // An activity POSTed to our inbox was rejected (bad/missing HTTP
      // signature, signer != actor, invalid JSON/JSON-LD, ...).
      const reason = activityId != null ? unverifiedReasons.get(activityId) : undefined;
      if (activityId != null) unverifiedReasons.delete(activityId);
      const text = await response.clone().text();
      emitError(
        `inbox rejected ${activityType ?? "activity"} ${activityId ?? "(no id)"} ` +
          `with HTTP ${response.status}: ${text.trim()}` +
          (reason ? ` ${JSON.stringify({ signatureFailure: reason })}` : ""),
      );
    }
    res.statusCode = response.status;
    response.headers.forEach((value, key) => res.setHeader(key, value));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (e) {
    emitError(`http handler: ${e?.stack ?? e}`);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
});

await new Promise((resolve) => server.listen(0, args.host, resolve));
const port = server.address().port;
const origin = `http://localhost:${port}`;

federation = createFederation({
  kv: new MemoryKvStore(),
  queue: new InProcessMessageQueue(),
  origin,
  // Test federation on loopback over plain http.
  allowPrivateAddress: true,
  // Verify incoming HTTP signatures (this is Fedify's default; spelled out
  // because proving Galaxie's signatures valid is the point of this check).
  skipSignatureVerification: false,
  firstKnock,
  // Do not retry inbox/outbox work for minutes in a test.
  inboxRetryPolicy: () => null,
  outboxRetryPolicy: () => null,
});

// Key pair: RSASSA-PKCS1-v1_5 (4096-bit, Fedify's default) so that Fedify
// signs draft-cavage (rsa-sha256) and RFC 9421 (rsa-v1_5-sha256) requests.
const keyPair = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== IDENTIFIER) return null;
    const keys = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: "Fedify interop follower",
      summary: "Test actor used by Galaxie's interop tests.",
      inbox: ctx.getInboxUri(identifier),
      outbox: ctx.getOutboxUri(identifier),
      followers: ctx.getFollowersUri(identifier),
      following: ctx.getFollowingUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      publicKey: keys[0].cryptographicKey,
    });
  })
  .setKeyPairsDispatcher(async (_ctx, identifier) =>
    identifier === IDENTIFIER ? [keyPair] : []
  );

federation.setOutboxDispatcher("/users/{identifier}/outbox", () => ({ items: [] }));
federation.setFollowersDispatcher("/users/{identifier}/followers", () => ({ items: [] }));
federation.setFollowingDispatcher("/users/{identifier}/following", () => ({ items: [] }));

let followId = null;
let targetId = null;
let resolveFollowSent;
const followSent = new Promise((r) => (resolveFollowSent = r));

function rawJson(activity) {
  const id = activity.id?.href;
  if (id != null && rawBodies.has(id)) return Promise.resolve(rawBodies.get(id));
  return activity.toJsonLd({ format: "compact" });
}

function typeName(activity, json) {
  if (json && typeof json.type === "string") return json.type;
  return activity.constructor.name;
}

async function reportActivity(activity) {
  const json = await rawJson(activity);
  emit({ event: "activity", type: typeName(activity, json), json });
}

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Accept, async (ctx, accept) => {
    try {
      const isOurs = followId != null && accept.objectId?.href === followId;
      if (!isOurs) {
        await reportActivity(accept);
        return;
      }
      if (targetId != null && accept.actorId?.href !== targetId) {
        emitError(`Accept of our Follow came from ${accept.actorId?.href}, expected ${targetId}`);
      }
      await followSent; // keep "follow-sent" before "accepted" on stdout
      emit({ event: "accepted" });
    } catch (e) {
      emitError(`Accept listener: ${e?.stack ?? e}`);
    }
  })
  .on(Activity, async (ctx, activity) => {
    try {
      await reportActivity(activity);
    } catch (e) {
      emitError(`inbox listener: ${e?.stack ?? e}`);
    }
  })
  .onError((ctx, error) => {
    emitError(`inbox error: ${error?.stack ?? error}`);
  })
  .onUnverifiedActivity((ctx, activity, reason) => {
    // Remember why; the HTTP layer reports the rejection (see below).
    const detail = { type: reason.type };
    if ("keyId" in reason && reason.keyId != null) detail.keyId = reason.keyId.href;
    if (reason.type === "keyFetchError" && reason.result != null) {
      detail.keyFetch = "status" in reason.result
        ? { status: reason.result.status }
        : { error: String(reason.result.error) };
    }
    if (activity.id != null) unverifiedReasons.set(activity.id.href, detail);
    // Returning nothing lets Fedify answer 401.
  });

const actorUri = new URL(`/users/${IDENTIFIER}`, origin).href;
emit({ event: "ready", actor: actorUri });

// ---------------------------------------------------------------------------
// Fetch the target actor and follow it.

async function follow() {
  const ctx = federation.createContext(new URL(origin), undefined);
  const documentLoader = args["unsigned-fetch"]
    ? ctx.documentLoader
    : await ctx.getDocumentLoader({ identifier: IDENTIFIER });
  let target;
  try {
    const { document } = await documentLoader(args.target);
    target = await APObject.fromJsonLd(document, {
      documentLoader,
      contextLoader: ctx.contextLoader,
    });
  } catch (e) {
    emitError(`fetching/parsing target ${args.target} failed: ${e?.stack ?? e}`);
    return;
  }
  if (!isActor(target)) {
    emitError(`target ${args.target} is a ${target.constructor.name}, not an actor`);
    return;
  }
  if (target.id == null || target.inboxId == null) {
    emitError(`target actor lacks id or inbox`);
    return;
  }
  targetId = target.id.href;
  followId = new URL(`/follows/${randomUUID()}`, origin).href;
  const activity = new Follow({
    id: new URL(followId),
    actor: ctx.getActorUri(IDENTIFIER),
    object: target.id,
  });
  try {
    await ctx.sendActivity({ identifier: IDENTIFIER }, target, activity, { immediate: true });
  } catch (e) {
    emitError(`sending Follow to ${target.inboxId.href} failed: ${e?.stack ?? e}`);
    return;
  }
  emit({ event: "follow-sent", id: followId });
  resolveFollowSent();
}

follow().catch((e) => emitError(`follow: ${e?.stack ?? e}`));
