// Duplicate hints: other reports about the same number, or from the same customer, within a week
// of this one's contact. Often the same scam reported twice (by the customer online and by an
// agent taking their call), or one caller working through a list. A hint, never a merge.
export const DUPLICATE_WINDOW_MS = 7 * 86_400_000;

export type DuplicateSubject = {
  id: string;
  reference: string;
  contactNumberE164: string | null;
  customerId: string | null;
  contactedAt: Date;
};

export type DuplicateHints = { sameNumber: DuplicateSubject[]; sameCustomer: DuplicateSubject[] };

export function findDuplicateHints(
  report: DuplicateSubject,
  candidates: readonly DuplicateSubject[],
  windowMs = DUPLICATE_WINDOW_MS,
): DuplicateHints {
  const near = (other: DuplicateSubject) =>
    other.id !== report.id &&
    Math.abs(other.contactedAt.getTime() - report.contactedAt.getTime()) <= windowMs;
  const byTime = (a: DuplicateSubject, b: DuplicateSubject) =>
    b.contactedAt.getTime() - a.contactedAt.getTime();
  return {
    sameNumber: report.contactNumberE164
      ? candidates
          .filter((other) => near(other) && other.contactNumberE164 === report.contactNumberE164)
          .sort(byTime)
      : [],
    sameCustomer: report.customerId
      ? candidates.filter((other) => near(other) && other.customerId === report.customerId).sort(byTime)
      : [],
  };
}

/** The window each report's candidates must fall in: one query can fetch them for a whole page. */
export function candidateWindows(reports: readonly DuplicateSubject[], windowMs = DUPLICATE_WINDOW_MS) {
  return reports.flatMap((report) => {
    const range = {
      gte: new Date(report.contactedAt.getTime() - windowMs),
      lte: new Date(report.contactedAt.getTime() + windowMs),
    };
    return [
      ...(report.contactNumberE164
        ? [{ contactNumberE164: report.contactNumberE164, contactedAt: range }]
        : []),
      ...(report.customerId ? [{ customerId: report.customerId, contactedAt: range }] : []),
    ];
  });
}
