// npm's rules for a new package name (validate-npm-package-name, unscoped), without the
// dependency. The project name is the basename of the target directory.
import { builtinModules } from 'node:module';

const BLOCKED = new Set(['node_modules', 'favicon.ico']);

/** Why `name` is not a valid npm package name, or undefined if it is. */
export function packageNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > 214) return 'it is longer than 214 characters';
  if (name.trim() !== name) return 'it has leading or trailing spaces';
  if (name.startsWith('.')) return 'it starts with "."';
  if (name.startsWith('_')) return 'it starts with "_"';
  if (name !== name.toLowerCase()) return 'it has uppercase letters';
  if (BLOCKED.has(name)) return `"${name}" is reserved`;
  if (builtinModules.includes(name)) return `"${name}" is a Node.js core module name`;
  if (/[~'!()*]/.test(name.slice(1))) return 'it contains one of ~\'!()*';
  if (encodeURIComponent(name) !== name || !/^[a-z0-9~-][a-z0-9._~-]*$/.test(name)) {
    return 'it has characters that are not URL-safe (use a-z, 0-9, "-", "." and "_")';
  }
  return undefined;
}
