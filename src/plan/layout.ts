// Where the generated code goes in a project: a leaf module, so that src/existing-app can use it
// without loading the features (src/plan/context.ts re-exports it).

/**
 * Where generated code goes and how it imports itself. A new project uses the default; an
 * existing app gets what was detected in it (src/detect), recorded in the manifest so that
 * later runs generate the same paths.
 */
export interface ProjectLayout {
  /** App code under `src/` (`src/app`, `src/lib`, `src/proxy.ts`). */
  srcDir: boolean;
  /** The tsconfig path alias of the app code root, as an import prefix: "@/", "~/". */
  alias: string;
  /** `proxy.ts` exporting `proxy` (Next 16+) or `middleware.ts` exporting `middleware` (Next 15). */
  proxyFile: 'proxy' | 'middleware';
}

export const DEFAULT_LAYOUT: Readonly<ProjectLayout> = { srcDir: false, alias: '@/', proxyFile: 'proxy' };

export function isDefaultLayout(layout: ProjectLayout): boolean {
  return layout.srcDir === DEFAULT_LAYOUT.srcDir && layout.alias === DEFAULT_LAYOUT.alias && layout.proxyFile === DEFAULT_LAYOUT.proxyFile;
}
