/** Public types of the PHI engine (shared by the gateway, the add-ins and the CLI). */

export type PhiType =
  | 'SSN' | 'MRN' | 'MBI' | 'HEALTH_PLAN_ID' | 'DOB' | 'PATIENT_NAME' | 'ADDRESS' | 'PHONE'
  | 'EMAIL_ADDRESS' | 'DATE_OF_SERVICE' | 'ICD10' | 'DIAGNOSIS' | 'MEDICATION' | 'LAB_RESULT'
  | 'NPI' | 'DEA' | 'CREDIT_CARD' | 'BANK_ACCOUNT' | 'IP_ADDRESS' | 'URL' | 'DEVICE_ID' | 'OTHER';

export const PHI_TYPES: readonly PhiType[] = [
  'SSN', 'MRN', 'MBI', 'HEALTH_PLAN_ID', 'DOB', 'PATIENT_NAME', 'ADDRESS', 'PHONE',
  'EMAIL_ADDRESS', 'DATE_OF_SERVICE', 'ICD10', 'DIAGNOSIS', 'MEDICATION', 'LAB_RESULT',
  'NPI', 'DEA', 'CREDIT_CARD', 'BANK_ACCOUNT', 'IP_ADDRESS', 'URL', 'DEVICE_ID', 'OTHER',
];

export type Confidence = 'high' | 'medium' | 'low';

export interface Finding {
  type: PhiType;
  confidence: Confidence;
  /** Which part of the message: subject, body, html, attachment:<name>, attachment-name, ... */
  where: string;
  /** Offsets (UTF-16 code units) within that part's text. */
  start: number;
  end: number;
  /** Machine-readable evidence: pattern ids, checksums, keyword and distance. Never the matched value. */
  reasons: string[];
  /** Plain-words explanation for a clinician; may quote the matched words, so only show it locally. */
  explain: string;
}

export interface ScanResult {
  containsPhi: boolean;
  /** 0..1; >= 0.5 exactly when containsPhi. */
  score: number;
  findings: Finding[];
  /** Plain-words reasons for the message-level decision (no matched values). */
  decision: string[];
}

export interface MessagePart {
  where: string;
  text: string;
}

export interface ScanOptions {
  /** Part name used for findings of scanText (default "body"). */
  where?: string;
}
