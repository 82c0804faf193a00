import { addDays } from "../../lib/kernel/dates";

/**
 * The demo batches' objections (异议) to selections on public notice. Fixed ids (the batch's id
 * and a number); "demo" stands for the hashed client address, which is never a real one.
 */
const lodged = (batchId: string, n: number, applicationId: string, createdAt: Date) => ({
  id: `${batchId}-o${n}`,
  batchId,
  applicationId,
  contact: "（演示）",
  ipHash: "demo",
  createdAt,
});

/** The announced school batch: one objection upheld (the selection removed), one dismissed. */
export function resolvedObjections(batchId: string, removedId: string, dismissedId: string, noticeStart: Date) {
  return [
    {
      ...lodged(batchId, 1, removedId, addDays(noticeStart, 1)),
      name: "（演示）群众来信",
      text: "（演示）反映该校申报的实训设备总值与实际情况不符。",
      status: "UPHELD" as const,
      resolution: "（演示）经核查，申报材料中实训设备总值与实际不符，取消入选资格。",
      resolvedAt: addDays(noticeStart, 4),
    },
    {
      ...lodged(batchId, 2, dismissedId, addDays(noticeStart, 2)),
      name: "（演示）匿名",
      text: "（演示）质疑该校毕业生就业率数据。",
      status: "DISMISSED" as const,
      resolution: "（演示）经核查，就业数据有社保记录佐证，异议不成立。",
      resolvedAt: addDays(noticeStart, 5),
    },
  ];
}

/** The batch on notice: one objection lodged a day into the notice and not yet answered (the ministry's inbox shows it). */
export function openObjection(batchId: string, applicationId: string, noticeStart: Date) {
  return {
    ...lodged(batchId, 1, applicationId, addDays(noticeStart, 1)),
    name: "（演示）群众来信",
    text: "（演示）反映该专业申报的校企合作企业数量与实际情况不符，请予核实。",
    status: "OPEN" as const,
  };
}
