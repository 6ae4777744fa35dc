// A small unified diff for `gen env --check`: files here are short, and the change is
// usually one block, so common prefix/suffix trimming plus an LCS on the middle is plenty.

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

type Op = { kind: ' ' | '-' | '+'; text: string; a: number; b: number };

function diffOps(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const ops: Op[] = [];
  for (let i = 0; i < pre; i++) ops.push({ kind: ' ', text: a[i] as string, a: i, b: i });
  const n = am.length;
  const m = bm.length;
  if (n * m > 4_000_000) {
    am.forEach((text, i) => ops.push({ kind: '-', text, a: pre + i, b: pre }));
    bm.forEach((text, j) => ops.push({ kind: '+', text, a: pre + n, b: pre + j }));
  } else {
    // LCS lengths, then walk forward.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = am[i] === bm[j] ? (lcs[(i + 1) * w + j + 1] as number) + 1 : Math.max(lcs[(i + 1) * w + j] as number, lcs[i * w + j + 1] as number);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        ops.push({ kind: ' ', text: am[i] as string, a: pre + i, b: pre + j });
        i++;
        j++;
      } else if (j < m && (i === n || (lcs[i * w + j + 1] as number) >= (lcs[(i + 1) * w + j] as number))) {
        ops.push({ kind: '+', text: bm[j] as string, a: pre + i, b: pre + j });
        j++;
      } else {
        ops.push({ kind: '-', text: am[i] as string, a: pre + i, b: pre + j });
        i++;
      }
    }
  }
  for (let k = 0; k < suf; k++) ops.push({ kind: ' ', text: a[a.length - suf + k] as string, a: a.length - suf + k, b: b.length - suf + k });
  return ops;
}

/** Unified diff of two texts (`---`/`+++` headers, 3 lines of context); '' when equal. */
export function unifiedDiff(file: string, before: string, after: string, maskLine: (line: string) => string = (l) => l): string {
  if (before === after) return '';
  const ops = diffOps(splitLines(before), splitLines(after));
  const out = [`--- a/${file}`, `+++ b/${file}`];
  const context = 3;
  let k = 0;
  while (k < ops.length) {
    while (k < ops.length && ops[k]?.kind === ' ') k++;
    if (k >= ops.length) break;
    const start = Math.max(0, k - context);
    let end = k;
    // Extend while changes are within 2*context of each other.
    for (;;) {
      while (end < ops.length && ops[end]?.kind !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next]?.kind === ' ') next++;
      if (next < ops.length && next - end <= context * 2) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const first = hunk[0] as Op;
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aCount ? first.a + 1 : first.a},${aCount} +${bCount ? first.b + 1 : first.b},${bCount} @@`);
    for (const o of hunk) out.push(`${o.kind}${maskLine(o.text)}`);
    k = stop;
  }
  if (before !== '' && !before.endsWith('\n')) out.push('\\ No newline at end of file (before)');
  return `${out.join('\n')}\n`;
}
