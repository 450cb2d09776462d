// A reference identity system: the smallest service that receives the desk's account actions the
// way a company's real one should. It is deliberately independent of the desk's code (it imports
// nothing from lib/): it verifies each delivery with the Standard Webhooks library, applies it once
// to its own users, and answers 2xx only after applying. The desk's demo (`npm run dev`) and its
// tests run it; docs/identity-system.md walks through writing one.
//
// Its "tables" are in memory (users by external id, processed message ids), optionally saved to a
// JSON file so a restart keeps them; a real system would use its own database.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet } from "jose";

export type IdentityUser = {
  externalId: string;
  factors: { id: string; type: string }[];
  sessionsActive: number;
  locked: boolean;
  passwordChangeRequired: boolean;
};

export type AppliedAction = { messageId: string; type: string; externalId: string; actionId: string };

/** A caller-verification prompt shown in the customer's app, until they answer it. */
export type AppPrompt = { externalId: string; text: string; expiresAt: string; answer: "yes" | "no" | null };

export type IdentityState = {
  users: Record<string, IdentityUser>;
  applied: AppliedAction[];
  /** By the desk's verificationId. */
  prompts: Record<string, AppPrompt>;
};

const CAEP = "https://schemas.openid.net/secevent/caep/event-type/";
const RISC = "https://schemas.openid.net/secevent/risc/event-type/";
/** The Security Event Token types this system understands, as the webhook event they mean. */
const SET_TYPES: Record<string, string> = {
  [`${CAEP}session-revoked`]: "account.sessions_ended",
  [`${CAEP}credential-change`]: "account.factors_reset",
  [`${RISC}account-credential-change-required`]: "account.password_change_required",
  [`${RISC}account-disabled`]: "account.locked",
  [`${RISC}account-enabled`]: "account.unlocked",
};

type DeskEvent = {
  type: string;
  timestamp: string;
  data: {
    actionId?: string;
    customer?: { externalId?: string };
    detail?: { removedFactors?: { id: string; type: string }[] } & Record<string, unknown>;
  };
};

export type IdentitySystemOptions = {
  /** Every `whsec_` secret currently valid: during a rotation both the old and the new one. */
  secrets: string[];
  /** Where to keep state between restarts (none: memory only). */
  stateFile?: string;
  /**
   * OpenID Shared Signals: where the desk's public keys are (its /.well-known/jwks.json, or the set
   * itself), who signs (the desk's APP_URL) and this receiver's URL as the audience. Pushes carry
   * `secrets[0]` as their bearer token.
   */
  ssf?: { jwks: URL | JSONWebKeySet; issuer: string; audience: string };
  /**
   * Where to report what it changed, as directory events (the desk's POST /api/v1/events with a
   * directory:write key): the factors it removed and the status it set. That is how a real identity
   * system keeps the desk's copy of its directory current.
   */
  reportTo?: { url: string; apiKey: string };
  /** Answer this status to the next N deliveries without applying them (tests, demos of failure). */
  failNext?: { count: number; status: number };
};

export class IdentitySystem {
  readonly state: IdentityState;
  private readonly verifiers: Webhook[];
  private failNext: { count: number; status: number };

  constructor(private readonly options: IdentitySystemOptions) {
    this.verifiers = options.secrets.map((secret) => new Webhook(secret));
    this.failNext = options.failNext ?? { count: 0, status: 503 };
    const jwks = options.ssf?.jwks;
    if (jwks) this.keys = jwks instanceof URL ? createRemoteJWKSet(jwks) : createLocalJWKSet(jwks);
    this.state =
      options.stateFile && existsSync(options.stateFile)
        ? (JSON.parse(readFileSync(options.stateFile, "utf8")) as IdentityState)
        : { users: {}, applied: [], prompts: {} };
    this.state.prompts ??= {};
  }

  private readonly keys: ReturnType<typeof createLocalJWKSet> | ReturnType<typeof createRemoteJWKSet> | null =
    null;

  failNextDeliveries(count: number, status = 503): void {
    this.failNext = { count, status };
  }

