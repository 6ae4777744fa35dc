// Variables that libraries read by themselves, so the project's code never spells them out:
// keyed by the dependency in package.json (or requirements) that reads them. A documented
// variable one of these libraries reads is not `unused`.
import { READ_BY_LIBRARIES } from './names.js';

/** Matches the names a set of dependencies reads; Better Auth's own are always included. */
export function libraryReads(dependencies: ReadonlySet<string>): (name: string) => boolean {
  void dependencies; // the per-dependency table comes next (issue 11, class 5)
  return (name) => READ_BY_LIBRARIES.has(name);
}
