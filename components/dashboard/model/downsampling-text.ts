/** What the preview API left out of a range result, as the preview API reports it. */
export interface DownsamplingReport {
  totalSeries: number;
  droppedSeries: number;
  totalPoints: number;
  droppedPoints: number;
  thinnedSeries: number;
  maxPoints: number;
}

/** "showing 100 of 240 series" and how many points were thinned, when the server left some out. */
export function downsamplingText(report: DownsamplingReport): string {
  const parts: string[] = [];
  if (report.droppedSeries > 0) {
    parts.push(`showing ${report.totalSeries - report.droppedSeries} of ${report.totalSeries} series`);
  }
  if (report.droppedPoints > 0) {
    parts.push(
      `${report.thinnedSeries} series thinned to ${report.maxPoints} points (${report.droppedPoints} of ${report.totalPoints} points left out)`,
    );
  }
  return parts.join("; ");
}
