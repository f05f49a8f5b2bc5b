import { existsSync } from "node:fs";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

// Debian's Chromium: test tools cannot download browsers of their own here.
const chromium = process.env.PYBUFFER_CHROMIUM ?? "/usr/bin/chromium";
const haveChromium = existsSync(chromium);
if (!haveChromium && process.env.PYBUFFER_REQUIRE_BROWSER) {
  throw new Error(`PYBUFFER_REQUIRE_BROWSER is set but ${chromium} does not exist`);
}

const nodeTests = ["packages/*/test/**/*.test.ts", "internal/*/test/**/*.test.ts"];
const browserTests = ["packages/*/test/**/*.browser.test.ts"];

/**
 * Whether this Node runs `using` declarations itself (Node 24 and later). There the Node
 * project's modules keep them as written, so README examples and tests with `using` run on
 * the platform's own explicit resource management; older Nodes get them down-levelled.
 */
function nativeUsing(): boolean {
  try {
    new Function("{ using x = null; }");
    return true;
  } catch {
    return false;
  }
}

export default defineConfig({
  test: {
    projects: [
      {
        oxc: nativeUsing() ? { target: "esnext" } : {},
        test: {
          name: "node",
          include: nodeTests,
          exclude: [...browserTests, "**/node_modules/**"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(haveChromium
        ? [
            {
              test: {
                name: "browser",
                include: browserTests,
                browser: {
                  enabled: true,
                  headless: true,
                  provider: playwright({
                    launchOptions: {
                      executablePath: chromium,
                      args: [
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                      ],
                    },
                  }),
                  instances: [{ browser: "chromium" as const }],
                },
              },
            },
          ]
        : []),
    ],
  },
});
