/**
 * Table borders of a PDF page, recovered from its drawing operators (pdf.js operator list, 5.x
 * path format): stroked horizontal/vertical segments, and thin filled rectangles (how Chromium,
 * WPS and Word often draw borders). Curves, diagonal strokes and large filled areas (cell
 * shading, page backgrounds) are ignored. The current transformation matrix is tracked through
 * save/restore, `cm` and form XObjects; results are in page space (origin bottom-left, y up).
 */
export interface OperatorList {
  readonly fnArray: ArrayLike<number>;
  readonly argsArray: ArrayLike<unknown>;
}

export interface RulingLine {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** The operator numbers used here, as pdf.js exports them in OPS. */
export interface OperatorCodes {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly constructPath: number;
  readonly paintFormXObjectBegin: number;
  readonly paintFormXObjectEnd: number;
  readonly stroke: number;
  readonly closeStroke: number;
  readonly fill: number;
  readonly eoFill: number;
  readonly fillStroke: number;
  readonly eoFillStroke: number;
  readonly closeFillStroke: number;
  readonly closeEOFillStroke: number;
}

type Matrix = readonly [number, number, number, number, number, number];
type Point = readonly [number, number];

const identity: Matrix = [1, 0, 0, 1, 0, 0];
const maxLines = 20_000;
/** A filled rectangle thinner than this (PDF units) is a drawn border. */
const maxBorderThickness = 3;
const minLineLength = 2;
const axisTolerance = 0.6;

/** inner applied first, then outer (pdf.js Util.transform(outer, inner)). */
function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}

const apply = (m: Matrix, x: number, y: number): Point => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

const asMatrix = (v: unknown): Matrix | null => {
  if (!isNumberList(v) || v.length < 6) return null;
  const m: Matrix = [v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!];
  return m.every(Number.isFinite) ? m : null;
};

function isNumberList(v: unknown): v is ArrayLike<number> {
  return (Array.isArray(v) || ArrayBuffer.isView(v)) && Array.prototype.every.call(v, (n: unknown) => typeof n === 'number');
}

interface SubPath {
  readonly points: Point[];
  /** Segments (index i joins points[i] and points[i+1]) that are straight. */
  readonly straight: boolean[];
  closed: boolean;
}

/** Path data of pdf.js 5: 0 moveTo x y, 1 lineTo x y, 2 curveTo ×6, 3 quadraticCurveTo ×4, 4 closePath. */
function decodePath(data: ArrayLike<number>): SubPath[] {
  const paths: SubPath[] = [];
  let current: SubPath | null = null;
  const to = (x: number, y: number, straight: boolean) => {
    if (!current) {
      current = { points: [[x, y]], straight: [], closed: false };
      paths.push(current);
      return;
    }
    current.points.push([x, y]);
    current.straight.push(straight);
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 0) {
      current = { points: [[data[i]!, data[i + 1]!]], straight: [], closed: false };
      paths.push(current);
      i += 2;
    } else if (op === 1) {
      to(data[i]!, data[i + 1]!, true);
      i += 2;
    } else if (op === 2) {
      to(data[i + 4]!, data[i + 5]!, false);
      i += 6;
    } else if (op === 3) {
      to(data[i + 2]!, data[i + 3]!, false);
      i += 4;
    } else if (op === 4) {
      if (current) current.closed = true;
      current = null;
    } else {
      break; // unknown encoding: stop rather than misread
    }
  }
  return paths;
}

function pathData(arg: unknown): ArrayLike<number>[] {
  if (isNumberList(arg)) return [arg];
  if (Array.isArray(arg)) return arg.filter(isNumberList);
  return [];
}

