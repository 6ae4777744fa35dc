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
    list: (dir) => Object.keys(folder(dir)).sort(),
    read(dir, file) {
      const content = folder(dir)[file];
      if (content === undefined) throw new Error(`template file "${dir}/${file}" does not exist`);
      return typeof content === 'string' ? encoder.encode(content) : content;
    },
  };
}
