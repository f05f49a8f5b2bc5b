// Types of node-versions.mjs, for the TypeScript that imports it (the bench).
/** The pinned versions, oldest first (`["20.19.0", …]`). */
export declare const TESTED_NODES: readonly string[];
/** The full pinned version for a major (`"24"` → `"24.21.0"`), or the version itself. */
export declare function pinnedNode(version: string): string;
/** The path of the `node` binary of `version`, fetched by npx when it is not cached yet. */
export declare function nodeBinary(version: string): string;
