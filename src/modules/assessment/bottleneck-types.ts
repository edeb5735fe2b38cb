// Kept apart from process-snapshot.ts so schemas can import it without an import cycle.

/** Bottleneck types of the method: 纸质审批, 信息孤岛, 重复录入, 等待, 返工. */
export const BOTTLENECK_TYPES = ['paper_approval', 'information_silo', 'rekeying', 'waiting', 'rework'] as const;
export type BottleneckType = (typeof BOTTLENECK_TYPES)[number];

export type ProcessStage = 'as_is' | 'to_be';
