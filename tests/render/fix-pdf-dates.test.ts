import { expect, it } from 'vitest';
import { fixPdfDates } from '../../src/render/fix-pdf-dates.js';

it('rewrites the print dates in place, so the same page prints to the same bytes', () => {
  const pdf = Buffer.from(
    "1 0 obj\n<</CreationDate (D:20261129063512+00'00')\n/ModDate (D:20261129063513+00'00')>>\nendobj\n",
    'latin1',
  );
  const fixed = Buffer.from(fixPdfDates(pdf, {})).toString('latin1');
  expect(fixed).toBe(
    "1 0 obj\n<</CreationDate (D:20000101000000+00'00')\n/ModDate (D:20000101000000+00'00')>>\nendobj\n",
  );
  expect(fixed.length).toBe(pdf.length);
  expect(Buffer.from(fixPdfDates(pdf, { SOURCE_DATE_EPOCH: '1700000000' })).toString('latin1')).toContain(
    "/CreationDate (D:20231114221320+00'00')",
  );
});
