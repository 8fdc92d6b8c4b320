// The policy in force when PHIGATE_CONFIG is unset: the contract's example, minus the
// site-specific partner rule. Mail with PHI never leaves in clear text; other mail uses TLS
// when the receiving server offers it.
export const EMBEDDED_POLICY_YAML = `
defaults:
  method: tls-opportunistic
  minTls: "1.2"
  fallback: [pgp, smime, portal]
rules:
  - name: PHI goes out by the best secure method
    match: { phi: true }
    method: best
`;
