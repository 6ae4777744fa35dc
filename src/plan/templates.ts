// Where plan() gets template files from. Passed in, so plan() itself never touches the disk:
// the CLI uses the disk store (disk-store.ts), tests can use an in-memory one.

export interface TemplateStore {
  /**
   * Every file under the template folder `dir` (e.g. "next-app" for `templates/next-app/`),
   * as posix paths relative to it, sorted. Throws if the folder does not exist.
   */
  list(dir: string): string[];
  /** Raw bytes of one file listed by `list(dir)`. */
  read(dir: string, file: string): Uint8Array;
  /** Whether the template folder `dir` exists. */
  has(dir: string): boolean;
}

/** The folder of Handlebars partials: pieces several frameworks' templates share. */
export const PARTIALS_DIR = '_partials';

/**
 * The partials templates may include, by name: `_partials/better-auth-options.ts.hbs` is
 * `{{> better-auth-options}}` (the name stops at the first dot).
 */
export function templatePartials(store: TemplateStore): Record<string, string> {
  if (!store.has(PARTIALS_DIR)) return {};
  const decoder = new TextDecoder();
  const partials: Record<string, string> = {};
  for (const file of store.list(PARTIALS_DIR)) {
    if (!file.endsWith('.hbs')) continue;
    const name = file.slice(0, file.includes('.') ? file.indexOf('.') : undefined);
    partials[name] = decoder.decode(store.read(PARTIALS_DIR, file));
  }
  return partials;
}

/** A TemplateStore over an in-memory tree: `{ "next-app": { "app/page.tsx.hbs": "..." } }`. */
export function memoryTemplateStore(tree: Record<string, Record<string, string | Uint8Array>>): TemplateStore {
  const encoder = new TextEncoder();
  function folder(dir: string): Record<string, string | Uint8Array> {
    const files = tree[dir];
    if (!files) throw new Error(`template folder "${dir}" does not exist`);
    return files;
  }
  return {
    has: (dir) => tree[dir] !== undefined,
    list: (dir) => Object.keys(folder(dir)).sort(),
    read(dir, file) {
      const content = folder(dir)[file];
      if (content === undefined) throw new Error(`template file "${dir}/${file}" does not exist`);
      return typeof content === 'string' ? encoder.encode(content) : content;
    },
  };
}
