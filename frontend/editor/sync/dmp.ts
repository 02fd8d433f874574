// The diff-match-patch package, typed once for the rest of the editor.
import DiffMatchPatch from "diff-match-patch";

export type Diff = DiffMatchPatch.Diff;
export type Dmp = DiffMatchPatch;
export const DIFF_DELETE = -1;
export const DIFF_INSERT = 1;
export const DIFF_EQUAL = 0;

export function newDmp(): Dmp {
  return new DiffMatchPatch();
}
