// The import alias an app's tsconfig.json gives its code root.
import path from 'node:path';

/** The tsconfig alias whose target is the app code root ("./*" or "./src/*"), e.g. "~/". */
export function findAlias(tsconfig: unknown, srcDir: boolean): string | undefined {
  const options = (tsconfig as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined)?.compilerOptions;
  const paths = options?.paths;
  if (typeof paths !== 'object' || paths === null) return undefined;
  const baseUrl = typeof options?.baseUrl === 'string' ? options.baseUrl : '.';
  const want = srcDir ? 'src/*' : '*';
  const hits: string[] = [];
  for (const [key, targets] of Object.entries(paths as Record<string, unknown>)) {
    if (!key.endsWith('/*') || !Array.isArray(targets)) continue;
    if (targets.some((t) => typeof t === 'string' && path.posix.normalize(path.posix.join(baseUrl, t)) === want)) hits.push(key.slice(0, -1));
  }
  return hits.includes('@/') ? '@/' : hits.sort()[0];
}
