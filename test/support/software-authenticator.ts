// A tiny WebAuthn authenticator in software (ES256, "none" attestation), for tests that need real
// registration and authentication responses without a browser: the server verifies them exactly
// as it verifies a browser's. It can also stand in for a browser's virtual authenticator whose
// private key is known (Chromium's CDP hands it out), to answer for another origin.
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  type KeyObject,
} from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";

type Ceremony = { challenge: string; origin: string; rpId: string };

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_CREDENTIAL = 0x40;

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

export class SoftwareAuthenticator {
  /** The counter the next assertion reports (then incremented); set it to replay an old value. */
  counter = 0;

  private constructor(
    private readonly privateKey: KeyObject,
    readonly credentialId: Buffer,
  ) {}

  static create(): SoftwareAuthenticator {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    return new SoftwareAuthenticator(privateKey, randomBytes(16));
  }

  /** An existing credential: PKCS#8 private key and credential id, both base64 (as CDP gives them). */
  static fromPkcs8(privateKeyBase64: string, credentialIdBase64: string, counter = 0): SoftwareAuthenticator {
    const key = createPrivateKey({
      key: Buffer.from(privateKeyBase64, "base64"),
      format: "der",
      type: "pkcs8",
    });
    const authenticator = new SoftwareAuthenticator(key, Buffer.from(credentialIdBase64, "base64"));
    authenticator.counter = counter;
    return authenticator;
  }

  get id(): string {
    return base64url(this.credentialId);
  }

  /** A navigator.credentials.create() answer, as @simplewebauthn/browser serialises it. */
  register(ceremony: Ceremony, options: { userVerified?: boolean } = {}) {
    const clientDataJSON = this.clientData("webauthn.create", ceremony);
    const authData = Buffer.concat([
      this.authDataHeader(ceremony.rpId, options.userVerified ?? true, FLAG_ATTESTED_CREDENTIAL),
      Buffer.alloc(16), // AAGUID: none
      Buffer.from([this.credentialId.length >> 8, this.credentialId.length & 0xff]),
      this.credentialId,
      this.cosePublicKey(),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, Uint8Array | string | Map<string, string>>([
        ["fmt", "none"],
        ["attStmt", new Map<string, string>()],
        ["authData", new Uint8Array(authData)],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: base64url(clientDataJSON),
        attestationObject: base64url(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
    };
  }

  /** A navigator.credentials.get() answer. */
  assert(ceremony: Ceremony, options: { userVerified?: boolean; userHandle?: string } = {}) {
    const clientDataJSON = this.clientData("webauthn.get", ceremony);
    const authenticatorData = this.authDataHeader(ceremony.rpId, options.userVerified ?? true, 0);
    // Keys this class makes are ES256; a browser's virtual authenticator may hold an Ed25519 one
    // (EdDSA hashes inside the algorithm, so no digest is named).
    const digest = this.privateKey.asymmetricKeyType === "ed25519" ? null : "sha256";
    const signature = sign(
      digest,
      Buffer.concat([authenticatorData, sha256(clientDataJSON)]),
      this.privateKey,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: base64url(clientDataJSON),
        authenticatorData: base64url(authenticatorData),
        signature: base64url(signature),
        ...(options.userHandle ? { userHandle: options.userHandle } : {}),
      },
      clientExtensionResults: {},
    };
  }

  private clientData(type: string, { challenge, origin }: Ceremony): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  private authDataHeader(rpId: string, userVerified: boolean, extraFlags: number): Buffer {
    const flags = FLAG_USER_PRESENT | (userVerified ? FLAG_USER_VERIFIED : 0) | extraFlags;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    this.counter += 1;
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), counter]);
  }

  /** The public key as COSE_Key: EC2 (kty 2), ES256 (alg -7), P-256 (crv 1), x, y. */
  private cosePublicKey(): Buffer {
    const jwk = this.privateKey.export({ format: "jwk" });
    const coordinate = (value: string | undefined) => new Uint8Array(Buffer.from(value ?? "", "base64url"));
    return Buffer.from(
      isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, coordinate(jwk.x)],
          [-3, coordinate(jwk.y)],
        ]),
      ),
    );
  }
}
