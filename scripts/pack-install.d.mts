// Types of pack-install.mjs, for the TypeScript that imports it (the bench).
/** Runs `command args` in `cwd` and returns its stdout; throws with its output if it fails. */
export declare function runChecked(
  what: string,
  command: string,
  args: readonly string[],
  cwd: string,
  env?: NodeJS.ProcessEnv,
): string;
/** Packs every published package into `destination`; returns the tarballs' paths. */
export declare function packAll(destination: string): string[];
/** Makes `project` an ES module project named `name` and installs `tarballs` there with npm. */
export declare function npmInstall(
  project: string,
  name: string,
  tarballs: readonly string[],
  options: { readonly offline: boolean },
): void;