  /** Verifies a delivery; throws WebhookVerificationError when no valid secret signed it or it is stale. */
  verify(body: string, headers: Record<string, string>): DeskEvent {
    for (const verifier of this.verifiers) {
      try {
        return verifier.verify(body, headers) as DeskEvent;
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
      }
    }
    throw new WebhookVerificationError("No matching signature");
  }

  /**
   * Verifies a pushed Security Event Token (RFC 8935): the bearer token, then signature, issuer,
   * audience and `typ`. Answers the webhook-style event it means, keyed by the token's jti.
   */
  async verifySet(token: string, authorization: string): Promise<{ id: string; event: DeskEvent }> {
    const ssf = this.options.ssf;
    if (!ssf || !this.keys) throw new Error("Shared Signals are not configured");
    if (authorization !== `Bearer ${this.options.secrets[0] ?? ""}`) throw new Error("wrong bearer token");
    const { payload } = await jwtVerify(token, this.keys, {
      issuer: ssf.issuer,
      audience: ssf.audience,
      typ: "secevent+jwt",
      algorithms: ["ES256"],
    });
    const events = (payload.events ?? {}) as Record<string, unknown>;
    const uri = Object.keys(events)[0] ?? "";
    const subject = payload.sub_id as { id?: string } | undefined;
    return {
      id: payload.jti ?? "",
      event: {
        type: SET_TYPES[uri] ?? uri,
        timestamp: new Date((payload.iat ?? 0) * 1000).toISOString(),
        data: {
          actionId: typeof payload.txn === "string" ? payload.txn : "",
          customer: { externalId: subject?.id },
        },
      },
    };
  }

  /** Applies one verified delivery at most once (the webhook-id is the idempotency key). */
  apply(messageId: string, event: DeskEvent): "applied" | "duplicate" | "ignored" {
    if (this.state.applied.some((entry) => entry.messageId === messageId)) return "duplicate";
    const externalId = event.data.customer?.externalId;
    if (event.type === "desk.test" || !externalId || externalId === "desk") return "ignored";
    const user = (this.state.users[externalId] ??= {
      externalId,
      factors: [{ id: `${externalId}-totp`, type: "TOTP_APP" }],
      sessionsActive: 1,
      locked: false,
      passwordChangeRequired: false,
    });
    const report: Record<string, unknown>[] = [];
    const stamp = () => ({ eventId: `ids_${randomUUID()}`, occurredAt: new Date().toISOString() });
    switch (event.type) {
      case "account.factors_reset":
        user.factors = [];
        for (const factor of event.data.detail?.removedFactors ?? [])
          report.push({ type: "factor_removed", ...stamp(), customer: { externalId }, factor });
        break;
      case "account.sessions_ended":
        user.sessionsActive = 0;
        break;
      case "account.session_ended":
        user.sessionsActive = Math.max(0, user.sessionsActive - 1);
        break;
      case "account.password_change_required":
        user.passwordChangeRequired = true;
        break;
      case "account.locked":
        user.locked = true;
        report.push({
          type: "account_status_changed",
          ...stamp(),
          customer: { externalId },
          status: "locked",
        });
        break;
      case "account.caller_verification_requested": {
        // A real system pushes this to the customer's signed-in app; here it waits in `prompts`
        // until someone answers it as the customer would (POST /prompts/<verificationId>).
        const detail = event.data.detail ?? {};
        const verificationId = typeof detail.verificationId === "string" ? detail.verificationId : "";
        if (!verificationId) return "ignored";
        this.state.prompts[verificationId] = {
          externalId,
          text: typeof detail.prompt === "string" ? detail.prompt : "Is it you on the phone with support?",
          expiresAt: typeof detail.expiresAt === "string" ? detail.expiresAt : "",
          answer: null,
        };
        break;
      }
      case "account.unlocked":
        user.locked = false;
        report.push({
          type: "account_status_changed",
          ...stamp(),
          customer: { externalId },
          status: "active",
        });
        break;
      default:
        // Unknown types are acknowledged and skipped: the desk may add kinds before receivers learn them.
        return "ignored";
    }
    this.state.applied.push({ messageId, type: event.type, externalId, actionId: event.data.actionId ?? "" });
    this.save();
    if (report.length > 0) void this.report(report);
    return "applied";
  }

