/** Two ISO times on the same UTC day: report snapshots of one day replace each other (SaveReportOptions). */
export function sameUtcDay(a: string, b: string): boolean {
  return new Date(a).toISOString().slice(0, 10) === new Date(b).toISOString().slice(0, 10);
}
