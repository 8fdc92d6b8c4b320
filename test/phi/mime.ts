/** Builds small RFC 5322 messages for tests (multipart/mixed, base64 attachments). */
export interface TestAttachment { filename: string; contentType: string; content: string | Buffer }

export function mimeMessage(opts: { subject: string; text?: string; html?: string; attachments?: TestAttachment[] }): string {
  const b = 'BOUNDARY_phi_test';
  const lines = ['From: Nurse Kim <kim@clinic.example>', 'To: Dr Lee <lee@clinic.example>', `Subject: ${opts.subject}`, 'Date: Tue, 04 Mar 2025 10:00:00 +0000', 'Message-ID: <t1@clinic.example>', 'MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${b}"`, ''];
  if (opts.text !== undefined) lines.push(`--${b}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', opts.text);
  if (opts.html !== undefined) lines.push(`--${b}`, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', opts.html);
  for (const a of opts.attachments ?? []) {
    const data = Buffer.isBuffer(a.content) ? a.content : Buffer.from(a.content, 'utf8');
    lines.push(`--${b}`, `Content-Type: ${a.contentType}; name="${a.filename}"`, `Content-Disposition: attachment; filename="${a.filename}"`, 'Content-Transfer-Encoding: base64', '', data.toString('base64').replace(/.{76}/g, '$&\r\n'));
  }
  lines.push(`--${b}--`, '');
  return lines.join('\r\n');
}