/** Segments of a path as page-space lines when horizontal or vertical. */
function strokedLines(path: SubPath, m: Matrix, out: RulingLine[]): void {
  const pts = path.points.map(([x, y]) => apply(m, x, y));
  const segs: [Point, Point, boolean][] = [];
  for (let i = 0; i + 1 < pts.length; i++) segs.push([pts[i]!, pts[i + 1]!, path.straight[i] ?? false]);
  if (path.closed && pts.length > 2) segs.push([pts[pts.length - 1]!, pts[0]!, true]);
  for (const [p, q, straight] of segs) {
    if (!straight) continue;
    const horizontal = Math.abs(p[1] - q[1]) <= axisTolerance;
    const vertical = Math.abs(p[0] - q[0]) <= axisTolerance;
    if (!horizontal && !vertical) continue;
    if (Math.hypot(p[0] - q[0], p[1] - q[1]) < minLineLength) continue;
    out.push(horizontal
      ? { x1: Math.min(p[0], q[0]), y1: (p[1] + q[1]) / 2, x2: Math.max(p[0], q[0]), y2: (p[1] + q[1]) / 2 }
      : { x1: (p[0] + q[0]) / 2, y1: Math.min(p[1], q[1]), x2: (p[0] + q[0]) / 2, y2: Math.max(p[1], q[1]) });
  }
}

/** A filled axis-aligned rectangle that is thin in one direction, as the line along its middle. */
function filledLine(path: SubPath, m: Matrix, out: RulingLine[]): void {
  if (path.straight.some((s) => !s)) return;
  const pts = path.points.map(([x, y]) => apply(m, x, y));
  if (pts.length < 4 || pts.length > 5) return;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  // every corner must lie on the bounding box's corners (an axis-aligned rectangle)
  const onCorner = (p: Point) =>
    (Math.abs(p[0] - x0) <= axisTolerance || Math.abs(p[0] - x1) <= axisTolerance) &&
    (Math.abs(p[1] - y0) <= axisTolerance || Math.abs(p[1] - y1) <= axisTolerance);
  if (!pts.every(onCorner)) return;
  const w = x1 - x0, h = y1 - y0;
  if (h <= maxBorderThickness && w >= minLineLength && w > h) out.push({ x1: x0, y1: (y0 + y1) / 2, x2: x1, y2: (y0 + y1) / 2 });
  else if (w <= maxBorderThickness && h >= minLineLength && h > w) out.push({ x1: (x0 + x1) / 2, y1: y0, x2: (x0 + x1) / 2, y2: y1 });
}

/**
 * Horizontal and vertical ruling lines of a page. `viewportTransform` maps PDF user space to the
 * displayed page (y down, as pdf.js viewports do); `pageHeight` flips it back to y up.
 */
export function rulingLinesFromOperators(
  ops: OperatorList,
  codes: OperatorCodes,
  viewportTransform: Matrix,
  pageHeight: number,
): RulingLine[] {
  const toPage = compose([1, 0, 0, -1, 0, pageHeight], viewportTransform);
  const strokeOps = new Set([codes.stroke, codes.closeStroke, codes.fillStroke, codes.eoFillStroke, codes.closeFillStroke, codes.closeEOFillStroke]);
  const fillOps = new Set([codes.fill, codes.eoFill, codes.fillStroke, codes.eoFillStroke, codes.closeFillStroke, codes.closeEOFillStroke]);
  const out: RulingLine[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = identity;
  for (let i = 0; i < ops.fnArray.length && out.length < maxLines; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === codes.save) stack.push(ctm);
    else if (fn === codes.restore) ctm = stack.pop() ?? ctm;
    else if (fn === codes.transform) ctm = compose(ctm, asMatrix(args) ?? identity);
    else if (fn === codes.paintFormXObjectBegin) {
      stack.push(ctm);
      ctm = compose(ctm, (Array.isArray(args) && asMatrix(args[0])) || identity);
    } else if (fn === codes.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === codes.constructPath && Array.isArray(args)) {
      const paint = args[0];
      if (typeof paint !== 'number' || (!strokeOps.has(paint) && !fillOps.has(paint))) continue;
      const m = compose(toPage, ctm);
      for (const data of pathData(args[1])) {
        for (const path of decodePath(data)) {
          if (strokeOps.has(paint)) strokedLines(path, m, out);
          if (fillOps.has(paint)) filledLine(path, m, out);
        }
      }
    }
  }
  return out;
}