  /**
   * The customer taps an answer to a prompt in the app: reported to the desk as the directory
   * event caller_verification_answered. False when there is no such prompt or it was answered.
   */
  answerPrompt(verificationId: string, answer: "yes" | "no"): boolean {
    const prompt = this.state.prompts[verificationId];
    if (!prompt || prompt.answer !== null) return false;
    prompt.answer = answer;
    this.save();
    void this.report([
      {
        type: "caller_verification_answered",
        eventId: `ids_${randomUUID()}`,
        occurredAt: new Date().toISOString(),
        customer: { externalId: prompt.externalId },
        verificationId,
        answer,
      },
    ]);
    return true;
  }

  /** Events reported back to the desk, and the desk's answers (for people and tests). */
  readonly reported: { events: Record<string, unknown>[]; status: number | string }[] = [];

  /** Sends directory events to the desk, retrying a few times; a real system would queue them. */
  private async report(events: Record<string, unknown>[]): Promise<void> {
    const target = this.options.reportTo;
    if (!target) return;
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const response = await fetch(new URL("/api/v1/events", target.url), {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${target.apiKey}` },
          body: JSON.stringify({ events }),
        });
        this.reported.push({ events, status: response.status });
        if (response.status < 500 && response.status !== 429) return;
      } catch (error) {
        this.reported.push({ events, status: error instanceof Error ? error.message : String(error) });
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }

  private save(): void {
    if (this.options.stateFile) writeFileSync(this.options.stateFile, JSON.stringify(this.state, null, 2));
  }

  /**
   * POST /desk-events receives webhooks, POST /ssf-events Security Event Tokens; GET /state shows
   * what was applied and the prompts waiting (for people and tests); POST /prompts/<id>/yes|no
   * answers a prompt as the customer would in the app.
   */
  handle = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method === "GET" && request.url === "/state") return reply(200, this.state);
    const prompt = /^\/prompts\/([0-9a-f-]{36})\/(yes|no)$/.exec(request.url ?? "");
    if (request.method === "POST" && prompt)
      return this.answerPrompt(prompt[1] ?? "", prompt[2] === "yes" ? "yes" : "no")
        ? reply(200, { answered: prompt[2] })
        : reply(404, { error: "no such prompt waiting" });
    if (request.method === "POST" && request.url === "/ssf-events") return this.handleSet(request, reply);
    if (request.method !== "POST" || request.url !== "/desk-events")
      return reply(404, { error: "not found" });
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (this.failNext.count > 0) {
        this.failNext.count -= 1;
        return reply(this.failNext.status, { error: "temporarily unavailable" });
      }
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(
        ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [
          name,
          String(request.headers[name] ?? ""),
        ]),
      );
      let event: DeskEvent;
      try {
        event = this.verify(body, headers);
      } catch {
        return reply(401, { error: "signature verification failed" });
      }
      const outcome = this.apply(headers["webhook-id"] ?? "", event);
      return reply(200, { outcome });
    });
  };

  private handleSet(request: http.IncomingMessage, reply: (status: number, body: unknown) => void): void {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (this.failNext.count > 0) {
        this.failNext.count -= 1;
        return reply(this.failNext.status, { err: "temporarily_unavailable" });
      }
      this.verifySet(
        Buffer.concat(chunks).toString("utf8"),
        String(request.headers.authorization ?? ""),
      ).then(
        ({ id, event }) => {
          this.apply(id, event);
          reply(202, {}); // RFC 8935: 202 Accepted, empty body
        },
        () => reply(400, { err: "invalid_request", description: "The SET could not be verified." }),
      );
    });
  }

  /** Listens on 127.0.0.1; resolves with the port (0 picks a free one). */
  listen(port = 0): Promise<{ port: number; close: () => Promise<void> }> {
    const server = http.createServer(this.handle);
    return new Promise((resolve) => {
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        resolve({
          port: typeof address === "object" && address ? address.port : port,
          close: () =>
            new Promise<void>((done) => {
              server.closeAllConnections();
              server.close(() => done());
            }),
        });
      });
    });
  }
}
