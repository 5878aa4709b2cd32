/**
 * Chrome stamps every PDF with the time it printed it, so the same page prints to different bytes and
 * a release would replace every PDF on each run. Each date is rewritten in place, to the same length
 * (the cross-reference offsets stay valid), as `SOURCE_DATE_EPOCH` or else 2000-01-01 00:00:00.
 */
export function fixPdfDates(pdf: Uint8Array, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const stamp = pdfDateStamp(env);
  const text = Buffer.from(pdf).toString('latin1');
  // Only the digits change: the time zone Chrome wrote stays, and so does every byte offset.
  const fixed = text.replace(
    /(\/(?:CreationDate|ModDate) ?\(D:)\d{14}/g,
    (_whole, key: string) => key + stamp,
  );
  return Buffer.from(fixed, 'latin1');
}

/** The date written into PDFs, as `YYYYMMDDHHmmSS`: `SOURCE_DATE_EPOCH`, or else 2000-01-01 00:00:00. */
export function pdfDateStamp(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const date = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date(Date.UTC(2000, 0, 1));
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
