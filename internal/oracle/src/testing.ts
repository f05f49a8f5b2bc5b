/** Vitest helpers for live-oracle property tests. */
import { afterAll, describe } from "vitest";
import { LivePython } from "./live.js";
import type { PythonKind } from "./python.js";

/**
 * `describe` with a live interpreter: the suite gets a started {@link LivePython}.
 * Without that interpreter on the machine the suite is skipped and says why.
 */
export function describeWithPython(
  kind: PythonKind,
  name: string,
  body: (python: () => LivePython) => void,
): void {
  const python = LivePython.start(kind);
  if (python === null) {
    console.warn(`[oracle] Python ${kind} not found: skipping live-oracle suite "${name}"`);
    describe.skip(`${name} (no Python ${kind} on this machine)`, () => body(unavailable));
    return;
  }
  describe(`${name} (live Python ${python.version})`, () => {
    afterAll(() => python.close());
    body(() => python);
  });
}

function unavailable(): never {
  throw new Error("live Python is not available");
}
