// RFC 8460 (SMTP TLS Reporting) JSON shapes, shared by apply.ts and tls-rpt.ts.

/** RFC 8460 §4.3 result types. */
export type ResultType =
  | 'starttls-not-supported'
  | 'certificate-host-mismatch'
  | 'certificate-expired'
  | 'certificate-not-trusted'
  | 'validation-failure'
  | 'tlsa-invalid'
  | 'dnssec-invalid'
  | 'dane-required'
  | 'sts-policy-fetch-error'
  | 'sts-policy-invalid'
  | 'sts-webpki-invalid';

export type ReportPolicy = {
  'policy-type': 'sts' | 'tlsa' | 'no-policy-found';
  'policy-string': string[];
  'policy-domain': string;
  'mx-host'?: string[];
};

export type FailureDetail = {
  'result-type': ResultType;
  'sending-mta-ip'?: string;
  'receiving-mx-hostname'?: string;
  'receiving-mx-helo'?: string;
  'receiving-ip'?: string;
  'failed-session-count': number;
  'additional-information'?: string;
  'failure-reason-code'?: string;
};

/** One delivery attempt's outcome, as recorded by the delivery code for the daily report. */
export type SessionResult = {
  /** Milliseconds since the epoch. */
  at: number;
  policy: ReportPolicy;
  success: boolean;
  failure?: FailureDetail;
};

export type TlsRptReport = {
  'organization-name': string;
  'date-range': { 'start-datetime': string; 'end-datetime': string };
  'contact-info': string;
  'report-id': string;
  policies: {
    policy: ReportPolicy;
    summary: { 'total-successful-session-count': number; 'total-failure-session-count': number };
    'failure-details'?: FailureDetail[];
  }[];
};
