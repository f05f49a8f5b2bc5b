/** The checks `// throws Name: message` comments become in an example module. */
import { expect } from "vitest";

function expectError(error: unknown, name: string, message?: string): void {
  if (!(error instanceof Error)) expect.fail(`expected ${name}, got ${String(error)}`);
  if (message === undefined) expect(error.name).toBe(name);
  else expect({ name: error.name, message: error.message }).toEqual({ name, message });
}

/** `run()` throws an error named `name`, with exactly `message` when one is given. */
export function expectThrows(run: () => unknown, name: string, message?: string): void {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    expectError(error, name, message);
    return;
  }
  if (result instanceof Promise) {
    result.catch(() => {}); // the failure below is the one to report
    throw new Error(`expected ${name}, got a promise: write \`await\` before the expression`);
  }
  throw new Error(`expected ${name}, but nothing was thrown`);
}

/** `run()` rejects with an error named `name`, with exactly `message` when one is given. */
export async function expectRejects(
  run: () => Promise<unknown>,
  name: string,
  message?: string,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    expectError(error, name, message);
    return;
  }
  throw new Error(`expected ${name}, but the promise resolved`);
}
