// The UCI optical handwritten digits: 1,797 grey images of 8×8 pixels, each pixel the count of
// inked cells in a 4×4 block of a 32×32 scan (0–16), labelled 0–9. Small enough to train a
// LeNet-style network live in a page. The pixels live in digits/digit-rows.ts (provenance and
// licence in digits/README.md), fetched through import() on first use, so a page that never
// asks for them never downloads them.
import { describeValue, Tensor } from "../tensor/index.ts";

/** Options of `data.digits`. */
export interface DigitsOptions {
  /** Divide the pixels by 16 so they lie in [0, 1] (default true); false keeps 0–16. */
  scale?: boolean;
}

/** The digits set, every image in the order of the source file. */
export interface DigitsData {
  /** Images [1797, 1, 8, 8] (N, channels, height, width), ready for `nn.Conv2d(1, …)`. */
  images: Tensor;
  /** The same pixels flattened, [1797, 64], row by row, for an MLP. */
  x: Tensor;
  /** Class of each image, [1797], for `F.crossEntropy(logits, y)`. */
  y: Tensor;
  /** The classes as plain numbers. */
  labels: number[];
  /** The raw pixel values 0–16, 64 per image, row by row. */
  pixels: Uint8Array;
}

/** Images in the set, and pixels per image. */
export const DIGITS_COUNT = 1797;
const SIZE = 64;

let rows: Promise<readonly string[]> | null = null;

/**
 * `const digits = await data.digits()`: the 1,797 labelled 8×8 images of the UCI optical
 * handwritten digits set (Alpaydin and Kaynak, 1998; CC BY 4.0), about 180 of each class.
 * Asynchronous because the 128 kB of pixels load only when first asked for. Each call returns
 * fresh tensors; split them with `data.randomSplit` and batch them with `data.DataLoader`.
 */
export async function digits(options: DigitsOptions = {}): Promise<DigitsData> {
  if (typeof options !== "object" || options === null) {
    throw new Error(
      `data.digits: expected options such as { scale: false }, or nothing, found ${describeValue(options)}`,
    );
  }
  rows ??= import("./digits/digit-rows.ts").then((m) => m.DIGIT_ROWS);
  const lines = await rows;
  const scale = options.scale === false ? 1 : 1 / 16;
  const pixels = new Uint8Array(DIGITS_COUNT * SIZE);
  const x = new Float64Array(DIGITS_COUNT * SIZE);
  const labels: number[] = [];
  for (const [n, line] of lines.entries()) {
    labels.push(line.charCodeAt(0) - 48); // "0"…"9"
    for (let k = 0; k < SIZE; k++) {
      const v = line.charCodeAt(k + 1) - 97; // "a" (0) … "q" (16)
      pixels[n * SIZE + k] = v;
      x[n * SIZE + k] = v * scale;
    }
  }
  return {
    images: new Tensor(x.slice(), [DIGITS_COUNT, 1, 8, 8]),
    x: new Tensor(x, [DIGITS_COUNT, SIZE]),
    y: new Tensor(Float64Array.from(labels), [DIGITS_COUNT]),
    labels,
    pixels,
  };
}
