// A limit on the size of one tensor, so a typo such as zeros([2e4, 2e4]) (3.2 GB) is refused
// with the op, the shape and the bytes, instead of freezing the tab or ending Node with a bare
// RangeError. 512 MB by default (64 million float64 values); `setMaxTensorBytes` changes it.

import { showValue } from "./arguments.ts";

let maxBytes = 512e6;

/** The largest tensor, in bytes, an op or creator makes (values are 8 bytes each). */
export function maxTensorBytes(): number {
  return maxBytes;
}

/** Sets the size limit (bytes, at least 8); returns the previous one. */
export function setMaxTensorBytes(bytes: number): number {
  if (typeof bytes !== "number" || !(bytes >= 8)) {
    throw new Error(`setMaxTensorBytes: expected a number of bytes ≥ 8, found ${showValue(bytes)}`);
  }
  const previous = maxBytes;
  maxBytes = bytes;
  return previous;
}

/** 3.2 GB, 512 MB, 800 kB: bytes as a reader says them. */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "kB", "MB", "GB", "TB", "PB"];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${v} bytes` : `${Number(v.toPrecision(3))} ${units[u]}`;
}

/** Throws, naming `op` and `shape`, if a tensor of `shape` would pass the limit. */
export function checkSize(op: string, shape: readonly number[]): void {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  if (n * 8 <= maxBytes) return;
  throw new Error(
    `${op}: a tensor of shape [${shape.join(",")}] would hold ${n.toLocaleString("en-US")} values ` +
      `(${formatBytes(n * 8)}), more than the limit of ${formatBytes(maxBytes)} — check the shape, ` +
      "or raise the limit with setMaxTensorBytes(bytes)",
  );
}
