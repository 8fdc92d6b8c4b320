// DKIM-signs an outgoing message with mailauth (relaxed/relaxed, rsa-sha256 or
// ed25519-sha256 by key type) and returns it with the DKIM-Signature prepended.
// Strict mode: mailauth refuses weak keys and malformed d=/s= instead of signing anyway.

// mailauth (with its public-suffix and VMC tables) is loaded on the first signature, not at
// start: most gateways sign only the messages they changed.
let mailauth: Promise<typeof import('mailauth')> | null = null;
const loadDkimSign = async () => (await (mailauth ??= import('mailauth'))).dkimSign;

export type SignOptions = {
  domain: string;
  selector: string;
  /** PKCS#8 PEM. Never logged; errors below never include it. */
  privateKey: string;
  /** Header fields to sign; mailauth's default list (From, To, Subject, Date, …) otherwise. */
  headerList?: string[];
  signTime?: Date;
};

export class DkimSignError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'DkimSignError';
    this.code = code;
  }
}

export async function signMessage(raw: Buffer, options: SignOptions): Promise<Buffer> {
  let result;
  try {
    const signature = { signingDomain: options.domain, selector: options.selector, privateKey: options.privateKey };
    result = await (await loadDkimSign())(raw, {
      // mailauth reads the keys from signatureData only; the top-level fields are required by its types.
      ...signature,
      signatureData: [signature],
      canonicalization: 'relaxed/relaxed',
      strict: true,
      ...(options.headerList ? { headerList: options.headerList } : {}),
      ...(options.signTime ? { signTime: options.signTime } : {}),
    });
  } catch (err) {
    // Key parse errors from node:crypto carry no key material, but keep only the code.
    throw new DkimSignError((err as { code?: string }).code ?? 'ESIGN', `DKIM signing for ${options.domain} failed`);
  }
  const failure = result.errors[0];
  if (failure || !result.signatures) {
    const code = failure?.err.code ?? 'ENOSIGNATURE';
    throw new DkimSignError(code, `DKIM signing for ${options.domain} failed: ${code}`);
  }
  // Keep the message's own line endings: a LF-only message gets a LF-only header.
  const lfOnly = !/\r\n/.test(raw.subarray(0, 1000).toString('latin1')) && raw.includes(0x0a);
  const header = lfOnly ? result.signatures.replace(/\r\n/g, '\n') : result.signatures;
  return Buffer.concat([Buffer.from(header, 'latin1'), raw]);
}
